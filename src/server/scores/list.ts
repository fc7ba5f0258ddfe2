// 科目成绩 (002 §5.2.9) and 考证结果 (§5.2.10) on the list engine, for the org (its plans, with 录入/更正) and the
// school (its candidates): filters by plan, certificate, subject, candidate and (org) school; export 批量导出科目成绩
// and 批量导出证书考核详情.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { maskIdNumber } from "@/domain/auth/mask";
import { beijingMinute } from "@/domain/text";
import { MARK_LABELS, OUTCOME_LABELS, type Outcome, type ScoreMarkName } from "@/domain/scores/outcome";
import { SCORE_PHASE_LABELS, scorePhase, type ScorePhase } from "@/domain/scores/window";
import { sittingFilter, sittingFilterWhere } from "@/server/scheduling/list";
import { registrationFilter, registrationFilterWhere } from "@/server/registrations/list";
import { resultsWhere, scoreSittingsWhere } from "./scope";

const certificateOf = (l: { level: keyof typeof LEVEL_LABELS; certificate: { name: string } }) => `${l.certificate.name}（${LEVEL_LABELS[l.level]}）`;
const planWindows = { scoringStartsAt: true, scoringEndsAt: true, publicityStartsAt: true, publicityEndsAt: true, scoresLockedAt: true } as const;
/** A score as shown: the number, or 缺考 / 违纪; null: not entered. */
export const scoreText = (s: { mark: keyof typeof MARK_LABELS; score: Prisma.Decimal | null } | null) =>
  !s ? null : s.mark === "SCORED" ? String(Number(s.score)) : MARK_LABELS[s.mark];

const scoreInclude = {
  registration: { select: { name: true, idNumber: true, candidate: { select: { number: true } }, school: { select: { name: true } } } },
  planSubject: {
    select: {
      plan: { select: { id: true, code: true, name: true, ...planWindows } },
      subject: {
        select: {
          code: true,
          name: true,
          fullScore: true,
          passScore: true,
          certificateLevel: { select: { level: true, certificate: { select: { name: true } } } },
        },
      },
    },
  },
  score: { select: { mark: true, score: true, updatedAt: true, _count: { select: { corrections: true } } } },
} satisfies Prisma.RegistrationSubjectInclude;
export type ScoreRow = {
  id: string;
  ticketNumber: string | null;
  plan: { id: string; code: string; name: string };
  phase: ScorePhase;
  name: string;
  idNumberMasked: string;
  fullIdNumber: string;
  candidateNumber: string;
  school: string;
  certificate: string;
  subject: { code: string; name: string; fullScore: number; passScore: number };
  mark: ScoreMarkName | null;
  score: string | null;
  corrections: number;
  updatedAt: Date | null;
};

export const scoreList: ListDef<z.infer<typeof sittingFilter>, ScoreRow, Prisma.RegistrationSubjectWhereInput> = {
  name: "scores",
  title: "科目成绩",
  permissions: ["org.scores", "school.scores"],
  filter: sittingFilter,
  where: (_db, scope, f, now) => and<Prisma.RegistrationSubjectWhereInput>(scoreSittingsWhere(scope, now), sittingFilterWhere(scope, f)),
  tabs: [
    { value: "NONE", label: "未登记", where: { score: { is: null } } },
    { value: "SCORED", label: "正常", where: { score: { is: { mark: "SCORED" } } } },
    { value: "ABSENT", label: "缺考", where: { score: { is: { mark: "ABSENT" } } } },
    { value: "DISQUALIFIED", label: "违纪", where: { score: { is: { mark: "DISQUALIFIED" } } } },
  ],
  count: (db, where) => db.registrationSubject.count({ where }),
  rows: async (db, where, p, { now }) => {
    const rows = await db.registrationSubject.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include: scoreInclude,
      orderBy: p.byId ? { id: "asc" } : [{ planSubject: { startsAt: "desc" } }, { ticketNumber: "asc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    return rows.map((r) => {
      const { plan, subject } = r.planSubject;
      return {
        id: r.id,
        ticketNumber: r.ticketNumber,
        plan: { id: plan.id, code: plan.code, name: plan.name },
        phase: scorePhase(plan, now),
        name: r.registration.name,
        idNumberMasked: maskIdNumber(r.registration.idNumber),
        fullIdNumber: r.registration.idNumber,
        candidateNumber: r.registration.candidate.number,
        school: r.registration.school.name,
        certificate: certificateOf(subject.certificateLevel),
        subject: { code: subject.code, name: subject.name, fullScore: subject.fullScore, passScore: subject.passScore },
        mark: r.score?.mark ?? null,
        score: scoreText(r.score),
        corrections: r.score?._count.corrections ?? 0,
        updatedAt: r.score?.updatedAt ?? null,
      };
    });
  },
  present: (r) => ({ ...r, fullIdNumber: "" }),
  columns: [
    { header: "考试计划", width: 36, value: (r) => r.plan.name },
    { header: "准考证号", width: 24, value: (r) => r.ticketNumber },
    { header: "姓名", value: (r) => r.name },
    { header: "证件号码", width: 22, value: (r) => r.fullIdNumber },
    { header: "考生编号", width: 30, value: (r) => r.candidateNumber },
    { header: "所属院校", width: 28, value: (r) => r.school },
    { header: "考试证书", width: 40, value: (r) => r.certificate },
    { header: "科目编号", width: 16, value: (r) => r.subject.code },
    { header: "考试科目", width: 24, value: (r) => r.subject.name },
    { header: "满分", value: (r) => r.subject.fullScore },
    { header: "合格分数", value: (r) => r.subject.passScore },
    { header: "成绩", value: (r) => r.score ?? "未登记" },
    { header: "更正次数", value: (r) => r.corrections },
    { header: "成绩状态", value: (r) => SCORE_PHASE_LABELS[r.phase] },
    { header: "登记时间", width: 18, value: (r) => (r.updatedAt ? beijingMinute(r.updatedAt) : "") },
  ],
};

