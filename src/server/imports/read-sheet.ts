// Reads the template's sheet of an uploaded .xlsx with a streaming reader (xlsx-stream.ts), or a .csv (csv-stream.ts),
// after checking what the file really is and before anything is written: a wrong file, wrong headers or too many rows
// is refused as a whole; a cell that cannot be read as typed fails its row only. .xls and .ods are refused with how to
// save them as .xlsx: SheetJS, the maintained reader of both, alone peaks at ~394 MB (.xls) and ~424 MB (.ods) on
// 50,000 rows, over the import's 400 MB goal before any writing (npm run bench -- readers).
import { zipBombProblem, zipEntries, type ZipEntry } from "./zip";
import { xlsxSheets } from "./xlsx-stream";
import { CsvError, csvRows, csvText } from "./csv-stream";

export const IMPORT_MAX_ROWS = 50_000;
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
const MAX_UNZIPPED = 400 * 1024 * 1024;

export class SheetError extends Error {}
/** problem: why this row cannot be read as typed (it fails alone); the file as a whole is fine. */
export type SheetRow = { line: number; cells: Record<string, string>; problem?: string };

/** Every row of the sheet, collected (tests and small files; the pipeline streams with sheetRows). */
export async function readSheet(bytes: Buffer, columns: { key: string; header: string }[], maxRows = IMPORT_MAX_ROWS): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of sheetRows(bytes, columns, maxRows)) out.push(r);
  return out;
}

const NOT_A_SHEET = "文件格式不正确，请使用下载的 .xlsx 模板填写后导入";
const SAVE_AS = "「另存为」Excel 工作簿（*.xlsx）后导入";
type Opened = { format: "xlsx"; entries: ZipEntry[] } | { format: "csv"; text: string };

/**
 * What the file is, by its bytes (never its name), checked as a whole before the first row: an .xlsx (zip magic,
 * central directory sizes) or a text .csv. The formats an office user may pick by mistake (.xls, .et, .ods, a
 * password-protected workbook) are named, with how to save them as .xlsx.
 */
export function openSheetFile(bytes: Buffer): Opened {
  if (bytes.length === 0) throw new SheetError("文件为空");
  if (bytes.length > IMPORT_MAX_BYTES) throw new SheetError("文件过大，单个导入文件不能超过 20M");
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1) {
    // An OLE compound file: Excel 97-2003 and WPS 表格 files, and also an .xlsx with an open password.
    if (bytes.includes(Buffer.from("EncryptedPackage", "utf16le"))) throw new SheetError("文件设置了打开密码，请在 Excel 或 WPS 中取消密码后重新导入");
    throw new SheetError(`这是 Excel 97-2003 或 WPS 表格文件（.xls / .et），请在 Excel 或 WPS 中打开，${SAVE_AS}`);
  }
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    const entries = zipEntries(bytes);
    if (!entries) throw new SheetError(NOT_A_SHEET);
    if (entries.some((e) => e.name === "mimetype") && entries.some((e) => e.name === "content.xml"))
      throw new SheetError(`这是 OpenDocument 表格文件（.ods），请在 WPS 或 LibreOffice 中打开，${SAVE_AS}`);
    if (!entries.some((e) => e.name === "xl/workbook.xml")) throw new SheetError(NOT_A_SHEET);
    const bomb = zipBombProblem(entries, MAX_UNZIPPED);
    if (bomb) throw new SheetError(bomb);
    return { format: "xlsx", entries };
  }
  const text = csvText(bytes);
  if (text === null) throw new SheetError(NOT_A_SHEET);
  return { format: "csv", text };
}

/** Why the file cannot be read as a sheet at all, or null: the upload's quick check, before the import is queued. */
export function sheetFileProblem(bytes: Buffer): string | null {
  try {
    openSheetFile(bytes);
    return null;
  } catch (e) {
    if (e instanceof SheetError) return e.message;
    throw e;
  }
}

/**
 * The data rows one at a time, keyed by column key, from the first sheet (in the workbook's order) whose header row
 * holds every expected header within its first three rows (a 填写说明 sheet may come first). Rows whose 序号 says 示例
 * and blank rows are skipped. A cell that cannot be read as the text the person typed (a long number Excel rounded)
 * fails its row only: `problem`. A problem with the file (even at the last row) throws SheetError, so a caller that
 * writes nothing until the stream ended refuses a bad file as a whole.
 */
