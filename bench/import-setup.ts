// Shared set-up of the import benchmarks: an embedded PostgreSQL with the schema, reference data, one
// pilot school and its principal; each phase runs in its own process (bench/import-worker.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { startEmbeddedPg } from "../scripts/pg";
import { migrate } from "../src/server/db/migrate";

process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00";
process.env.APP_MODE = "test";
export const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;

export async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vslc-bench-"));
  const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), "vslc-bench-pg-"));
  const pgh = await startEmbeddedPg({ dataDir: pgDir, quiet: true });
  const admin = new pg.Client({ connectionString: pgh.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE bench");
  await admin.end();
  const url = pgh.url("bench");
  await migrate(url);
  const { createDb } = await import("../src/server/db");
  const { seedReference } = await import("../src/server/seed");
  const db = createDb(url);
  await seedReference(db);
  const school = await db.school.create({ data: { code: "4999999999", name: "基准测试职业技术学院", type: "HIGHER_VOCATIONAL", regionCode: "110108", isPilot: true } });
  const user = await db.user.create({ data: { account: "bench-principal", passwordHash: "x", role: "SCHOOL_PRINCIPAL", name: "基准", phone: "13900009998", mustChangePassword: false, schoolId: school.id } });
  const phase = (mode: string, file: string): { ms: number; rows: number; ok: number; peak: number } => {
    const r = spawnSync("npx", ["tsx", path.join(import.meta.dirname, "import-worker.ts"), mode, url, path.join(dir, "storage"), file, user.id], { encoding: "utf8", maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`${mode} phase failed: ${r.stderr}`);
    if (process.env.BENCH_TRACE) console.error(r.stderr.split("\n").filter((l) => l.startsWith("{")).join("\n"));
    return JSON.parse(r.stdout.trim().split("\n").pop()!);
  };
  const cleanup = async () => {
    await db.$disconnect();
    await pgh.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(pgDir, { recursive: true, force: true });
  };
  return { db, dir, school, user, phase, cleanup };
}
