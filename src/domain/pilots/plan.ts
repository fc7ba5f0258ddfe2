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

const DIGITS = "一二三四五六七八九";
/** 第N批 as a number (1–99), or null for any other name. */
export function batchNumber(batch: string): number | null {
  const m = /^第([一二三四五六七八九十]+)批$/.exec(batch);
  if (!m) return null;
  const t = m[1];
  const d = (c: string | undefined) => (c ? DIGITS.indexOf(c) + 1 : 0);
  if (t === "十") return 10;
  if (!t.includes("十")) return t.length === 1 ? d(t) : null;
  const [tens, ones] = t.split("十");
  if (ones.length > 1 || tens.length > 1) return null;
  return (tens ? d(tens) : 1) * 10 + d(ones || undefined);
}

export function batchName(n: number): string {
  const d = (k: number) => DIGITS[k - 1];
  if (n < 10) return `第${d(n)}批`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `第${tens > 1 ? d(tens) : ""}十${ones ? d(ones) : ""}批`;
}

/** The batch a new plan of the year should default to: the one after the last used (第一批 when none). */
export function nextBatch(used: string[]): string {
  const max = Math.max(0, ...used.map(batchNumber).filter((n): n is number => n !== null));
  return batchName(Math.min(max + 1, 99));
}

/** The years a selector offers: from the first 1+X pilots (2019) to next year, newest first. */
export function pilotYears(now: Date): number[] {
  return Array.from({ length: now.getFullYear() - 2019 + 2 }, (_, i) => 2019 + i).reverse();
}
