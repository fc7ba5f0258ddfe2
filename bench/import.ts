// Candidate import benchmark: 50,000 rows from one .xlsx (the real template) through the whole pipeline into
// PostgreSQL, beside a bare exceljs streaming read of the same file, in the same run.
import path from "node:path";
import ExcelJS from "exceljs";
import { medianRun } from "./report";
import { mb, setup, writeCandidatesFile } from "./import-setup";

const N = Number(process.env.BENCH_ROWS ?? 50_000);
const env = await setup();
const file = path.join(env.dir, "candidates.xlsx");
await writeCandidatesFile(file, N);

// This machine's speed drifts by a third between minutes (the bare read alone: 1.1–1.7 s), so each side runs
// RUNS times, interleaved, and the medians are compared. Between platform runs the written candidates and student
// accounts are deleted and the tables vacuumed, as a school re-importing after 批量删除 would find them (this
// once made the next import take 100+ s; see runImport).
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const platformRuns: ReturnType<typeof env.phase>[] = [];
const bareRuns: ReturnType<typeof env.phase>[] = [];
let written = 0;
for (let i = 0; i < RUNS; i++) {
  if (i > 0) {
    await env.db.$executeRawUnsafe(`TRUNCATE "Candidate"`);
    await env.db.$executeRawUnsafe(`DELETE FROM "User" WHERE role = 'STUDENT'`);
    await env.db.$executeRawUnsafe(`VACUUM ANALYZE "Candidate", "User"`);
  }
  platformRuns.push(env.phase("platform-xlsx", file));
  written = await env.db.candidate.count();
  bareRuns.push(env.phase("bare-xlsx", file));
}
const p = medianRun(platformRuns);
const bare = medianRun(bareRuns);
console.error(`runs (ms): platform ${platformRuns.map((r) => Math.round(r.ms)).join(", ")}; bare ${bareRuns.map((r) => Math.round(r.ms)).join(", ")}`);
if (p.ok !== N) {
  const rec = await env.db.importRecord.findFirst({ orderBy: { createdAt: "desc" } });
  const f = rec?.failedFileId ? await env.db.storedFile.findUnique({ where: { id: rec.failedFileId } }) : null;
  if (f) {
    const fw = new ExcelJS.Workbook();
    await fw.xlsx.readFile(path.join(env.dir, "storage", f.key));
    fw.worksheets[0].eachRow((r) => console.error((r.values as unknown[]).slice(1).join(" | ")));
  }
}
if (p.ok !== N || written !== N || bare.rows !== N) throw new Error(`imported ${p.ok}/${written}, read ${bare.rows}, expected ${N}`);
console.log(
  `platform import: ${N} rows in ${p.ms.toFixed(0)} ms (${Math.round(N / (p.ms / 1000))} rows/s), peak RSS ${mb(p.peak)} MB, ${written} candidates + student accounts written`,
);
console.log(`bare exceljs read: ${N} rows in ${bare.ms.toFixed(0)} ms (${Math.round(N / (bare.ms / 1000))} rows/s), peak RSS ${mb(bare.peak)} MB`);
await env.cleanup();
console.log(
  JSON.stringify({
    bench: "import",
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
