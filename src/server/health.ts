// /api/health for the load balancer and the operators: the database answers, its migrations are the ones this build
// carries, and a worker has beaten recently. Nothing secret in the answer: names, counts and times.
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import { MIGRATIONS_DIR } from "@/server/db/migrate";
import { HEARTBEAT_SECONDS } from "@/server/jobs/heartbeat";

/** A worker silent for this long counts as gone (four missed beats). */
export const WORKER_STALE_MS = 4 * HEARTBEAT_SECONDS * 1000;

export type Health = {
  ok: boolean;
  database: { ok: boolean; ms: number | null };
  migrations: { ok: boolean; expected: number; applied: number; pending: string[] };
  worker: { ok: boolean; workers: number; lastBeatAt: string | null };
};

export function expectedMigrations(dir = MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")))
    .sort();
}

export async function checkHealth(db: Db, clock: Clock, expected = expectedMigrations()): Promise<Health> {
  const t0 = performance.now();
  let applied: string[];
  try {
    applied = (
      await db.$queryRaw<{ name: string }[]>`
        SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
    ).map((r) => r.name);
  } catch {
    return {
      ok: false,
      database: { ok: false, ms: null },
      migrations: { ok: false, expected: expected.length, applied: 0, pending: expected },
      worker: { ok: false, workers: 0, lastBeatAt: null },
    };
  }
  const ms = Math.round(performance.now() - t0);
  const done = new Set(applied);
  const pending = expected.filter((m) => !done.has(m));
  const since = new Date(clock.now().getTime() - WORKER_STALE_MS);
  const [workers, last] = await Promise.all([
    db.workerHeartbeat.count({ where: { beatAt: { gte: since } } }),
    db.workerHeartbeat.findFirst({ orderBy: { beatAt: "desc" }, select: { beatAt: true } }),
  ]);
  const health: Health = {
    ok: false,
    database: { ok: true, ms },
    migrations: { ok: pending.length === 0, expected: expected.length, applied: applied.length, pending },
    worker: { ok: workers > 0, workers, lastBeatAt: last?.beatAt.toISOString() ?? null },
  };
  health.ok = health.database.ok && health.migrations.ok && health.worker.ok;
  return health;
}
