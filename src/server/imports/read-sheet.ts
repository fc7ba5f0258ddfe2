// Reads the first sheet of an uploaded .xlsx with a streaming reader (xlsx-stream.ts), after checking it really is an
// xlsx (zip magic, central directory sizes) and before anything is written: a wrong file, wrong headers or
// too many rows is refused as a whole.
import { zipBombProblem, zipEntries } from "./zip";
import { readXlsxRows } from "./xlsx-stream";

export const IMPORT_MAX_ROWS = 50_000;
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
const MAX_UNZIPPED = 400 * 1024 * 1024;

export class SheetError extends Error {}
export type SheetRow = { line: number; cells: Record<string, string> };

/** Every row of the sheet, collected (tests and small files; the pipeline streams with sheetRows). */
export async function readSheet(bytes: Buffer, columns: { key: string; header: string }[], maxRows = IMPORT_MAX_ROWS): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of sheetRows(bytes, columns, maxRows)) out.push(r);
  return out;
}

/** Checks the file as a whole before the first row: empty, too large, not an xlsx, a zip bomb. */
function checkFile(bytes: Buffer) {
  if (bytes.length === 0) throw new SheetError("文件为空");
  if (bytes.length > IMPORT_MAX_BYTES) throw new SheetError("文件过大，单个导入文件不能超过 20M");
  if (bytes.readUInt32LE(0) !== 0x04034b50) throw new SheetError("文件格式不正确，请使用下载的 .xlsx 模板填写后导入");
  const entries = zipEntries(bytes);
  if (!entries || !entries.some((e) => e.name === "xl/workbook.xml")) throw new SheetError("文件格式不正确，请使用下载的 .xlsx 模板填写后导入");
  const bomb = zipBombProblem(entries, MAX_UNZIPPED);
  if (bomb) throw new SheetError(bomb);
  return entries;
}

/**
 * The data rows one at a time, keyed by column key: the header row must hold every expected header; rows marked
 * 示例 and blank rows are skipped. Any problem (even at the last row) throws SheetError, so a caller that writes
 * nothing until the stream ended refuses a bad file as a whole.
 */
export async function* sheetRows(bytes: Buffer, columns: { key: string; header: string }[], maxRows = IMPORT_MAX_ROWS): AsyncGenerator<SheetRow> {
  const entries = checkFile(bytes);
  let index: [number, string][] | null = null;
  let missing: string[] = [];
  let count = 0;
  try {
    for await (const row of readXlsxRows(bytes, entries)) {
      if (!index) {
        // The header row: the first row naming all expected columns (a title row may sit above it).
        const found = new Map<number, string>();
        row.cells.forEach((v, i) => {
          const c = i > 0 && columns.find((x) => x.header === textOf(v, row.number).trim());
          if (c) found.set(i, c.key);
        });
        if (found.size === columns.length) index = [...found];
        else if (!missing.length || found.size > 0) missing = columns.filter((c) => ![...found.values()].includes(c.key)).map((c) => c.header);
        if (!index && row.number >= 3) throw new SheetError(`表头与模板不一致，缺少：${missing.join("、")}。请下载最新模板`);
        continue;
      }
      const cells: Record<string, string> = {};
      let blank = true;
      for (const [i, key] of index) {
        const v = textOf(row.cells[i], row.number);
        cells[key] = v;
        if (blank && v.trim()) blank = false;
      }
      if (blank) continue;
      if (textOf(row.cells[1], row.number).trim().startsWith("示例")) continue;
      if (++count > maxRows) throw new SheetError(`单次导入不能超过 ${maxRows.toLocaleString("zh-CN")} 行，请拆分后分批导入`);
      yield { line: row.number, cells };
    }
  } catch (e) {
    if (e instanceof SheetError) throw e;
    throw new SheetError("文件无法读取，可能已损坏，请使用下载的 .xlsx 模板重新填写");
  }
  if (!index) throw new SheetError(missing.length ? `表头与模板不一致，缺少：${missing.join("、")}。请下载最新模板` : "没有找到表头，请使用下载的模板填写");
}

function textOf(v: string | { number: string } | undefined, line: number): string {
  if (v == null) return "";
  if (typeof v === "string") return v;
  // A number cell: a long one (an ID typed into a number cell) has lost digits already; say so, never guess.
  const n = v.number;
  if (/e/i.test(n) || n.replace(/[^0-9]/g, "").replace(/^0+/, "").length > 15)
    throw new SheetError(`第 ${line} 行有长数字被 Excel 转为数值而丢失精度，请把证件号码等列设为文本格式后重新填写`);
  return /^-?\d+\.0+$/.test(n) ? n.replace(/\.0+$/, "") : n;
}
