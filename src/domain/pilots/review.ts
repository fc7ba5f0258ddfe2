// Review of 证书试点申报 (002 §4.3): the city department first when the plan asks for it and the school's
// city has one, then the province, which sets the approved trainees per line (approved total = their sum).
export type ReviewStage = "CITY" | "PROVINCE";
export const STAGE_LABELS: Record<ReviewStage, string> = { CITY: "地市级教育局初审", PROVINCE: "省级教育行政部门审核" };

/** Where a submitted application goes first. */
export function firstStage(cityReviewFirst: boolean, schoolHasCityDepartment: boolean): ReviewStage {
  return cityReviewFirst && schoolHasCityDepartment ? "CITY" : "PROVINCE";
}

/** A department decides only at its own stage. */
export function stageOfDepartment(level: "PROVINCE" | "CITY"): ReviewStage {
  return level === "CITY" ? "CITY" : "PROVINCE";
}

export type ApprovedLine = { majorId: string; requested: number; approved: number };

/**
 * The province's numbers: one per requested line, whole, 0…requested. When the application has no lines
 * (a plan not by major), the approved total is given directly and is at most the requested total.
 */
export function approvalProblem(a: {
  requestedTotal: number;
  lines: { majorId: string; requested: number }[];
  approved: { majorId: string; approved: number }[];
  approvedTotal?: number | null;
}): string | null {
  if (a.lines.length === 0) {
    const t = a.approvedTotal;
    if (t == null || !Number.isInteger(t) || t < 0) return "请填写审核通过人数";
    if (t > a.requestedTotal) return "审核通过人数不能超过申请培训人数";
    return null;
  }
  const given = new Map(a.approved.map((l) => [l.majorId, l.approved]));
  if (given.size !== a.approved.length || a.approved.some((l) => !a.lines.some((x) => x.majorId === l.majorId))) return "审核人数与申报专业不一致";
  for (const l of a.lines) {
    const n = given.get(l.majorId);
    if (n == null) return "请为每个申报专业填写审核通过人数";
    if (!Number.isInteger(n) || n < 0) return "审核通过人数须为非负整数";
    if (n > l.requested) return "审核通过人数不能超过该专业的申请培训人数";
  }
  return null;
}

export function approvedTotalOf(lines: { approved: number }[]): number {
  return lines.reduce((s, l) => s + l.approved, 0);
}

export function returnReasonProblem(reason: string): string | null {
  const r = reason.trim();
  if (!r) return "请填写退回原因";
  if (r.length > 500) return "退回原因不能超过 500 字";
  return null;
}
