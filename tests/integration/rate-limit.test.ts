// The limits every instance shares (PostgreSQL): several limits counted in one statement, exact under concurrency,
// each window on its own, a refused call still counted, and racing callers never deadlocking.
import { describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { fixedClock } from "@/server/clock";
import { hitLimits } from "@/server/rate-limit";

const t = useTestDb();

describe("hitLimits", () => {
  it("counts every limit once per call, exactly, across 40 racing calls", async () => {
    const clock = fixedClock("2026-09-01T02:10:30Z");
    const limits = [
      { key: "t:ip", windowSeconds: 60, max: 25 },
      { key: "t:id", windowSeconds: 3600, max: 30 },
      // The same key in another window counts on its own.
      { key: "t:ip", windowSeconds: 3600, max: 100 },
    ];
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => hitLimits(t.db, clock, i % 2 ? limits : [...limits].reverse())));
    expect(results.filter(Boolean)).toHaveLength(25);
    const rows = await t.db.rateLimit.findMany({ where: { key: { startsWith: "t:" } }, orderBy: [{ key: "asc" }, { windowStart: "asc" }] });
    expect(rows.map((r) => [r.key, r.windowStart.toISOString(), r.count])).toEqual([
      ["t:id", "2026-09-01T02:00:00.000Z", 40],
      ["t:ip", "2026-09-01T02:00:00.000Z", 40],
      ["t:ip", "2026-09-01T02:10:00.000Z", 40],
    ]);
    // The next minute opens a new one-minute window; the hour's windows go on counting (t:id is at 41 of 30).
    clock.advance(60_000);
    expect(await hitLimits(t.db, clock, limits)).toBe(false);
    expect(await hitLimits(t.db, clock, [limits[0]])).toBe(true);
    expect((await t.db.rateLimit.findFirstOrThrow({ where: { key: "t:ip", windowStart: new Date("2026-09-01T02:11:00Z") } })).count).toBe(2);
  });
});
