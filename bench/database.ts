// A throwaway embedded PostgreSQL with the schema and reference data, shared by the benchmarks.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPg } from "../scripts/pg";
import { migrate } from "../src/server/db/migrate";
import { ensureJobSchema } from "../src/server/jobs/queue";

process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00";
process.env.APP_MODE = "test";
export const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;

export async function benchDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vslc-bench-"));
  process.env.STORAGE_DIR = path.join(dir, "storage");
  const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), "vslc-bench-pg-"));
  const pgh = await startEmbeddedPg({ dataDir: pgDir, quiet: true });
  const admin = new pg.Client({ connectionString: pgh.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE bench");
  await admin.end();
  const url = pgh.url("bench");
  await migrate(url);
  await ensureJobSchema(url);
  const { createDb } = await import("../src/server/db");
  const { seedReference } = await import("../src/server/seed");
  const db = createDb(url);
  await seedReference(db);
  const cleanup = async () => {
    await db.$disconnect();
    await pgh.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(pgDir, { recursive: true, force: true });
  };
  return { db, url, dir, cleanup };
}
