// Shared by start and e2e: database, migrations, demo data, build and serve.
import { WORKER_NODE_OPTIONS } from "../src/server/jobs/memory";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPg, type PgHandle } from "./pg";
import { migrate } from "../src/server/db/migrate";

export const ROOT = path.resolve(import.meta.dirname, "..");

export function ensureGenerated(): void {
  const r = spawnSync("npm", ["run", "-s", "db:generate"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://localhost/none" },
  });
  if (r.status !== 0) throw new Error("prisma generate failed");
}

/** DATABASE_URL if set; otherwise an embedded PostgreSQL whose data lives under dataDir. */
export async function ensureDatabase(opts: { dataDir: string; port?: number; dbName: string }): Promise<{ url: string; pg?: PgHandle }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const handle = await startEmbeddedPg({ dataDir: opts.dataDir, port: opts.port });
  const admin = new pg.Client({ connectionString: handle.url("postgres") });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.dbName]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${opts.dbName}"`);
  await admin.end();
  return { url: handle.url(opts.dbName), pg: handle };
}

export async function prepareData(url: string, appEnv: Record<string, string | undefined> = {}): Promise<void> {
  // The demo seed issues certificates whose QR links are signed with the app's secret: it runs with the app's settings.
  for (const k of ["AUTH_SECRET", "PUBLIC_URL", "APP_MODE", "NEXTAUTH_URL", "LEDGER_SIGNING_KEY"]) if (appEnv[k]) process.env[k] = appEnv[k];
  const applied = await migrate(url, { log: (m) => console.log(`  ${m}`) });
  if (applied.length === 0) console.log("  数据库结构已是最新");
  const { ensureJobSchema } = await import("../src/server/jobs/queue");
  await ensureJobSchema(url);
  const { createDb } = await import("../src/server/db");
  const { seedDemo } = await import("../src/server/seed");
  const db = createDb(url);
  console.log((await seedDemo(db)) ? "  已写入演示数据" : "  演示数据已存在");
  await db.$disconnect();
}

/** A secret kept under .data so sessions survive restarts; production passes AUTH_SECRET. */
export function localSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

function sourceHash(): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const f of fs.readdirSync(p).sort()) walk(path.join(p, f));
    else h.update(p).update(fs.readFileSync(p));
  };
  for (const p of ["src", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"]) {
    const abs = path.join(ROOT, p);
    if (fs.existsSync(abs)) walk(abs);
  }
  return h.digest("hex");
}

/** Builds the app unless the last build was of these very sources. */
export function buildIfNeeded(env: NodeJS.ProcessEnv): void {
  const marker = path.join(ROOT, ".next", "vslc-source-hash");
  const hash = sourceHash();
  if (fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) && fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === hash) {
    console.log("  使用已有构建");
    return;
  }
  console.log("  正在构建（首次约 1–2 分钟）…");
  const r = spawnSync("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit", env });
  if (r.status !== 0) throw new Error("next build failed");
  fs.writeFileSync(marker, hash);
}

/** `group`: its own process group, so stopServer() ends npx, next and next-server together (test runs). */
export function serve(env: NodeJS.ProcessEnv, port: number, dev = false, group = false): ChildProcess {
  // NODE_ENV as `next start` / `next dev` would set it: the custom server (scripts/server.ts) runs Next itself.
  const nodeEnv = dev ? "development" : "production";
  return spawn("npx", ["tsx", "scripts/server.ts", ...(dev ? ["--dev"] : []), String(port)], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...env, NODE_ENV: nodeEnv },
    detached: group,
  });
}

/** The background worker as its own process (imports, exports, clean-up); `group` as for serve(). */
export function startWorkerProcess(env: NodeJS.ProcessEnv, group = false): ChildProcess {
  const NODE_OPTIONS = [env.NODE_OPTIONS, WORKER_NODE_OPTIONS].filter(Boolean).join(" ");
  return spawn("npx", ["tsx", "scripts/worker.ts"], { cwd: ROOT, stdio: "inherit", env: { ...env, NODE_OPTIONS }, detached: group });
}

export function stopServer(app: ChildProcess): void {
  try {
    if (app.pid) process.kill(-app.pid, "SIGTERM");
  } catch {
    app.kill("SIGTERM");
  }
}

export async function waitForHttp(url: string, timeoutMs = 120000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}
