// 试点名额: a school's approved trainees for a certificate level in a year. Registrations (考试报名) consume it;
// when the application declared majors, only those majors may register. Nothing carries over to the next year.
export type Quota = {
  year: number;
  /** null: no approved application this year, no quota. */
  approvedTotal: number | null;
  /** Majors declared in the application with their approved numbers; empty when none were declared. */
  majors: { majorId: string; approved: number }[];
};

export type QuotaUse = { year: number; majorId: string | null; used: number; usedInMajor?: number };

/**
 * Whether one more registration of a candidate in `majorId` fits the quota of `examYear`. Returns a Chinese
 * refusal or null. `used` counts the registrations already made against the same school × level × year.
 */
export function quotaProblem(q: Quota, use: QuotaUse, adding = 1): string | null {
  if (q.year !== use.year || q.approvedTotal == null) return `贵校${use.year}年度未获批该证书等级的试点名额`;
  if (use.used + adding > q.approvedTotal) return `报名人数超出${q.year}年度试点名额（${q.approvedTotal} 人，已用 ${use.used} 人）`;
  if (q.majors.length > 0) {
    const m = q.majors.find((x) => x.majorId === use.majorId);
    if (!m) return "考生所学专业不在贵校申报的试点专业范围内";
    if ((use.usedInMajor ?? 0) + adding > m.approved) return `该专业报名人数超出审核通过人数（${m.approved} 人）`;
  }
  return null;
}

export function remainingQuota(q: Quota, used: number): number {
  return q.approvedTotal == null ? 0 : Math.max(0, q.approvedTotal - used);
}
