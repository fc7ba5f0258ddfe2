// npm run worker: the background worker (imports, photo zips, exports, scheduled clean-up) for DATABASE_URL.
// Run as many as needed beside the web instances; `npm start` starts one itself. `--once` runs what is queued
// now and exits (a cron-style deployment, or a manual drain).
import { systemClock } from "../src/server/clock";
import { createDb } from "../src/server/db";
import { startWorker, runQueuedJobs } from "../src/server/jobs/worker";

try {
  const { loadEnv } = await import("../src/server/env");
  loadEnv();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("配置错误: DATABASE_URL 未设置（npm start 会自动为内置数据库启动工作进程）");
  process.exit(1);
}
const db = createDb(url);
if (process.argv.includes("--once")) {
  const n = await runQueuedJobs(db, { clock: systemClock });
  console.log(`已处理 ${n} 个后台任务`);
  await db.$disconnect();
  process.exit(0);
}
const worker = await startWorker(url, { db, clock: systemClock });
console.log("  后台任务进程已启动（导入、导出、定时清理）");
const stop = async () => {
  await worker.stop();
  await db.$disconnect();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
