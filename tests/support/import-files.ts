// Real .xlsx files for the import tests: an import's own template, filled in row by row as a user would.
import ExcelJS from "exceljs";
import { templateOf, type ImportColumn } from "@/server/imports/pipeline";

/** The template of `spec` with these rows typed below its example row (序号 first, as the template has it). */
export async function filledTemplate(spec: { columns: ImportColumn[]; title: string }, rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await templateOf(spec.columns, spec.title)) as never); // exceljs types predate Buffer<ArrayBufferLike>
  const ws = wb.worksheets[0];
  rows.forEach((r, i) => {
    const row = ws.getRow(3 + i);
    [String(i + 1), ...r].forEach((v, j) => {
      row.getCell(j + 1).value = v;
    });
    row.commit();
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The 失败原因 column of a failed-rows file, row by row. */
export async function failedReasons(bytes: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const ws = wb.worksheets[0];
  const width = ws.getRow(2).cellCount;
  const out: string[] = [];
  for (let r = 3; r <= ws.rowCount; r++) out.push(String(ws.getRow(r).getCell(width).value ?? ""));
  return out;
}
