// List benchmark: the shared list path (scoped where + status-tab counts + page) on 100 and on 100,000
// schools, first page and a deep page, beside a bare Prisma findMany + count of the same page in the same run.
import { permissionsOf } from "../src/domain/auth/permissions";
import { mintScope } from "../src/server/tenancy";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPg } from "../scripts/pg";
import { migrate } from "../src/server/db/migrate";

process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00";
process.env.APP_MODE = "test";
const BIG = Number(process.env.BENCH_ROWS ?? 100_000);
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 10);
const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), "vslc-bench-list-"));
const pgh = await startEmbeddedPg({ dataDir: pgDir, quiet: true });
const admin = new pg.Client({ connectionString: pgh.url("postgres") });
await admin.connect();
for (const d of ["small", "big"]) await admin.query(`CREATE DATABASE ${d}`);
await admin.end();
const { createDb } = await import("../src/server/db");
const { seedReference } = await import("../src/server/seed");
const { pageOf } = await import("../src/server/lists/define");
const { LISTS } = await import("../src/server/lists/registry");

async function setup(name: string, n: number) {
  await migrate(pgh.url(name));
  const db = createDb(pgh.url(name));
  await seedReference(db);
  for (let i = 0; i < n; i += 10_000) {
    await db.school.createMany({
      data: Array.from({ length: Math.min(10_000, n - i) }, (_, k) => ({
        code: `49${String(i + k).padStart(8, "0")}`,
        name: `基准测试学院${i + k}`,
        type: "HIGHER_VOCATIONAL" as const,
        regionCode: "110108",
        isPilot: (i + k) % 3 !== 0,
      })),
    });
  }
  await db.$executeRawUnsafe("ANALYZE");
  return db;
}
const session = {
  sid: "x",
  id: "00000000-0000-0000-0000-000000000000",
  account: "bench",
  name: "基准",
  role: "ADMIN" as const,
  portal: "admin" as const,
  schoolId: null,
  orgId: null,
  departmentId: null,
  departmentLevel: null,
  schoolStatus: null,
  regionPrefix: null,
  certificateLevelIds: null,
  permissions: permissionsOf({ role: "ADMIN" }),
  mustChangePassword: false,
  needsBinding: false,
};

async function time(fn: () => Promise<unknown>, reps = 30): Promise<number> {
  for (let i = 0; i < 5; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(reps / 2)]; // median
}

const small = await setup("small", 100);
const big = await setup("big", BIG);
const platform = (db: typeof big, page: number) => () =>
  pageOf(LISTS.schools, {
    ctx: { db, scope: mintScope(session), clock: { now: () => new Date() } },
    input: { filter: { name: "学院" }, tab: "PILOT", page, pageSize: 10 },
  });
const bare = (db: typeof big, page: number) => () =>
  Promise.all([
    db.school.findMany({
      where: { name: { contains: "学院" }, isPilot: true },
      include: { region: { select: { name: true } } },
      orderBy: [{ code: "asc" }, { id: "asc" }],
      skip: (page - 1) * 10,
      take: 10,
    }),
    db.school.count({ where: { name: { contains: "学院" }, isPilot: true } }),
  ]);

peak = process.memoryUsage().rss; // measure the listing, not the set-up
const r = {
  small_first: await time(platform(small, 1)),
  big_first: await time(platform(big, 1)),
  big_deep: await time(platform(big, Math.floor((BIG * 2) / 3 / 10))),
  bare_big_first: await time(bare(big, 1)),
};
console.log(`platform list, ${100} rows, page 1: ${r.small_first.toFixed(1)} ms (median)`);
console.log(`platform list, ${BIG} rows, page 1: ${r.big_first.toFixed(1)} ms; last page: ${r.big_deep.toFixed(1)} ms (tab counts included)`);
console.log(`bare prisma findMany + count, ${BIG} rows, page 1: ${r.bare_big_first.toFixed(1)} ms`);
await small.$disconnect();
await big.$disconnect();
clearInterval(sampler);
await pgh.stop();
fs.rmSync(pgDir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    bench: "list",
    n: BIG,
    ms: Math.round(r.big_first * 10) / 10,
    baseline: "prisma findMany+count, same page",
    baseline_ms: Math.round(r.bare_big_first * 10) / 10,
    ratio: Math.round((r.big_first / r.bare_big_first) * 100) / 100,
    peak_rss_mb: Math.round(peak / 1048576),
    small_ms: Math.round(r.small_first * 10) / 10,
    deep_page_ms: Math.round(r.big_deep * 10) / 10,
  }),
);
