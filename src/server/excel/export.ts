// Streaming .xlsx export (exceljs WorkbookWriter): rows are written and committed batch by batch, so
// memory stays flat however many rows. A title row, then the screen's columns.
import ExcelJS from "exceljs";
import type { Writable } from "node:stream";

export type ExportColumn<R> = { header: string; width?: number; value: (row: R) => string | number | Date | null | undefined };

/** Cells that a spreadsheet would run as a formula are written as text (formula injection). */
export function safeCell(v: string | number | Date | null | undefined): string | number | Date | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(v)) return `'${v}`;
  return v;
}

export async function writeXlsx<R>(opts: {
  stream: Writable;
  sheet: string;
  title: string;
  columns: ExportColumn<R>[];
  batches: AsyncIterable<R[]>;
}): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: opts.stream, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(opts.sheet.slice(0, 31));
  const cols = [{ header: "序号", width: 8, value: () => null } as ExportColumn<R>, ...opts.columns];
  ws.columns = cols.map((c, i) => ({ key: `c${i}`, width: c.width ?? Math.max(12, c.header.length * 2 + 4) }));
  const title = ws.addRow([opts.title]);
  title.font = { bold: true, size: 14 };
  title.height = 24;
  ws.mergeCells(1, 1, 1, cols.length);
  title.commit();
  const header = ws.addRow(cols.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    cell.border = { bottom: { style: "thin", color: { argb: "FF94A3B8" } } };
  });
  header.commit();
  let n = 0;
  for await (const batch of opts.batches) {
    for (const r of batch) {
      n++;
      ws.addRow([n, ...opts.columns.map((c) => safeCell(c.value(r)))]).commit();
    }
  }
  ws.commit();
  await wb.commit();
  return n;
}
