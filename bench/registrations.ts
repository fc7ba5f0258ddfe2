// 按证书导入报考 benchmark: 50,000 registrations from one .xlsx (the real template) through the whole pipeline —
// candidate and duplicate checks, the quota counted under its lock per batch, batched writes of registrations and
// their subject sittings — beside a bare exceljs streaming read of the same file, in the same run.
import path from "node:path";
import ExcelJS from "exceljs";
import { medianRun } from "./report";
import { mb, setup } from "./import-setup";
import { registrationByCertificateImport } from "../src/server/registrations/import-registrations";

const N = Number(process.env.BENCH_ROWS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const env = await setup();
const { db, school } = env;

// An org's certificate level with two subjects, the school's approved quota for all of them, a plan open for 报考.
const org = await db.evaluationOrg.create({ data: { code: "b01", name: "基准评价组织" } });
const major = await db.major.findFirstOrThrow({ where: { code: "510201", catalogVersion: "NEW" } });
const cert = await db.certificate.create({
  data: {
    code: "7999999",
    name: "基准职业技能等级证书",
    orgId: org.id,
    batch: "第一批",
    category: "电子与信息大类",
    examModes: ["COMPUTER", "PRACTICAL"],
    majors: { create: [{ majorId: major.id }] },
  },
});
const level = await db.certificateLevel.create({ data: { certificateId: cert.id, level: "JUNIOR", code: "79999991" } });
const subjects = await Promise.all(
  (["COMPUTER", "PRACTICAL"] as const).map((examMode, i) =>
    db.examSubject.create({ data: { code: `7999999110${i + 1}`, name: `基准科目${i + 1}`, certificateLevelId: level.id, examMode, durationMinutes: 90 } }),
  ),
);
const now = Date.now();
const at = (d: number) => new Date(now + d * 86_400_000);
const plan = await db.examPlan.create({
  data: {
    code: "209912310001",
    name: "基准考试计划",
    year: new Date().getFullYear(),
    orgId: org.id,
    registrationStartsAt: at(-1),
    registrationEndsAt: at(10),
    schedulingStartsAt: at(5),
    schedulingEndsAt: at(12),
    examStartsAt: at(14),
    examEndsAt: at(14.5),
    scoringStartsAt: at(15),
    scoringEndsAt: at(20),
    publicityStartsAt: at(21),
    publicityEndsAt: at(28),
    schools: { create: [{ schoolId: school.id }] },
    levels: { create: [{ certificateLevelId: level.id }] },
    subjects: { create: subjects.map((s, i) => ({ subjectId: s.id, startsAt: at(14 + i * 0.1), endsAt: at(14 + i * 0.1 + 0.0625) })) },
  },
});
await db.pilotApplication.create({
  data: { schoolId: school.id, certificateLevelId: level.id, year: plan.year, batch: "第一批", status: "APPROVED", requestedTotal: N, approvedTotal: N },
});
// N candidates of the school, 信息准确, in the certificate's major (one statement).
await db.$executeRaw`
  INSERT INTO "Candidate" (id, number, type, "schoolId", name, pinyin, gender, "idType", "idNumber", "majorId", status, "updatedAt")
  SELECT gen_random_uuid(), lpad(g::text, 26, '0'), 'SCHOOL', ${school.id}::uuid, '考生' || g, 'kao sheng', 'MALE', 'PASSPORT',
         'E' || lpad(g::text, 8, '0'), ${major.id}::uuid, 'VERIFIED', now()
    FROM generate_series(1, ${N}) g`;
await db.$executeRawUnsafe(`VACUUM ANALYZE "Candidate"`);

// The template with N rows, written as a school would fill it.
const file = path.join(env.dir, "registrations.xlsx");
{
  const { templateOf } = await import("../src/server/imports/pipeline");
  const tpl = new ExcelJS.Workbook();
  await tpl.xlsx.load((await templateOf(registrationByCertificateImport.columns, registrationByCertificateImport.title)) as never);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet(tpl.worksheets[0].name);
  ws.addRow(tpl.worksheets[0].getRow(1).values as string[]).commit();
  ws.addRow(tpl.worksheets[0].getRow(2).values as string[]).commit();
  for (let g = 1; g <= N; g++) ws.addRow([String(g), `考生${g}`, `E${String(g).padStart(8, "0")}`, level.code]).commit();
  ws.commit();
  await wb.commit();
}
process.env.BENCH_PARAMS = JSON.stringify({ planId: plan.id });

const platformRuns: ReturnType<typeof env.phase>[] = [];
const bareRuns: ReturnType<typeof env.phase>[] = [];
let written = 0;
let sittings = 0;
for (let i = 0; i < RUNS; i++) {
  if (i > 0) {
    await db.$executeRawUnsafe(`TRUNCATE "RegistrationSubject", "Registration"`);
    await db.$executeRawUnsafe(`VACUUM ANALYZE "Registration", "RegistrationSubject"`);
  }
  platformRuns.push(env.phase("platform-registrations", file));
  written = await db.registration.count();
  sittings = await db.registrationSubject.count();
  bareRuns.push(env.phase("bare-xlsx", file));
}
const p = medianRun(platformRuns);
const bare = medianRun(bareRuns);
console.error(`runs (ms): platform ${platformRuns.map((r) => Math.round(r.ms)).join(", ")}; bare ${bareRuns.map((r) => Math.round(r.ms)).join(", ")}`);
if (p.ok !== N || written !== N || sittings !== 2 * N || bare.rows !== N)
  throw new Error(`imported ${p.ok}/${written} (${sittings} sittings), read ${bare.rows}, expected ${N}`);
console.log(
  `platform import: ${N} registrations (${sittings} sittings) in ${p.ms.toFixed(0)} ms (${Math.round(N / (p.ms / 1000))} rows/s), peak RSS ${mb(p.peak)} MB`,
);
console.log(`bare exceljs read: ${N} rows in ${bare.ms.toFixed(0)} ms (${Math.round(N / (bare.ms / 1000))} rows/s), peak RSS ${mb(bare.peak)} MB`);
await env.cleanup();
console.log(
  JSON.stringify({
    bench: "registrations",
    n: N,
    ms: Math.round(p.ms),
    baseline: `exceljs stream.xlsx.WorkbookReader over the same file (median of ${RUNS} interleaved runs each)`,
    baseline_ms: Math.round(bare.ms),
    ratio: Math.round((p.ms / bare.ms) * 100) / 100,
    peak_rss_mb: mb(Math.max(...platformRuns.map((r) => r.peak))),
    baseline_peak_rss_mb: mb(bare.peak),
    rows_per_s: Math.round(N / (p.ms / 1000)),
  }),
);
