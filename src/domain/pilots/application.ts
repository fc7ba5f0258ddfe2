// 证书试点申报 rules (manual 001 §2, 002 §4.3): what a school may submit, and when it may still edit.
export type ApplicationStatus = "DRAFT" | "IN_REVIEW" | "APPROVED" | "RETURNED";
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  DRAFT: "未提交",
  IN_REVIEW: "审核中",
  APPROVED: "审核通过",
  RETURNED: "审核退回",
};

export type Line = { majorId: string; students: number; teachers: number; requested: number };

/** Only 未提交 and 审核退回 applications may change; submitted ones wait for the review. */
export function canEditApplication(status: ApplicationStatus): boolean {
  return status === "DRAFT" || status === "RETURNED";
}

/** The requested total: the sum of the lines when the plan is by major, the given total otherwise. */
export function requestedTotalOf(byMajor: boolean, lines: Line[], total: number | null | undefined): number {
  return byMajor ? lines.reduce((s, l) => s + l.requested, 0) : (total ?? 0);
}

export function applicationProblem(a: {
  byMajor: boolean;
  lines: Line[];
  requestedTotal?: number | null;
  teacherSituation: string;
  siteSituation: string;
}): string | null {
  if (new Set(a.lines.map((l) => l.majorId)).size !== a.lines.length) return "同一专业不能重复添加";
  for (const l of a.lines) {
    if (![l.students, l.teachers, l.requested].every((n) => Number.isInteger(n) && n >= 0)) return "在校学生数、专任教师数、申请培训人数须为非负整数";
    if (l.requested < 1) return "每个专业的申请培训人数至少为 1";
    if (l.requested > l.students) return "申请培训人数不能超过本专业在校学生数";
  }
  if (a.byMajor && a.lines.length === 0) return "本申报计划要求按专业填报，请至少添加一个专业";
  const total = requestedTotalOf(a.byMajor, a.lines, a.requestedTotal);
  if (!Number.isInteger(total) || total < 1) return "请填写申请培训总人数";
  if (total > 100000) return "申请培训总人数过大";
  if (!a.teacherSituation.trim()) return "请填写师资情况";
  if (!a.siteSituation.trim()) return "请填写场地情况";
  return null;
}

/**
 * The status as the manuals name it: 保存并提交 makes it 待初审 (002 §4.3), whichever department reviews first;
 * after a city's approval it waits for the province.
 */
export function applicationStatusText(r: {
  status: ApplicationStatus;
  reviewStage: "CITY" | "PROVINCE" | null;
  plan?: { cityReviewFirst: boolean } | null;
}): string {
  if (r.status !== "IN_REVIEW") return APPLICATION_STATUS_LABELS[r.status];
  return r.reviewStage === "PROVINCE" && r.plan?.cityReviewFirst ? "待省级审核" : "待初审";
}

export const canDeleteApplication = (status: ApplicationStatus) => status === "DRAFT";

/** What a school must have filled in (001 §2.1.3 step 1) before it may submit an application. */
export function schoolInfoMissing(s: {
  uscc: string | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
}): string[] {
  const fields: [keyof typeof s, string][] = [
    ["uscc", "统一社会信用代码"],
    ["address", "详细地址"],
    ["contactName", "联系人"],
    ["contactPhone", "联系电话"],
    ["contactEmail", "电子邮箱"],
  ];
  return fields.filter(([k]) => !s[k]?.trim()).map(([, label]) => label);
}
