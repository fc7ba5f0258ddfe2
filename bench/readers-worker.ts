// One reader over one file, in a fresh process so peak RSS is that reader's alone. argv: <reader> <file>
//   own:      the platform's sheet reader (xlsx-stream.ts / csv-stream.ts through read-sheet.ts), header matching included
//   exceljs:  exceljs 4.4.0 stream.xlsx.WorkbookReader (the import bench's baseline)
//   fork:     @zurmokeeper/exceljs (the maintained fork), the same streaming reader
//   sheetjs:  @e965/xlsx (SheetJS CE) read in dense mode with a row limit; .csv decoded from GBK first
// Every row's 姓名 and 证件类型 are compared with what was written, so a reader that splits a Chinese character counts.
import fs from "node:fs";
import { Readable } from "node:stream";
import { candidateName } from "../tests/support/candidate-files";

const [reader, file] = process.argv.slice(2);
// The kernel's high-water mark: exact, and no sampling timer competing with the measured work.
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const bytes = fs.readFileSync(file);
let rows = 0,
  wrong = 0;
const check = (name: unknown, idType: unknown) => {
  if (name !== candidateName(rows) || idType !== "居民身份证") wrong++;
  rows++;
};
const t = performance.now();
if (reader === "own") {
  const { sheetRows } = await import("../src/server/imports/read-sheet");
  const { candidateImport } = await import("../src/server/candidates/import-candidates");
  for await (const r of sheetRows(bytes, candidateImport.columns)) check(r.cells.name, r.cells.idType);
} else if (reader === "exceljs" || reader === "fork") {
  const lib = reader === "exceljs" ? (await import("exceljs")).default : (await import("@zurmokeeper/exceljs")).default;
  const wb = new lib.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
    entries: "emit",
  });
  for await (const ws of wb) {
    for await (const row of ws) if (row.number > 2) check(row.getCell(3).value, row.getCell(6).value);
    break;
  }
} else {
  const XLSX = await import("@e965/xlsx");
  const opts = { dense: true, sheetRows: 50_003, cellFormula: false, cellHTML: false, cellText: false, cellNF: false, cellStyles: false } as const;
  const wb = file.endsWith(".csv") ? XLSX.read(new TextDecoder("gb18030").decode(bytes), { ...opts, type: "string", raw: true }) : XLSX.read(bytes, opts);
  const data = wb.Sheets[wb.SheetNames[0]]["!data"] ?? [];
  for (const r of data.slice(2)) if (r) check(r[2]?.v, r[5]?.v);
}
const ms = performance.now() - t;
const peak = peakRss();
console.log(JSON.stringify({ ms, rows, wrong, peak }));
process.exit(0);
