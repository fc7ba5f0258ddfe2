// 申报计划 rules: the status follows the window; applications only inside it.
export type PlanStatus = "NOT_STARTED" | "OPEN" | "ENDED";
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { NOT_STARTED: "未开始", OPEN: "进行中", ENDED: "已结束" };

export function planStatus(plan: { startsAt: Date; endsAt: Date }, now: Date): PlanStatus {
  if (now < plan.startsAt) return "NOT_STARTED";
  if (now <= plan.endsAt) return "OPEN";
  return "ENDED";
}

/** Why an application cannot be made under this plan now, or null. */
export function applicationWindowProblem(plan: { startsAt: Date; endsAt: Date }, now: Date): string | null {
  const s = planStatus(plan, now);
  if (s === "NOT_STARTED") return "申报计划尚未开始，暂不能申报";
  if (s === "ENDED") return "申报时间已过，不能再申报";
  return null;
}

export type PlanDraft = { year: number; batch: string; startsAt: Date; endsAt: Date; scope: "ALL" | "PARTIAL"; certificateIds: string[] };

/** Checks a plan being created or changed. `existing` is the stored plan when editing. */
export function planProblem(d: PlanDraft, now: Date, existing?: { startsAt: Date; endsAt: Date }): string | null {
  if (!Number.isInteger(d.year) || d.year < 2019 || d.year > 2100) return "申报年度不正确";
  if (!/^第[一二三四五六七八九十]+批$/.test(d.batch)) return "申报批次格式为“第一批”“第二批”…";
  if (!(d.startsAt < d.endsAt)) return "申报结束时间须晚于开始时间";
  if (d.startsAt.getFullYear() > d.year || d.endsAt.getFullYear() < d.year - 1) return "申报时间须与申报年度相符";
  if (d.scope === "PARTIAL" && d.certificateIds.length === 0) return "开放证书范围为“部分”时，请至少选择一个证书";
  if (existing) {
    const s = planStatus(existing, now);
    if (s === "ENDED") return "申报计划已结束，不能修改";
    // Once open, the start is history: only the end may move, and not into the past.
    if (s === "OPEN" && d.startsAt.getTime() !== existing.startsAt.getTime()) return "申报已开始，不能修改开始时间";
    if (s === "OPEN" && d.endsAt < now) return "结束时间不能早于当前时间";
  } else if (d.endsAt <= now) {
    return "结束时间不能早于当前时间";
  }
  return null;
}
