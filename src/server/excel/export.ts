// Streaming .xlsx export (xlsx-writer.ts): rows are serialized and deflated batch by batch with backpressure,
// so memory stays flat however many rows. A title row, then the screen's columns.
import type { Writable } from "node:stream";
import { columnName, writeSheet, type XlsxRow } from "./xlsx-writer";

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
  const cols = [{ header: "序号", width: 8, value: () => null } as ExportColumn<R>, ...opts.columns];
  let n = 0;
  async function* rows(): AsyncGenerator<XlsxRow[]> {
    yield [
      { cells: [opts.title], style: "title", height: 24 },
      { cells: cols.map((c) => c.header), style: "header" },
    ];
    for await (const batch of opts.batches) yield batch.map((r) => ({ cells: [++n, ...opts.columns.map((c) => safeCell(c.value(r)))] }));
  }
  await writeSheet({
    stream: opts.stream,
    sheet: opts.sheet,
    widths: cols.map((c) => c.width ?? Math.max(12, c.header.length * 2 + 4)),
    rows: rows(),
    merges: [`A1:${columnName(cols.length - 1)}1`],
  });
  return n;
}
