// npm start: embedded PostgreSQL (unless DATABASE_URL), migrations, demo data once, build, serve on :3000.
import path from "node:path";
import { ROOT, buildIfNeeded, ensureDatabase, ensureGenerated, localSecret, prepareData, serve, startWorkerProcess, waitForHttp } from "./app";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.join(ROOT, ".data");

console.log("职业技能等级证书信息管理服务平台 — 启动中");
ensureGenerated();
const db = await ensureDatabase({ dataDir: path.join(dataDir, "pg"), port: Number(process.env.PG_PORT ?? 54329), dbName: "vslc" });
console.log(db.pg ? "  内置 PostgreSQL 已启动 (.data/pg)" : "  使用 DATABASE_URL 指定的数据库");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: db.url,
  AUTH_SECRET: process.env.AUTH_SECRET ?? localSecret(dataDir),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  APP_MODE: process.env.APP_MODE ?? "demo",
  // The demo's terminal shows warnings and errors; a deployment (`npm run web`) logs every request as JSON.
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  NEXT_TELEMETRY_DISABLED: "1",
};
await prepareData(db.url, env);
// Settings are checked once, up front, with the reason in Chinese; nothing starts on a bad configuration.
try {
  const { loadEnv } = await import("../src/server/env");
  loadEnv(env);
} catch (e) {
  console.error((e as Error).message);
  await db.pg?.stop();
  process.exit(1);
}
if (!dev) buildIfNeeded(env);
const app = serve(env, port, dev);
// Web and worker from one command; in production run `npm run worker` beside each group of web instances.
const worker = startWorkerProcess(env);
const stop = async () => {
  app.kill("SIGTERM");
  worker.kill("SIGTERM");
  await db.pg?.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
app.on("exit", async (code) => {
  worker.kill("SIGTERM");
  await db.pg?.stop();
  process.exit(code ?? 0);
});
await waitForHttp(`http://127.0.0.1:${port}/`);
const { demoAccounts } = await import("../src/server/seed");
console.log(`\n平台已启动: http://localhost:${port}\n`);
console.log("演示账号（登录需图形验证码与短信验证码；演示短信在 " + `http://localhost:${port}/demo/sms 查看）:`);
for (const a of demoAccounts()) console.log(`  ${a.role.padEnd(14, "　")} 账号 ${a.account.padEnd(20)} 密码 ${a.password}   ${a.note}`);
{
  // 成绩/证书查询 needs a person's name and ID number, or a certificate's number and its holder's name.
  const { createDb } = await import("../src/server/db");
  const db = createDb(env.DATABASE_URL!);
  const cert = await db.issuance.findFirst({
    where: { status: "ISSUED", revokedAt: null, registration: { idNumber: "110108200503011237" } },
    select: { certificateNumber: true, registration: { select: { name: true } } },
  });
  if (cert)
    console.log(
      `\n成绩/证书查询 http://localhost:${port}/lookup 演示：姓名 ${cert.registration.name}，证件号码 110108200503011237；证书编号 ${cert.certificateNumber}`,
    );
  await db.$disconnect();
}
