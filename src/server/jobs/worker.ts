// The worker process: N of them may run beside M web instances on one database; pg-boss hands each job to
// one worker (SKIP LOCKED), expires jobs whose worker died and keeps the schedule.
import PgBoss from "pg-boss";
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import { HANDLERS, type JobDeps } from "./handlers";
import { heartbeat } from "./heartbeat";
import { JOB_SCHEMA, QUEUES, prismaAdapter, type QueueName } from "./queue";

export async function startWorker(connectionString: string, deps: JobDeps): Promise<{ stop: () => Promise<void> }> {
  const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, max: 4 });
  boss.on("error", (e) => console.error("[worker]", e.message));
  await boss.start();
  for (const name of Object.keys(QUEUES) as QueueName[]) {
    await boss.work(name, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => HANDLERS[name](deps, job.data as never));
  }
  await boss.schedule("cleanup", "*/5 * * * *", {}, { tz: "Asia/Shanghai" });
  const beat = await heartbeat(deps.db, deps.clock);
  return {
    stop: async () => {
      await beat.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}

/**
 * Runs the queued jobs now, one by one, through the same handlers (tests, and `npm run worker -- --once`).
 * Jobs are claimed with pg-boss's own fetch, so a running worker and this never take the same job.
 */
export async function runQueuedJobs(db: Db, deps: { clock: Clock } & Partial<JobDeps>, names = Object.keys(QUEUES) as QueueName[]): Promise<number> {
  const boss = new PgBoss({ db: prismaAdapter(db), schema: JOB_SCHEMA });
  let n = 0;
  for (;;) {
    let ran = false;
    for (const name of names) {
      const [job] = await boss.fetch(name);
      if (!job) continue;
      ran = true;
      n++;
      try {
        await HANDLERS[name]({ ...deps, db }, job.data as never);
        await boss.complete(name, job.id);
      } catch (e) {
        await boss.fail(name, job.id, { message: (e as Error).message });
      }
    }
    if (!ran) return n;
  }
}
