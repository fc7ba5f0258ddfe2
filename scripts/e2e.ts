// End-to-end run: a fresh embedded PostgreSQL with the demo data, the built app in test mode
// (deterministic captcha, short freeze), then Playwright in Debian Chromium against it.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, buildIfNeeded, ensureDatabase, ensureGenerated, prepareData, serve, startWorkerProcess, stopServer, waitForHttp } from "./app";
import { freePort } from "./pg";

delete process.env.DATABASE_URL; // always a throwaway database
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vslc-e2e-"));
ensureGenerated();
const db = await ensureDatabase({ dataDir, dbName: "vslc_e2e" });
const port = await freePort();
const baseURL = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: db.url,
  AUTH_SECRET: randomBytes(32).toString("hex"),
  NEXTAUTH_URL: baseURL,
  APP_MODE: "test",
  CAPTCHA_PROVIDER: "fixed",
  CAPTCHA_WORK: "20000",
  AUTH_FREEZE_SECONDS: "2",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  NEXT_TELEMETRY_DISABLED: "1",
};
await prepareData(db.url, env);
buildIfNeeded(env);
const app = serve(env, port, false, true);
// A second web instance on the same database: the cluster spec (e2e/authz/cluster.spec.ts) talks to both.
let port2 = await freePort();
while (port2 === port) port2 = await freePort();
const app2 = serve(env, port2, false, true);
const worker = startWorkerProcess(env, true);
let code = 1;
try {
  await waitForHttp(`${baseURL}/`);
  await waitForHttp(`http://127.0.0.1:${port2}/`);
  const r = spawnSync("npx", ["playwright", "test", "-c", "e2e/playwright.config.ts", ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...env, E2E_BASE_URL: baseURL, E2E_BASE_URL_2: `http://127.0.0.1:${port2}`, E2E_DATABASE_URL: db.url },
  });
  code = r.status ?? 1;
} finally {
  stopServer(app); // the whole group: a bare kill left next-server running after every run
  stopServer(app2);
  stopServer(worker);
  await new Promise((r) => setTimeout(r, 500));
  await db.pg?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
