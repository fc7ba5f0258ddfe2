// What every benchmark ends with: medians of its runs, and the one JSON line (ratio = ms / baseline_ms).
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** The run with the median time. */
export const medianRun = <T extends { ms: number }>(xs: T[]) => [...xs].sort((a, b) => a.ms - b.ms)[Math.floor(xs.length / 2)];

export function report(r: { bench: string; n: number; ms: number; baseline: string; baseline_ms: number; peak_rss_mb: number } & Record<string, unknown>) {
  const { bench, n, ms, baseline, baseline_ms, peak_rss_mb, ...extra } = r;
  console.log(
    JSON.stringify({
      bench,
      n,
      ms: Math.round(ms),
      baseline,
      baseline_ms: Math.round(baseline_ms),
      ratio: Math.round((ms / baseline_ms) * 100) / 100,
      peak_rss_mb,
      ...extra,
    }),
  );
}
