// List benchmark: the shared list path (scoped where + status-tab counts + page) on 100 and on 100,000
// schools, first page and a deep page, beside a bare Prisma findMany + count of the same page in the same run; and
// the 证书通过率统计 page (grouped in SQL through the same engine) at 1,000,000 registrations beside the bare GROUP BY.
import { permissionsOf } from "../src/domain/auth/permissions";
import { mintScope } from "../src/server/tenancy";
import { levelCode } from "../src/domain/catalogue/codes";
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
for (const d of ["small", "big", "stats"]) await admin.query(`CREATE DATABASE ${d}`);
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

// 1,000,000 registrations of one org's certificate levels in 6 plans over two years, 200 schools, a result for 9 in 10.
const STATS = Number(process.env.BENCH_STATS_ROWS ?? 1_000_000);
const stats = createDb(pgh.url("stats"));
await migrate(pgh.url("stats"));
await seedReference(stats);
// One org with 4 certificates of 3 levels each (12 groups by level).
const org = await stats.evaluationOrg.create({ data: { code: "990", name: "统计基准评价组织" } });
const levelIds: string[] = [];
for (let k = 0; k < 4; k++) {
  const code = `69${String(k).padStart(5, "0")}`;
  const cert = await stats.certificate.create({
    data: {
      code,
      name: `统计基准${k}职业技能等级证书`,
      orgId: org.id,
      batch: "第一批",
      category: "电子与信息大类",
      examModes: ["COMPUTER"],
      levels: { create: (["JUNIOR", "INTERMEDIATE", "SENIOR"] as const).map((level) => ({ level, code: levelCode(code, level) })) },
    },
    include: { levels: true },
  });
  levelIds.push(...cert.levels.map((l) => l.id));
}
const planIds: string[] = [];
for (let k = 0; k < 6; k++) {
  const start = new Date(Date.UTC(2025 + (k % 2), 2 + k, 1));
  const at = (d: number) => new Date(start.getTime() + d * 86_400_000);
  const plan = await stats.examPlan.create({
    data: {
      code: `2025${String(k).padStart(8, "0")}`,
      name: `统计基准考试计划${k}`,
      year: start.getUTCFullYear(),
      orgId: org.id,
      registrationStartsAt: at(0),
      registrationEndsAt: at(10),
      schedulingStartsAt: at(5),
      schedulingEndsAt: at(12),
      examStartsAt: at(14),
      examEndsAt: at(14.3),
      scoringStartsAt: at(15),
      scoringEndsAt: at(20),
      publicityStartsAt: at(21),
      publicityEndsAt: at(28),
    },
  });
  planIds.push(plan.id);
}
await stats.$executeRawUnsafe(`INSERT INTO "School" (id, code, name, type, "regionCode", "isPilot", "updatedAt")
  SELECT gen_random_uuid(), '48' || lpad(i::text, 8, '0'), '统计基准学院' || i, 'HIGHER_VOCATIONAL', '110108', true, now() FROM generate_series(1, 200) i`);
await stats.$executeRawUnsafe(`INSERT INTO "Candidate" (id, number, type, "schoolId", name, pinyin, gender, "idType", "idNumber", "updatedAt")
  SELECT gen_random_uuid(), '9' || lpad(i::text, 25, '0'), 'SCHOOL', s.id, '考生' || i, 'kao sheng', 'FEMALE', 'PASSPORT', 'B' || lpad(i::text, 9, '0'), now()
    FROM generate_series(1, ${STATS}) i JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM "School" WHERE code LIKE '48%') s ON s.k = i % 200`);
await stats.$executeRawUnsafe(`INSERT INTO "Registration" (id, "planId", "certificateLevelId", year, "schoolId", "candidateId", mode, name, pinyin, gender, "idType", "idNumber", "candidateType", "updatedAt")
  SELECT gen_random_uuid(), p.id, l.id, p.year, c."schoolId", c.id, 'BY_CERTIFICATE', c.name, c.pinyin, c.gender, c."idType", c."idNumber", 'SCHOOL', now()
    FROM (SELECT *, row_number() OVER () AS n FROM "Candidate") c
    JOIN (SELECT id, year, row_number() OVER (ORDER BY code) - 1 AS k FROM "ExamPlan") p ON p.k = c.n % 6
    JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM unnest('{${levelIds.join(",")}}'::uuid[]) AS id) l ON l.k = c.n % ${levelIds.length}`);
