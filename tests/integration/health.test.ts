// /api/health on PostgreSQL: the database answers, every migration this build carries is applied, and a worker beat
// recently; a missing migration or a silent worker turns it unhealthy, each said by name.
import { describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { fixedClock } from "@/server/clock";
import { checkHealth, expectedMigrations, WORKER_STALE_MS } from "@/server/health";
import { heartbeat } from "@/server/jobs/heartbeat";

const t = useTestDb();

describe("health", () => {
  it("needs a worker's recent beat, and the build's migrations all applied", async () => {
    const clock = fixedClock("2026-09-01T02:00:00Z");
    await t.db.workerHeartbeat.deleteMany();
    const none = await checkHealth(t.db, clock);
    expect(none).toMatchObject({ ok: false, database: { ok: true }, migrations: { ok: true, pending: [] }, worker: { ok: false, workers: 0 } });
    const beat = await heartbeat(t.db, clock);
    expect(await checkHealth(t.db, clock)).toMatchObject({ ok: true, worker: { ok: true, workers: 1, lastBeatAt: clock.now().toISOString() } });
    // Silent past four beats: gone.
    clock.advance(WORKER_STALE_MS + 1);
    expect((await checkHealth(t.db, clock)).worker).toMatchObject({ ok: false, workers: 0 });
    // A build that carries a migration the database lacks.
    const ahead = [...expectedMigrations(), "29991231000000_not_yet"];
    expect((await checkHealth(t.db, clock, ahead)).migrations).toEqual({
      ok: false,
      expected: ahead.length,
      applied: ahead.length - 1,
      pending: ["29991231000000_not_yet"],
    });
    // A stopped worker removes its row.
    await beat.stop();
    expect(await t.db.workerHeartbeat.count()).toBe(0);
  });
});
