// Export benchmark: 50,000 schools exported by the platform's own path (scoped list definition → keyset
// batches from PostgreSQL → the platform's streaming xlsx writer → storage) beside a bare exceljs streaming write of
// the same rows already in memory, in the same run. Reports rows/s and peak RSS of each phase.
import { WORKER_NODE_OPTIONS } from "../src/server/jobs/memory";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { benchDatabase, mb } from "./database";

const N = Number(process.env.BENCH_ROWS ?? 50_000);
const { db, url, dir, cleanup } = await benchDatabase();
for (let i = 0; i < N; i += 10_000) {
  await db.school.createMany({
    data: Array.from({ length: Math.min(10_000, N - i) }, (_, k) => ({
      code: `49${String(i + k).padStart(8, "0")}`,
      name: `基准测试职业技术学院${i + k}`,
      type: "HIGHER_VOCATIONAL" as const,
      regionCode: "110108",
      isPilot: (i + k) % 3 !== 0,
    })),
  });
}
const user = await db.user.create({
  data: { account: "bench-admin", passwordHash: "x", role: "ADMIN", name: "基准", phone: "13900009999", mustChangePassword: false },
});

function phase(mode: "platform" | "bare"): { ms: number; rows: number; peak: number } {
  // Both phases with the worker's node options (the platform's export collects garbage every 5 batches).
  const r = spawnSync("npx", ["tsx", path.join(import.meta.dirname, "export-worker.ts"), mode, url, path.join(dir, "storage"), user.id], {
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, WORKER_NODE_OPTIONS].filter(Boolean).join(" ") },
  });
  if (r.status !== 0) throw new Error(`${mode} phase failed: ${r.stderr}`);
  if (process.env.BENCH_TRACE)
    console.error(
      r.stderr
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .join("\n"),
    );
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

phase("platform"); // warm-up: file-system caches, PostgreSQL buffers
phase("bare");
const p = phase("platform");
const b = phase("bare");
const ms = p.ms,
  baselineMs = b.ms,
  platformPeak = p.peak,
  baselinePeak = b.peak;
if (p.rows !== N || b.rows !== N) throw new Error(`exported ${p.rows}/${b.rows} rows, expected ${N}`);

console.log(`platform export: ${N} rows in ${ms.toFixed(0)} ms (${Math.round(N / (ms / 1000))} rows/s), peak RSS ${mb(platformPeak)} MB`);
console.log(
  `bare exceljs:    ${N} rows in ${baselineMs.toFixed(0)} ms (${Math.round(N / (baselineMs / 1000))} rows/s), peak RSS ${mb(baselinePeak)} MB (rows loaded, then written)`,
);
await cleanup();
console.log(
  JSON.stringify({
    bench: "export",
    n: N,
    ms: Math.round(ms),
    baseline: "exceljs stream.xlsx.WorkbookWriter after findMany of all rows",
    baseline_ms: Math.round(baselineMs),
    ratio: Math.round((ms / baselineMs) * 100) / 100,
    peak_rss_mb: mb(platformPeak),
    baseline_peak_rss_mb: mb(baselinePeak),
    rows_per_s: Math.round(N / (ms / 1000)),
  }),
);