await stats.$executeRawUnsafe(`INSERT INTO "CertificationResult" ("registrationId", "planId", "orgId", "schoolId", "certificateLevelId", year, outcome, "computedAt")
  SELECT r.id, r."planId", '${org.id}', r."schoolId", r."certificateLevelId", r.year,
         (ARRAY['PASSED', 'PASSED', 'PASSED', 'FAILED', 'ABSENT', 'DISQUALIFIED', 'PASSED', 'FAILED', 'PENDING'])[1 + abs(hashtext(r.id::text)) % 9]::"ResultOutcome", now()
    FROM "Registration" r WHERE abs(hashtext(r.id::text)) % 10 <> 0`);
await stats.$executeRawUnsafe("ANALYZE");
const orgSession = { ...session, role: "ORG" as const, portal: "org" as const, orgId: org.id, permissions: permissionsOf({ role: "ORG" }) };
const statsPage = () =>
  pageOf(LISTS.passRates, {
    ctx: { db: stats, scope: mintScope(orgSession), clock: { now: () => new Date() } },
    input: { filter: { by: "level", year: "2025" }, page: 1, pageSize: 10 },
  });
const statsPg = new pg.Client({ connectionString: pgh.url("stats") });
await statsPg.connect();
// The bare library: the same counts as one hand-written GROUP BY through pg, plus the group count.
const statsBare = () =>
  Promise.all([
    statsPg.query(
      `SELECT l.id, c.code, c.name, l.level, count(*) AS registered,
              count(*) FILTER (WHERE cr.outcome IN ('PASSED', 'FAILED', 'DISQUALIFIED')) AS sat,
              count(*) FILTER (WHERE cr.outcome = 'ABSENT') AS absent, count(*) FILTER (WHERE cr.outcome = 'PASSED') AS passed
         FROM "Registration" r JOIN "ExamPlan" p ON p.id = r."planId" JOIN "CertificateLevel" l ON l.id = r."certificateLevelId"
         JOIN "Certificate" c ON c.id = l."certificateId" LEFT JOIN "CertificationResult" cr ON cr."registrationId" = r.id
        WHERE p."orgId" = $1 AND r.year = 2025 GROUP BY l.id, c.code, c.name, l.level ORDER BY c.code, l.level LIMIT 10`,
      [org.id],
    ),
    statsPg.query(
      `SELECT count(DISTINCT r."certificateLevelId") FROM "Registration" r JOIN "ExamPlan" p ON p.id = r."planId" WHERE p."orgId" = $1 AND r.year = 2025`,
      [org.id],
    ),
  ]);

peak = process.memoryUsage().rss; // measure the listing, not the set-up
const r = {
  small_first: await time(platform(small, 1)),
  big_first: await time(platform(big, 1)),
  big_deep: await time(platform(big, Math.floor((BIG * 2) / 3 / 10))),
  bare_big_first: await time(bare(big, 1)),
  stats: await time(statsPage, 10),
  bare_stats: await time(statsBare, 10),
};
console.log(`platform list, ${100} rows, page 1: ${r.small_first.toFixed(1)} ms (median)`);
console.log(`platform list, ${BIG} rows, page 1: ${r.big_first.toFixed(1)} ms; last page: ${r.big_deep.toFixed(1)} ms (tab counts included)`);
console.log(`bare prisma findMany + count, ${BIG} rows, page 1: ${r.bare_big_first.toFixed(1)} ms`);
console.log(`证书通过率统计 by level, ${STATS} registrations: ${r.stats.toFixed(1)} ms; bare pg GROUP BY: ${r.bare_stats.toFixed(1)} ms (median)`);
await statsPg.end();
await stats.$disconnect();
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
    statistics_n: STATS,
    statistics_ms: Math.round(r.stats * 10) / 10,
    statistics_baseline: "pg GROUP BY + count, same page",
    statistics_baseline_ms: Math.round(r.bare_stats * 10) / 10,
    statistics_ratio: Math.round((r.stats / r.bare_stats) * 100) / 100,
  }),
);
