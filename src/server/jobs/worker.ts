// The worker process: N of them may run beside M web instances on one database; pg-boss hands each job to
// one worker (SKIP LOCKED), expires jobs whose worker died and keeps the schedule.
import PgBoss from "pg-boss";
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import { HANDLERS, type JobDeps } from "./handlers";
import { heartbeat } from "./heartbeat";
import { JOB_SCHEMA, QUEUES, prismaAdapter, type QueueName } from "./queue";
import { log, logContext } from "@/server/log";

export async function startWorker(connectionString: string, deps: JobDeps): Promise<{ stop: () => Promise<void> }> {
  const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, max: 4 });
  boss.on("error", (e) => log.error({ err: e }, "job queue error"));
  await boss.start();
  for (const name of Object.keys(QUEUES) as QueueName[]) {
    await boss.work(name, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => runLogged(name, job, () => HANDLERS[name](deps, job.data as never)));
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

/** A job's log lines carry the id of the request that queued it (or the job's own); start, end and failure are logged. */
async function runLogged<T>(queue: QueueName, job: { id: string; data: unknown }, run: () => Promise<T>): Promise<T> {
  const requestId = (job.data as { requestId?: unknown } | null)?.requestId;
  return logContext.run({ requestId: typeof requestId === "string" ? requestId : `job-${job.id}` }, async () => {
    const start = performance.now();
    log.info({ queue, jobId: job.id }, "job started");
    try {
      const result = await run();
      log.info({ queue, jobId: job.id, ms: Math.round(performance.now() - start) }, "job done");
      return result;
    } catch (e) {
      log.error({ queue, jobId: job.id, err: e }, "job failed");
      throw e;
    }
  });
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
        await runLogged(name, job, () => HANDLERS[name]({ ...deps, db }, job.data as never));
        await boss.complete(name, job.id);
      } catch (e) {
        await boss.fail(name, job.id, { message: (e as Error).message });
      }
    }
    if (!ran) return n;
  }
}
