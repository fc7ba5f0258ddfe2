// Large candidate files, streamed to disk: the import benchmarks and the reader's chunk-boundary test share them.
import ExcelJS from "exceljs";
import { withIdCheck } from "@/domain/identifiers/id-number";
import { candidateImport } from "@/server/candidates/import-candidates";

/** The 姓名 written in row i (0-based) of writeCandidatesFile. */
export const candidateName = (i: number) => `基准考生${"甲乙丙丁戊己庚辛壬癸"[i % 10]}`;

/** The real candidate template with n rows: unique valid ID numbers (district 110108, born 2000–2007, male). */
export async function writeCandidatesFile(file: string, n: number, opts: { sharedStrings?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: opts.sharedStrings ?? false });
  const ws = wb.addWorksheet("考生信息导入");
  ws.addRow(["序号", ...candidateImport.columns.map((c) => c.header)]).commit();
  ws.addRow(["示例", ...candidateImport.columns.map((c) => c.example)]).commit();
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2000, 0, 1) + Math.floor(i / 500) * 86400000).toISOString().slice(0, 10).replace(/-/g, "");
    const id = withIdCheck(`110108${day}${String((i % 500) * 2 + 1).padStart(3, "0")}`);
    ws.addRow([
      String(i + 1),
      i % 10 === 9 ? "社会考生" : "院校考生",
      candidateName(i),
      "",
      "男",
      "居民身份证",
      id,
      `136${String(i).padStart(8, "0")}`,
      "2024",
      "高职专科",
      "510201",
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}
