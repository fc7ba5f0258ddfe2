// 考核站点编排 status of a subject (002 §5.2.8.1): 未开始 before the plan's 排考 window, 已结束 after it; inside it
// 未排考 until a run, 排考中 while some sittings are still unplaced, 已排完 when every one has a seat. The school reads
// it from the published schedule only, and counts its own candidates.
export type SiteScheduleStatus = "NOT_STARTED" | "UNSCHEDULED" | "SCHEDULING" | "DONE" | "ENDED";
export const SITE_SCHEDULE_STATUS_LABELS: Record<SiteScheduleStatus, string> = {
  NOT_STARTED: "未开始",
  UNSCHEDULED: "未排考",
  SCHEDULING: "排考中",
  DONE: "已排完",
  ENDED: "已结束",
};

export function siteScheduleStatus(
  plan: { schedulingStartsAt: Date; schedulingEndsAt: Date },
  subject: { ran: boolean; sittings: number; placed: number },
  now: Date,
): SiteScheduleStatus {
  if (now < plan.schedulingStartsAt) return "NOT_STARTED";
  if (now >= plan.schedulingEndsAt) return "ENDED";
  if (!subject.ran) return "UNSCHEDULED";
  return subject.placed >= subject.sittings ? "DONE" : "SCHEDULING";
}
