// Each worker process beats in PostgreSQL, so any web instance's /api/health sees whether a worker is alive.
import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import { log } from "@/server/log";

export const HEARTBEAT_SECONDS = 30;

/** The worker's heartbeat in PostgreSQL, which /api/health reads: every instance sees every worker. */
export async function heartbeat(db: Db, clock: Clock): Promise<{ stop: () => Promise<void> }> {
  const id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const startedAt = clock.now();
  const beat = () =>
    db.workerHeartbeat.upsert({
      where: { id },
      create: { id, host: os.hostname(), pid: process.pid, startedAt, beatAt: clock.now() },
      update: { beatAt: clock.now() },
    });
  await beat();
  const timer = setInterval(() => void beat().catch((e) => log.error({ err: e }, "worker heartbeat failed")), HEARTBEAT_SECONDS * 1000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await db.workerHeartbeat.deleteMany({ where: { id } });
    },
  };
}
