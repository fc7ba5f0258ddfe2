// Fixed-window counters in PostgreSQL, shared by every app instance.
import { poolSql, type Db, type Tx } from "@/server/db";
import type { Clock } from "@/server/clock";

export type Limit = { key: string; windowSeconds: number; max: number };

/** Counts one hit; true while the window's count stays within max. Atomic under concurrency. */
export async function hitLimit(db: Db | Tx, clock: Clock, limit: Limit): Promise<boolean> {
  const now = clock.now().getTime();
  const windowStart = new Date(now - (now % (limit.windowSeconds * 1000)));
  const rows = await poolSql(db, "rate_limit_hit")<{ count: number }>`
    INSERT INTO "RateLimit" (key, "windowStart", count) VALUES (${limit.key}, ${windowStart}, 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateLimit".count + 1
    RETURNING count`;
  return rows[0].count <= limit.max;
}

/**
 * Checks several limits in one statement; all are counted, so a refused call still uses up its window. Rows are
 * taken in key order, so concurrent callers never deadlock on each other's windows.
 */
export async function hitLimits(db: Db | Tx, clock: Clock, limits: Limit[]): Promise<boolean> {
  if (limits.length === 0) return true;
  const now = clock.now().getTime();
  const windows = limits
    .map((l) => ({ ...l, windowStart: new Date(now - (now % (l.windowSeconds * 1000))).toISOString() }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.windowStart.localeCompare(b.windowStart)));
  // The same window twice in one statement cannot be upserted twice: count those one by one.
  if (new Set(windows.map((w) => `${w.key}|${w.windowStart}`)).size !== windows.length) {
    let ok = true;
    for (const l of limits) if (!(await hitLimit(db, clock, l))) ok = false;
    return ok;
  }
  const rows = await poolSql(db, "rate_limit_hits")<{ key: string; ms: number; count: number }>`
    INSERT INTO "RateLimit" (key, "windowStart", count)
    SELECT k, w::timestamptz, 1 FROM unnest(${windows.map((w) => w.key)}::text[], ${windows.map((w) => w.windowStart)}::text[]) WITH ORDINALITY AS x(k, w, i)
     ORDER BY i
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateLimit".count + 1
    RETURNING key, (extract(epoch FROM "windowStart") * 1000)::float8 AS ms, count`;
  const counts = new Map(rows.map((r) => [`${r.key}|${Math.round(r.ms)}`, r.count]));
  return windows.every((w) => (counts.get(`${w.key}|${Date.parse(w.windowStart)}`) ?? Number.POSITIVE_INFINITY) <= w.max);
}
