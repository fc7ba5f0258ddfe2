// Fixed-window counters in PostgreSQL, shared by every app instance.
import type { Db, Tx } from "@/server/db";
import type { Clock } from "@/server/clock";

export type Limit = { key: string; windowSeconds: number; max: number };

/** Counts one hit; true while the window's count stays within max. Atomic under concurrency. */
export async function hitLimit(db: Db | Tx, clock: Clock, limit: Limit): Promise<boolean> {
  const now = clock.now().getTime();
  const windowStart = new Date(now - (now % (limit.windowSeconds * 1000)));
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" (key, "windowStart", count) VALUES (${limit.key}, ${windowStart}, 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateLimit".count + 1
    RETURNING count`;
  return rows[0].count <= limit.max;
}

/** Checks several limits; all are counted, so a refused call still uses up its window. */
export async function hitLimits(db: Db | Tx, clock: Clock, limits: Limit[]): Promise<boolean> {
  let ok = true;
  for (const l of limits) if (!(await hitLimit(db, clock, l))) ok = false;
  return ok;
}
