// One measured phase of the import benchmarks, in a fresh process so peak RSS belongs to that phase alone.
// argv: <mode> <database url> <storage dir> <file> <principal user id>
//   platform-xlsx: the whole candidate import (read, clean, check, batched writes, record, failed file)
//   bare-xlsx:     exceljs streaming read of the same file, every cell touched, nothing else
//   platform-registrations: the whole 按证书导入报考 (checks, quota under its lock, batched writes), BENCH_PARAMS the plan
//   platform-zip:  the whole photo import (names, capped inflate, sharp checks and re-encode, storage, rows)
//   bare-zip:      JSZip inflating every entry of the same zip and sharp decoding its pixels, nothing else
import fs from "node:fs";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";

const [mode, url, dir, file, userId] = process.argv.slice(2);
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00";
process.env.APP_MODE = "test";
// The kernel's high-water mark: exact, and no sampling timer competing with the measured work.
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const bytes = fs.readFileSync(file);
let ms = 0,
  rows = 0,
  ok = 0;

if (mode.startsWith("platform")) {
  const { createDb } = await import("../src/server/db");
  const { LocalStorage } = await import("../src/server/storage");
  const { resolveSession } = await import("../src/server/auth/session");
  const { beginImport, runImport } = await import("../src/server/imports/pipeline");
  const db = createDb(url);
  const clock = { now: () => new Date() };
  const s = await db.authSession.create({ data: { userId, sessionVersion: 1, expiresAt: new Date(Date.now() + 3600_000), lastSeenAt: new Date() } });
  const u = (await resolveSession(db, clock, s.id))!;
  const deps = { db, clock, storage: new LocalStorage(dir) };
  const { actorOf, mintScope, scopeFor } = await import("../src/server/tenancy");
  const who = { scope: scopeFor(mintScope(u), "school"), actor: actorOf(u) };
  // BENCH_PROFILE=<file.cpuprofile>: a CPU profile of the measured phase, for finding where the time goes.
  const { Session } = await import("node:inspector/promises");
  const prof = process.env.BENCH_PROFILE ? new Session() : null;
  if (prof) {
    prof.connect();
    await prof.post("Profiler.enable");
    await prof.post("Profiler.start");
  }
  if (process.env.BENCH_TRACE) console.error(JSON.stringify({ before: process.memoryUsage() }));
  const t = performance.now();
  let done;
  if (mode === "platform-registrations") {
    // BENCH_PARAMS: what the importer chose before uploading (the plan).
    const spec = (await import("../src/server/registrations/import-registrations")).registrationByCertificateImport;
    const rec = await beginImport(deps, who, spec.kind, { name: "报考.xlsx", bytes }, JSON.parse(process.env.BENCH_PARAMS ?? "{}"));
    done = await runImport(deps, who, spec, rec.id, bytes);
  } else {
    const rec = await beginImport(deps, who, mode === "platform-xlsx" ? "CANDIDATES" : "CANDIDATE_PHOTOS", {
      name: mode === "platform-xlsx" ? "考生.xlsx" : "照片.zip",
      bytes,
    });
    done =
      mode === "platform-xlsx"
        ? await runImport(deps, who, (await import("../src/server/candidates/import-candidates")).candidateImport, rec.id, bytes)
        : await (await import("../src/server/candidates/import-photos")).importPhotos(deps, who, rec.id, bytes);
  }
  ms = performance.now() - t;
  if (process.env.BENCH_TRACE) {
    const v8 = await import("node:v8");
    v8.setFlagsFromString("--expose-gc");
    (await import("node:vm")).runInNewContext("gc")();
    console.error(JSON.stringify({ after: process.memoryUsage(), peak: peakRss() }));
  }
  if (prof) fs.writeFileSync(`${process.env.BENCH_PROFILE}.${mode}.cpuprofile`, JSON.stringify((await prof.post("Profiler.stop")).profile));
  rows = done.total;
  ok = done.succeeded;
  await db.$disconnect();
} else if (mode === "bare-xlsx") {
  const t = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
    entries: "emit",
  });
  for await (const ws of reader) {
    for await (const row of ws) {
      rows++;
      for (const v of row.values as unknown[]) if (v != null) ok++;
    }
    break;
  }
  rows -= 2; // header and example rows
  ms = performance.now() - t;
} else {
  // The least any photo check needs: inflate each entry and decode its pixels once.
  const sharp = (await import("sharp")).default;
  const t = performance.now();
  const zip = await JSZip.loadAsync(bytes);
  for (const f of Object.values(zip.files))
    if (!f.dir) {
      rows++;
      const { info } = await sharp(await f.async("nodebuffer"))
        .raw()
        .toBuffer({ resolveWithObject: true });
      ok += info.width > 0 ? 1 : 0;
    }
  ms = performance.now() - t;
}
const peak = peakRss();
console.log(JSON.stringify({ ms, rows, ok, peak }));
process.exit(0);