export async function* sheetRows(bytes: Buffer, columns: { key: string; header: string }[], maxRows = IMPORT_MAX_ROWS): AsyncGenerator<SheetRow> {
  const file = openSheetFile(bytes);
  const headerOf = new Map(columns.map((c) => [c.key, c.header]));
  // The sheet that came closest, for the message when none has the template's headers.
  let closest: { found: number; missing: string[] } | null = null;
  let count = 0;
  try {
    const sheets = file.format === "xlsx" ? await xlsxSheets(bytes, file.entries) : [() => csvRows(file.text)];
    for (const rowsOf of sheets) {
      let index: [number, string][] | null = null;
      let seqAt = -1;
      for await (const row of rowsOf()) {
        if (!index) {
          // The header row: the first row naming all expected columns (a title row may sit above it).
          const found = new Map<number, string>();
          let seq = -1;
          row.cells.forEach((v, i) => {
            const h = plain(v).trim();
            if (h === "序号") seq = i;
            const c = columns.find((x) => x.header === h);
            if (c && ![...found.values()].includes(c.key)) found.set(i, c.key);
          });
          if (found.size === columns.length) {
            index = [...found];
            seqAt = seq;
          } else if (!closest || found.size > closest.found)
            closest = { found: found.size, missing: columns.filter((c) => ![...found.values()].includes(c.key)).map((c) => c.header) };
          if (!index && row.number >= 3) break; // not this sheet
          continue;
        }
        const cells: Record<string, string> = {};
        let blank = true;
        let problem: string | undefined;
        for (const [i, key] of index) {
          const v = row.cells[i];
          const bad = typeof v === "object" ? roundedNumber(v.number) : null;
          if (bad) problem ??= `「${headerOf.get(key)}」${bad}`;
          cells[key] = plain(v);
          if (blank && cells[key].trim()) blank = false;
        }
        if (blank) continue;
        // The template's example row, told by its 序号 (wherever that column is), never by position.
        if (seqAt >= 0 && plain(row.cells[seqAt]).trim().startsWith("示例")) continue;
        if (++count > maxRows) throw new SheetError(`单次导入不能超过 ${maxRows.toLocaleString("zh-CN")} 行，请拆分后分批导入`);
        yield problem ? { line: row.number, cells, problem } : { line: row.number, cells };
      }
      if (index) return;
    }
  } catch (e) {
    if (e instanceof SheetError) throw e;
    if (e instanceof CsvError) throw new SheetError(e.message);
    throw new SheetError("文件无法读取，可能已损坏，请使用下载的 .xlsx 模板重新填写");
  }
  throw new SheetError(closest ? `表头与模板不一致，缺少：${closest.missing.join("、")}。请下载最新模板` : "没有找到表头，请使用下载的模板填写");
}

/** A cell as text; a number cell as its digits ("2024.0" → "2024"). */
function plain(v: string | { number: string } | undefined): string {
  if (v == null) return "";
  if (typeof v === "string") return v;
  const n = v.number;
  return /^-?\d+\.0+$/.test(n) ? n.replace(/\.0+$/, "") : n;
}

/**
 * Why a number cell cannot be taken as typed, or null. Excel keeps 15 significant digits, so an ID number typed
 * into a number cell comes back as 1.10108200409032E+17 or with its last digits zeroed. Sixteen or more digits that
 * no double could hold (a writer that kept the integer) are intact and taken as they are.
 */
export function roundedNumber(n: string): string | null {
  if (/e/i.test(n)) return "为科学计数法表示的数值，后几位已丢失，请把该列设为文本格式后重新填写";
  const digits = n.replace(/[^0-9]/g, "").replace(/^0+/, "");
  if (digits.length <= 15) return null;
  if (String(Number(n)) !== n.replace(/\.0+$/, "")) return null; // more digits than a double holds: written exactly
  return "为超过 15 位的数值，Excel 只保留 15 位有效数字，后几位可能已丢失，请把该列设为文本格式后重新填写";
}
