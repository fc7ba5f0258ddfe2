import { z } from "zod";
import { passRuleSchema } from "./pass-rule";
// 考试计划 (002 §5.2.2, notice 003): five windows — 报考, 排考, 考试, 成绩登记, 成绩公示 — and the plan's status from
// them. 报考 and 排考 may run side by side (003: 4/26–5/19 for both), as may 成绩登记 and 公示 (5/22–5/30); 排考 and
// 报考 end before the exam, the exam before 成绩登记.
export type PlanWindows = {
  registrationStartsAt: Date;
  registrationEndsAt: Date;
  schedulingStartsAt: Date;
  schedulingEndsAt: Date;
  examStartsAt: Date;
  examEndsAt: Date;
  scoringStartsAt: Date;
  scoringEndsAt: Date;
  publicityStartsAt: Date;
  publicityEndsAt: Date;
};

export const WINDOW_LABELS = {
  registration: "报考时间",
  scheduling: "排考时间",
  exam: "考试时间",
  scoring: "成绩登记时间",
  publicity: "成绩公示时间",
} as const;
export type WindowName = keyof typeof WINDOW_LABELS;
const NAMES = Object.keys(WINDOW_LABELS) as WindowName[];
const startOf = (w: PlanWindows, n: WindowName) => w[`${n}StartsAt`];
const endOf = (w: PlanWindows, n: WindowName) => w[`${n}EndsAt`];

/** The first thing wrong with the windows, in the form's order (null: fine). */
export function windowsProblem(w: PlanWindows): string | null {
  for (const n of NAMES) {
    const s = startOf(w, n);
    const e = endOf(w, n);
    if (!(s instanceof Date) || !(e instanceof Date) || Number.isNaN(s.getTime()) || Number.isNaN(e.getTime())) return `请填写${WINDOW_LABELS[n]}`;
    if (s >= e) return `${WINDOW_LABELS[n]}的结束时间须晚于开始时间`;
  }
  if (w.schedulingStartsAt < w.registrationStartsAt) return "排考不能早于报考开始";
  if (w.registrationEndsAt > w.examStartsAt) return "报考须在考试开始前结束";
  if (w.schedulingEndsAt > w.examStartsAt) return "排考须在考试开始前结束";
  if (w.scoringStartsAt < w.examEndsAt) return "成绩登记须在考试结束后开始";
  if (w.publicityStartsAt < w.scoringStartsAt) return "成绩公示不能早于成绩登记开始";
  if (w.publicityEndsAt < w.scoringEndsAt) return "成绩公示须在成绩登记结束后结束";
  return null;
}

export type ExamPlanStatus = "NOT_STARTED" | "IN_PROGRESS" | "ENDED";
export const EXAM_PLAN_STATUS_LABELS: Record<ExamPlanStatus, string> = { NOT_STARTED: "未开始", IN_PROGRESS: "进行中", ENDED: "已结束" };

/** 未开始 before 报考 opens, 已结束 once 成绩公示 is over, 进行中 between. */
export function examPlanStatus(w: Pick<PlanWindows, "registrationStartsAt" | "publicityEndsAt">, now: Date): ExamPlanStatus {
  if (now < w.registrationStartsAt) return "NOT_STARTED";
  if (now < w.publicityEndsAt) return "IN_PROGRESS";
  return "ENDED";
}

/** The window open at this moment (a plan's 当前阶段), or null between windows. */
export function currentWindow(w: PlanWindows, now: Date): WindowName | null {
  // Later windows first: while 排考 and 报考 overlap, 排考 is what the org is doing.
  for (const n of [...NAMES].reverse()) if (startOf(w, n) <= now && now < endOf(w, n)) return n;
  return null;
}

export type SubjectTime = { subjectId: string; levelId: string; name: string; startsAt: Date; endsAt: Date; durationMinutes: number };

/** Each subject's exam time inside the 考试 window, as long as its duration; one level's subjects never overlap. */
export function subjectTimesProblem(w: Pick<PlanWindows, "examStartsAt" | "examEndsAt">, times: SubjectTime[]): string | null {
  for (const t of times) {
    if (!(t.startsAt < t.endsAt)) return `「${t.name}」的考试结束时间须晚于开始时间`;
    if (t.startsAt < w.examStartsAt || t.endsAt > w.examEndsAt) return `「${t.name}」的考试时间须在考试计划的考试时间内`;
    if (t.endsAt.getTime() - t.startsAt.getTime() < t.durationMinutes * 60_000) return `「${t.name}」的考试时间短于科目的考试时长 ${t.durationMinutes} 分钟`;
  }
  const byLevel = new Map<string, SubjectTime[]>();
  for (const t of times) byLevel.set(t.levelId, [...(byLevel.get(t.levelId) ?? []), t]);
  for (const list of byLevel.values()) {
    const sorted = [...list].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i].startsAt < sorted[i - 1].endsAt)
        return `「${sorted[i - 1].name}」与「${sorted[i].name}」的考试时间重叠，同一证书等级的考生须能参加全部科目`;
  }
  return null;
}

const when = (label: string) => z.date({ error: `请填写${label}` });
/** The org's 考试计划 form, shared by the form and the procedure. */
export const examPlanInputSchema = z.strictObject({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, "请填写计划名称").max(60, "计划名称不能超过 60 字"),
  year: z.number().int().min(2019, "考试年度不正确").max(2100, "考试年度不正确"),
  registrationStartsAt: when("报考开始时间"),
  registrationEndsAt: when("报考结束时间"),
  schedulingStartsAt: when("排考开始时间"),
  schedulingEndsAt: when("排考结束时间"),
  examStartsAt: when("考试开始时间"),
  examEndsAt: when("考试结束时间"),
  scoringStartsAt: when("成绩登记开始时间"),
  scoringEndsAt: when("成绩登记结束时间"),
  publicityStartsAt: when("成绩公示开始时间"),
  publicityEndsAt: when("成绩公示结束时间"),
  registrationMode: z.enum(["BY_CERTIFICATE", "BY_SUBJECT"]),
  passRule: passRuleSchema,
  schoolIds: z.array(z.uuid()).max(5000),
  subjects: z
    .array(z.strictObject({ subjectId: z.uuid(), startsAt: z.date(), endsAt: z.date() }))
    .min(1, "请至少选择一个考试科目并设置考试时间")
    .max(200),
});
export type ExamPlanInput = z.infer<typeof examPlanInputSchema>;

export const REGISTRATION_MODE_LABELS = { BY_CERTIFICATE: "按证书报考", BY_SUBJECT: "按科目报考" } as const;

/** Before 报考 opens the org may change anything; afterwards the plan is what schools registered against. */
export const canEditExamPlan = (w: Pick<PlanWindows, "registrationStartsAt" | "publicityEndsAt">, now: Date) => examPlanStatus(w, now) === "NOT_STARTED";
