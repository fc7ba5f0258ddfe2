// One embedded PostgreSQL per test run; a template database with every migration and the reference
// data; each test file then gets its own CREATE DATABASE … TEMPLATE copy (see db.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPg, type PgHandle } from "../../scripts/pg";
import { migrate } from "../../src/server/db/migrate";

let handle: PgHandle | undefined;
let dir: string | undefined;

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vslc-test-pg-"));
    handle = await startEmbeddedPg({ dataDir: dir, quiet: true });
    adminUrl = handle.url("postgres");
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS vslc_template`);
  await admin.query(`CREATE DATABASE vslc_template`);
  await admin.end();
  const templateUrl = adminUrl.replace(/\/[^/]*$/, "/vslc_template");
  await migrate(templateUrl);
  // The job queue's schema and queues, so every copy can enqueue and run jobs.
  const { ensureJobSchema } = await import("../../src/server/jobs/queue");
  await ensureJobSchema(templateUrl);
  // Reference data goes into the template through the app's own seeding code.
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  const { createDb } = await import("../../src/server/db");
  const { seedReference } = await import("../../src/server/seed");
  const db = createDb(templateUrl);
  await seedReference(db);
  await db.$disconnect();
  project.provide("pgAdminUrl", adminUrl);
  return async () => {
    await handle?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
