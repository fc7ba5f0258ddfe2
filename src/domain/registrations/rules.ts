// 报考 (002 §5.2.6, 001 §3.1.2.7): when a candidate may register for a certificate level of a plan, which subjects
// that means, the registration's status from its sittings' schedule and times, and when it may be deleted.
import type { CandidateStatus, CandidateType, ExamRegistrationMode } from "@/generated/prisma/enums";
import { CANDIDATE_STATUS_LABELS } from "@/domain/candidates/rules";
import { beijingMinute } from "@/domain/text";

export type RegistrationStatus = "UNSCHEDULED" | "WAITING" | "IN_EXAM" | "ENDED";
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  UNSCHEDULED: "未排考",
  WAITING: "待考试",
  IN_EXAM: "考试中",
  ENDED: "已结束",
};

export type Sitting = { scheduled: boolean; startsAt: Date; endsAt: Date };

/**
 * 未排考 until every subject is scheduled, then 待考试 until a subject's exam starts, 考试中 during one, 已结束 once
 * the last has ended (also when it was never scheduled: the exam is over).
 */
export function registrationStatus(sittings: Sitting[], now: Date): RegistrationStatus {
  if (sittings.length > 0 && sittings.every((s) => s.endsAt <= now)) return "ENDED";
  if (sittings.length === 0 || sittings.some((s) => !s.scheduled)) return "UNSCHEDULED";
  if (sittings.some((s) => s.startsAt <= now && now < s.endsAt)) return "IN_EXAM";
  return "WAITING";
}

/** 参考对象: 所有考生 fits all, 院校考生 / 社会考生 the candidate's type, a named direction the row's declared group. */
export function fitsTargetGroup(group: string, candidateType: CandidateType, declared?: string | null): boolean {
  if (group === "所有考生") return true;
  if (group === "院校考生") return candidateType === "SCHOOL";
  if (group === "社会考生") return candidateType === "SOCIAL";
  return !!declared && declared.trim() === group;
}

export type PlanForRegistration = {
  registrationStartsAt: Date;
  registrationEndsAt: Date;
  registrationMode: ExamRegistrationMode;
  /** The plan includes the registering school. */
  includesSchool: boolean;
};

/** The plan is in its 报考 window and the school takes part: the only time registrations are made or deleted. */
export function registrationWindowProblem(plan: Omit<PlanForRegistration, "registrationMode">, now: Date): string | null {
  if (!plan.includesSchool) return "贵校未参加该考试计划";
  if (now < plan.registrationStartsAt) return `考试计划尚未开始报考（报考时间 ${beijingMinute(plan.registrationStartsAt)} 起）`;
  if (now >= plan.registrationEndsAt) return `考试计划的报考时间已结束（${beijingMinute(plan.registrationEndsAt)}）`;
  return null;
}

export type CandidateForRegistration = { status: CandidateStatus; type: CandidateType; majorId: string | null; own: boolean };

/** The school's own candidate, 信息准确, and (a school candidate) in one of the certificate's majors. */
export function candidateProblem(c: CandidateForRegistration, certificateMajorIds: readonly string[]): string | null {
  if (!c.own) return "考生不存在或不属于本校";
  if (c.status !== "VERIFIED") return `考生信息状态为「${CANDIDATE_STATUS_LABELS[c.status]}」，须为「信息准确」方可报考`;
  if (c.type === "SCHOOL") {
    if (!c.majorId) return "考生未填写所学专业，不能报考";
    if (!certificateMajorIds.includes(c.majorId)) return "考生所学专业不在该证书对应的专业范围内";
  }
  return null;
}

export type PlanSubject = { subjectId: string; code: string; name: string; targetGroup: string };

/**
 * The sittings a row means. 按证书: every subject of the level in the plan, each fitting the candidate (a level whose
 * subjects are split by direction is registered by subject). 按科目: the chosen ones, of the level, each fitting.
 */
export function sittingsFor(
  mode: ExamRegistrationMode,
  levelSubjects: PlanSubject[],
  candidateType: CandidateType,
  chosen: { codes: string[]; declared: string | null },
): { ok: true; subjectIds: string[] } | { ok: false; error: string } {
  if (levelSubjects.length === 0) return { ok: false, error: "考试计划中该证书等级没有考试科目" };
  if (mode === "BY_CERTIFICATE") {
    const misfit = levelSubjects.find((s) => !fitsTargetGroup(s.targetGroup, candidateType, null));
    if (misfit) return { ok: false, error: `科目「${misfit.name}」的参考对象为「${misfit.targetGroup}」，该证书请按科目报考` };
    return { ok: true, subjectIds: levelSubjects.map((s) => s.subjectId) };
  }
  const codes = [...new Set(chosen.codes)];
  if (codes.length === 0) return { ok: false, error: "请填写报考科目编号" };
  const picked: PlanSubject[] = [];
  for (const code of codes) {
    const s = levelSubjects.find((x) => x.code === code);
    if (!s) return { ok: false, error: `科目 ${code} 不是考试计划中该证书等级的考试科目` };
    if (!fitsTargetGroup(s.targetGroup, candidateType, chosen.declared))
      return { ok: false, error: `科目「${s.name}」的参考对象为「${s.targetGroup}」，考生不符` };
    picked.push(s);
  }
  return { ok: true, subjectIds: picked.map((s) => s.subjectId) };
}

/** 删除报考: only 未排考, unpaid, not on a payment order, inside the 报考 window. */
export function registrationDeleteProblem(
  r: { status: RegistrationStatus; paid: boolean; onOrder: boolean },
  plan: Omit<PlanForRegistration, "registrationMode">,
  now: Date,
): string | null {
  if (r.paid) return "已缴费的报考信息不能删除";
  if (r.status !== "UNSCHEDULED") return "已排考的报考信息不能删除";
  if (r.onOrder) return "报考信息已生成缴费申请单，请先删除缴费申请单";
  const w = registrationWindowProblem(plan, now);
  return w ? `${w}，不能删除报考信息` : null;
}
