// Long work (imports, photo zips, exports, identity checks, clean-up) is a job in PostgreSQL (pg-boss), run by the worker
// process (`npm run worker`; `npm start` starts one too). Web instances only enqueue: the job row is inserted
// through the same Prisma transaction as the record it belongs to, so either both exist or neither does.
import PgBoss from "pg-boss";
import type { Db, Tx } from "@/server/db";
import { log, logContext } from "@/server/log";

export const JOB_SCHEMA = "pgboss";

/** Every queue, with its retry rule. Imports and exports are not retried: a batch already written stays, the
 * record says what happened, and the user starts again; clean-up simply runs again at its next slot. */
export const QUEUES = {
  import: { retryLimit: 0, expireInSeconds: 30 * 60 },
  export: { retryLimit: 0, expireInSeconds: 30 * 60 },
  // Identity checks: a retry only does the rows still 信息待认证 (each row moves on its own).
  verify: { retryLimit: 2, retryDelay: 30, expireInSeconds: 30 * 60 },
  // 自动排考: all or nothing in one transaction; a failed run is recorded and started again by the org.
  schedule: { retryLimit: 0, expireInSeconds: 30 * 60 },
  // 准考证, 门贴, 桌贴, 签到表 as PDFs: a failure is recorded; the user asks again.
  document: { retryLimit: 0, expireInSeconds: 30 * 60 },
  // 发放证书: each certificate lands on its own; a run that stops leaves the rest to clean-up (盖章失败, 重新发放).
  issue: { retryLimit: 0, expireInSeconds: 60 * 60 },
  // 批量下载证书 (a zip of the stored PDFs): a failure is recorded; the user asks again.
  certificates: { retryLimit: 0, expireInSeconds: 30 * 60 },
  cleanup: { retryLimit: 1, expireInSeconds: 10 * 60 },
} as const;
export type QueueName = keyof typeof QUEUES;

/** pg-boss talks SQL through this adapter: jobs go into the caller's connection or transaction. */
export function prismaAdapter(db: Db | Tx): PgBoss.Db {
  return {
    async executeSql(text, values) {
      // Job data and options are JSON; arrays (job ids) and dates go to the driver as they are.
      const params = (values ?? []).map((v) => (v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date) ? JSON.stringify(v) : v));
      const rows = await db.$queryRawUnsafe<unknown[]>(text, ...params);
      return { rows: rows as never[] };
    },
  };
}

/** Sends need no pool of their own and no start(): only the insert, through Prisma. */
const sender = new PgBoss({ db: prismaAdapter(null as unknown as Db), schema: JOB_SCHEMA });

export async function enqueue(db: Db | Tx, name: QueueName, data: object): Promise<string> {
  // The request that asked for the job: its id follows the job into the worker's log lines.
  const requestId = logContext.getStore()?.requestId;
  const id = await sender.send(name, requestId ? { ...data, requestId } : data, { ...QUEUES[name], db: prismaAdapter(db) });
  if (!id) throw new Error(`job ${name} was not queued`);
  return id;
}

/** Creates pg-boss's schema and the queues (idempotent); run with the migrations. */
export async function ensureJobSchema(connectionString: string): Promise<void> {
  const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, supervise: false, schedule: false, max: 2 });
  boss.on("error", (e) => log.error({ err: e }, "job queue error"));
  await boss.start();
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const [name, options] of Object.entries(QUEUES)) if (!existing.has(name)) await boss.createQueue(name, { name, ...options });
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
