// 证书通过率统计 (002 §7.1): per certificate or certificate level, 报考 (registered), 实考 (sat: a result other than
// 缺考 and 成绩未齐), 缺考 (absent in every subject), 通过 (passed); 通过率 = 通过 / 实考.
export type PassRateCounts = { registered: number; sat: number; absent: number; passed: number };

/** 通过率 in percent to one decimal; null when nobody sat. */
export function passRate(c: Pick<PassRateCounts, "sat" | "passed">): number | null {
  if (c.sat <= 0) return null;
  return Math.round((c.passed / c.sat) * 1000) / 10;
}

export const passRateText = (c: Pick<PassRateCounts, "sat" | "passed">) => {
  const r = passRate(c);
  return r === null ? "—" : `${r.toFixed(1)}%`;
};

export const STATISTICS_DIMENSIONS = { certificate: "按证书统计", level: "按证书等级统计" } as const;
export type StatisticsDimension = keyof typeof STATISTICS_DIMENSIONS;