const resultFilter = registrationFilter.omit({ paid: true });
const resultInclude = {
  plan: { select: { code: true, name: true, ...planWindows } },
  school: { select: { name: true } },
  candidate: { select: { number: true } },
  certificateLevel: { select: { code: true, level: true, certificate: { select: { name: true } } } },
  result: { select: { outcome: true, total: true, computedAt: true } },
  subjects: {
    select: {
      subjectId: true,
      planSubject: { select: { subject: { select: { code: true, name: true } } } },
      score: { select: { mark: true, score: true } },
    },
  },
} satisfies Prisma.RegistrationInclude;
export type ResultRow = {
  id: string;
  plan: { code: string; name: string };
  phase: ScorePhase;
  name: string;
  idNumberMasked: string;
  fullIdNumber: string;
  candidateNumber: string;
  school: string;
  certificateCode: string;
  certificate: string;
  scores: { code: string; name: string; score: string | null }[];
  /** null: no score entered yet (成绩未登记). */
  outcome: Outcome | null;
  total: string | null;
};
export const outcomeText = (o: Outcome | null) => (o ? OUTCOME_LABELS[o] : "成绩未登记");

const pendingOutcome: Prisma.RegistrationWhereInput = { OR: [{ result: { is: null } }, { result: { is: { outcome: "PENDING" } } }] };

export const resultList: ListDef<z.infer<typeof resultFilter>, ResultRow, Prisma.RegistrationWhereInput> = {
  name: "results",
  title: "证书考核详情",
  permissions: ["org.scores", "school.scores"],
  filter: resultFilter,
  where: (_db, scope, f, now) => and<Prisma.RegistrationWhereInput>(resultsWhere(scope, now), registrationFilterWhere(scope, f)),
  tabs: [
    { value: "PASSED", label: "通过", where: { result: { is: { outcome: "PASSED" } } } },
    { value: "FAILED", label: "未通过", where: { result: { is: { outcome: "FAILED" } } } },
    { value: "ABSENT", label: "缺考", where: { result: { is: { outcome: "ABSENT" } } } },
    { value: "DISQUALIFIED", label: "违纪", where: { result: { is: { outcome: "DISQUALIFIED" } } } },
    { value: "PENDING", label: "成绩未齐", where: pendingOutcome },
  ],
  count: (db, where) => db.registration.count({ where }),
  rows: async (db, where, p, { now }) => {
    const rows = await db.registration.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include: resultInclude,
      orderBy: p.byId ? { id: "asc" } : [{ createdAt: "desc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    return rows.map((r) => ({
      id: r.id,
      plan: { code: r.plan.code, name: r.plan.name },
      phase: scorePhase(r.plan, now),
      name: r.name,
      idNumberMasked: maskIdNumber(r.idNumber),
      fullIdNumber: r.idNumber,
      candidateNumber: r.candidate.number,
      school: r.school.name,
      certificateCode: r.certificateLevel.code,
      certificate: certificateOf(r.certificateLevel),
      scores: [...r.subjects]
        .sort((a, b) => a.planSubject.subject.code.localeCompare(b.planSubject.subject.code))
        .map((s) => ({ code: s.planSubject.subject.code, name: s.planSubject.subject.name, score: scoreText(s.score) })),
      outcome: r.result?.outcome ?? null,
      total: r.result?.total == null ? null : String(Number(r.result.total)),
    }));
  },
  present: (r) => ({ ...r, fullIdNumber: "" }),
  columns: [
    { header: "考试计划编号", width: 16, value: (r) => r.plan.code },
    { header: "考试计划", width: 36, value: (r) => r.plan.name },
    { header: "姓名", value: (r) => r.name },
    { header: "证件号码", width: 22, value: (r) => r.fullIdNumber },
    { header: "考生编号", width: 30, value: (r) => r.candidateNumber },
    { header: "所属院校", width: 28, value: (r) => r.school },
    { header: "证书编号", value: (r) => r.certificateCode },
    { header: "考核证书", width: 40, value: (r) => r.certificate },
    { header: "科目成绩", width: 44, value: (r) => r.scores.map((s) => `${s.code} ${s.name}：${s.score ?? "未登记"}`).join("\n") },
    { header: "加权总分", value: (r) => r.total },
    { header: "考证结果", value: (r) => outcomeText(r.outcome) },
    { header: "成绩状态", value: (r) => SCORE_PHASE_LABELS[r.phase] },
  ],
};
