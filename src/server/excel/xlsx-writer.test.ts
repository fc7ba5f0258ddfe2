// The streaming .xlsx writer against two readers: exceljs (what office software's files look like to the
// tests) and the platform's own import reader; a slow destination proves it waits instead of buffering.
import { PassThrough, Writable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { columnName, writeSheet, type XlsxRow } from "./xlsx-writer";
import { readSheet } from "@/server/imports/read-sheet";

async function write(rows: XlsxRow[][], dest?: Writable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = dest ?? new PassThrough();
  out.on("data", (c: Buffer) => chunks.push(c));
  async function* gen() {
    yield* rows;
  }
  await writeSheet({ stream: out, sheet: "考生/信息", widths: [8, 20, 20], rows: gen(), merges: ["A1:C1"] });
  return Buffer.concat(chunks);
}

describe("xlsx writer", () => {
  it("names columns like Excel", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
  });

  it("writes text, numbers and dates that exceljs and the import reader read back", async () => {
    const at = new Date("2026-12-01T02:30:00Z"); // 10:30 in Beijing
    const bytes = await write([
      [
        { cells: ["标题"], style: "title", height: 24 },
        { cells: ["序号", "姓名", "时间"], style: "header" },
      ],
      [{ cells: [1, `张三 <&> "x"\u0001\uFFFF`, at] }, { cells: [2, "李四", null] }],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe("考生_信息");
    expect(ws.getCell("A1").value).toBe("标题");
    expect(ws.getCell("A1").isMerged && ws.getCell("C1").isMerged).toBe(true);
    expect(ws.getCell("B2").font?.bold).toBe(true);
    expect(ws.getCell("A3").value).toBe(1);
    expect(ws.getCell("B3").value).toBe('张三 <&> "x"');
    // Excel has no time zone: the cell shows Beijing time (exceljs reads the serial as if it were UTC).
    expect((ws.getCell("C3").value as Date).toISOString()).toBe("2026-12-01T10:30:00.000Z");
    expect(ws.getCell("C4").value).toBeNull();
    const rows = await readSheet(bytes, [
      { key: "n", header: "序号" },
      { key: "name", header: "姓名" },
    ]);
    expect(rows.map((r) => r.cells)).toEqual([
      { n: "1", name: '张三 <&> "x"' },
      { n: "2", name: "李四" },
    ]);
  });

  it("waits for a slow destination and stays whole over many batches", async () => {
    const got: Buffer[] = [];
    let writes = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, cb) {
        got.push(chunk);
        writes++;
        setImmediate(cb);
      },
    });
    const batches = Array.from({ length: 20 }, (_, b) =>
      Array.from({ length: 500 }, (_, i) => ({ cells: [b * 500 + i + 1, `考生${b * 500 + i}`, "x".repeat(50)] })),
    );
    await write([[{ cells: ["序号", "姓名", "备注"], style: "header" as const }], ...batches], slow);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(got) as never);
    expect(wb.worksheets[0].rowCount).toBe(10_001);
    expect(wb.worksheets[0].getCell("B10001").value).toBe("考生9999");
    expect(writes).toBeGreaterThan(20);
  });
});
