// Which sheet reader the import should use (issue 11): the platform's own streaming reader beside exceljs (the import
// bench's baseline), its maintained fork and SheetJS CE, over the same 50,000-row template as .xlsx and, written by
// LibreOffice headless from it, as .xls, .ods and a GBK .csv. Each reader runs in its own process (peak RSS), RUNS
// times interleaved; medians. The goal a replacement must hold: ≤ 3× the bare streaming read, < 400 MB.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { mb } from "./database";
import { writeCandidatesFile } from "./import-setup";

const N = Number(process.env.BENCH_ROWS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vslc-readers-"));
const xlsx = path.join(dir, "candidates.xlsx");
await writeCandidatesFile(xlsx, N);
const files: Record<string, string> = { xlsx };
for (const [ext, filter] of [
  ["xls", "xls:MS Excel 97"],
  ["ods", "ods"],
  ["csv", "csv:Text - txt - csv (StarCalc):44,34,85"],
]) {
  execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", filter, "--outdir", path.join(dir, ext), xlsx], {
    stdio: "pipe",
  });
  files[ext] = path.join(dir, ext, `candidates.${ext}`);
}
const cases = [
  ["own", "xlsx"],
  ["exceljs", "xlsx"],
  ["fork", "xlsx"],
  ["sheetjs", "xlsx"],
  ["own", "csv"],
  ["sheetjs", "csv"],
  ["sheetjs", "xls"],
  ["sheetjs", "ods"],
] as const;
type Run = { ms: number; rows: number; wrong: number; peak: number };
const runs = new Map<string, Run[]>(cases.map(([r, f]) => [`${r}-${f}`, []]));
for (let i = 0; i < RUNS; i++)
  for (const [reader, format] of cases) {
    const p = spawnSync("npx", ["tsx", path.join(import.meta.dirname, "readers-worker.ts"), reader, files[format]], { encoding: "utf8" });
    if (p.status !== 0) throw new Error(`${reader} on .${format} failed: ${p.stderr}`);
    runs.get(`${reader}-${format}`)!.push(JSON.parse(p.stdout.trim().split("\n").pop()!));
  }
const med = (k: string) => {
  const xs = [...runs.get(k)!].sort((a, b) => a.ms - b.ms);
  return { ...xs[Math.floor(xs.length / 2)], peak: Math.max(...xs.map((x) => x.peak)) };
};
const base = med("exceljs-xlsx");
const summary: Record<string, { ms: number; ratio: number; peak_rss_mb: number; wrong_rows: number }> = {};
for (const k of runs.keys()) {
  const m = med(k);
  if (m.rows !== N) throw new Error(`${k} read ${m.rows} rows, expected ${N}`);
  summary[k] = { ms: Math.round(m.ms), ratio: Math.round((m.ms / base.ms) * 100) / 100, peak_rss_mb: mb(m.peak), wrong_rows: m.wrong };
  console.log(
    `${k.padEnd(14)} ${String(Math.round(m.ms)).padStart(6)} ms  ×${summary[k].ratio}  peak ${mb(m.peak)} MB  rows with a wrong 姓名/证件类型: ${m.wrong}`,
  );
}
fs.rmSync(dir, { recursive: true, force: true });
const own = med("own-xlsx");
console.log(
  JSON.stringify({
    bench: "readers",
    n: N,
    ms: Math.round(own.ms),
    baseline: `exceljs stream.xlsx.WorkbookReader over the same .xlsx (median of ${RUNS} interleaved runs each)`,
    baseline_ms: Math.round(base.ms),
    ratio: Math.round((own.ms / base.ms) * 100) / 100,
    peak_rss_mb: mb(own.peak),
    readers: summary,
  }),
);
