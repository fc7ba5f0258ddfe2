// 周报 periods (002 §6): weekly (Monday to Sunday) or half-monthly (1st–15th, 16th–month end), in China time.
// A period's report may be written and submitted until the next period starts, never after.
export type Cadence = "WEEKLY" | "HALF_MONTHLY";
export const CADENCE_LABELS: Record<Cadence, string> = { WEEKLY: "周报", HALF_MONTHLY: "半月报" };

const CN_OFFSET_MS = 8 * 3600 * 1000; // China has no daylight saving time

export type Period = { cadence: Cadence; start: string; end: string; startsAt: Date; endsAt: Date; label: string };

const ymd = (d: Date) => d.toISOString().slice(0, 10);
/** Midnight China time of a calendar date, as an instant. */
const cnMidnight = (y: number, m: number, day: number) => new Date(Date.UTC(y, m, day) - CN_OFFSET_MS);

export function periodOf(cadence: Cadence, at: Date): Period {
  const local = new Date(at.getTime() + CN_OFFSET_MS); // fields read with getUTC* are China wall time
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const d = local.getUTCDate();
  let startsAt: Date;
  let endsAt: Date;
  if (cadence === "WEEKLY") {
    const back = (local.getUTCDay() + 6) % 7; // days since Monday
    startsAt = cnMidnight(y, m, d - back);
    endsAt = cnMidnight(y, m, d - back + 7);
  } else {
    startsAt = d <= 15 ? cnMidnight(y, m, 1) : cnMidnight(y, m, 16);
    endsAt = d <= 15 ? cnMidnight(y, m, 16) : cnMidnight(y, m + 1, 1);
  }
  const start = ymd(new Date(startsAt.getTime() + CN_OFFSET_MS));
  const end = ymd(new Date(endsAt.getTime() + CN_OFFSET_MS - 1));
  return { cadence, start, end, startsAt, endsAt, label: periodLabel(cadence, start, end) };
}

export function periodLabel(cadence: Cadence, start: string, end: string): string {
  const [y, m, d] = start.split("-").map(Number);
  const range = `${start.slice(5).replace("-", ".")}–${end.slice(5).replace("-", ".")}`;
  if (cadence === "HALF_MONTHLY") return `${y}年${m}月${d === 1 ? "上" : "下"}半月（${range}）`;
  return `${y}年第${isoWeek(start)}周（${range}）`;
}

/** ISO week number of a YYYY-MM-DD Monday (for labels only). */
function isoWeek(date: string): number {
  const t = new Date(`${date}T00:00:00Z`);
  const thursday = new Date(t.getTime() + 3 * 86400000);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - jan1) / 86400000 / 7) + 1;
}

/** Writing, editing and submitting are allowed only until the next period starts. */
export function periodOpen(p: { start: string; end: string }, at: Date): boolean {
  const today = ymd(new Date(at.getTime() + CN_OFFSET_MS));
  return today >= p.start && today <= p.end;
}

export const PERIOD_CLOSED = "提交时间已过，该周报目前不能提交，谢谢";
export const ALREADY_SUBMITTED = "本周周报已提交，请勿重复提交";

export type ReportStatus = "DRAFT" | "PENDING" | "APPROVED" | "RETURNED";
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { DRAFT: "未提交", PENDING: "待审核", APPROVED: "审核通过", RETURNED: "审核退回" };

export const canEditReport = (s: ReportStatus) => s === "DRAFT" || s === "RETURNED";
export const canWithdrawReport = (s: ReportStatus) => s === "PENDING";
export const canDeleteReport = (s: ReportStatus) => s === "DRAFT";

/**
 * What the principal may do with a report at `now`, for the server's checks and the list's buttons alike: a draft is
 * written and submitted within its period; a returned one may be edited and resubmitted after it (001 §1.8
 * "审核退回的周报可再次编辑或提交"); a withdrawal only while the period lasts (else it could never be sent again).
 */
export function reportActions(r: { status: ReportStatus; periodStart: string; periodEnd: string }, now: Date) {
  const open = periodOpen({ start: r.periodStart, end: r.periodEnd }, now);
  const write = r.status === "RETURNED" || (r.status === "DRAFT" && open);
  return { edit: write, submit: write, withdraw: r.status === "PENDING" && open, delete: r.status === "DRAFT" };
}

/** The outline's sections (周报提纲); the principal copies the signed text into them. */
export const REPORT_SECTIONS = [
  { key: "progress", label: "本期试点工作进展" },
  { key: "training", label: "证书培训开展情况" },
  { key: "assessment", label: "考核站点建设与考试组织情况" },
  { key: "problems", label: "存在的问题与建议" },
  { key: "plan", label: "下期工作计划" },
] as const;
export type SectionKey = (typeof REPORT_SECTIONS)[number]["key"];

export function sectionsProblem(sections: Record<string, string>, forSubmit: boolean): string | null {
  for (const k of Object.keys(sections)) if (!REPORT_SECTIONS.some((s) => s.key === k)) return "周报内容格式不正确";
  for (const s of REPORT_SECTIONS) {
    const v = (sections[s.key] ?? "").trim();
    if (v.length > 5000) return `「${s.label}」不能超过 5000 字`;
    if (forSubmit && !v) return `请填写「${s.label}」`;
  }
  return null;
}
