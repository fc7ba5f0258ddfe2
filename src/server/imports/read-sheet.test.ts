// What a file is, told by its bytes: the messages an office user gets for the formats the import does not read.
// (LibreOffice-written .xls/.ods/.csv are in tests/integration/candidates.test.ts.)
import { describe, expect, it } from "vitest";
import { openSheetFile, sheetFileProblem } from "./read-sheet";

/** The start of an OLE compound file whose directory holds a stream named `name` (names are UTF-16LE there). */
const compoundFile = (name: string) =>
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(name, "utf16le"), Buffer.alloc(64)]);

describe("sheet file sniffing", () => {
  it("names a password-protected workbook apart from an .xls", () => {
    expect(sheetFileProblem(compoundFile("EncryptedPackage"))).toBe("文件设置了打开密码，请在 Excel 或 WPS 中取消密码后重新导入");
    expect(sheetFileProblem(compoundFile("Workbook"))).toContain("Excel 97-2003");
  });

  it("takes text as .csv and refuses binary and empty files", () => {
    expect(openSheetFile(Buffer.from("序号,姓名\n1,张三")).format).toBe("csv");
    expect(sheetFileProblem(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toContain(".xlsx 模板");
    expect(sheetFileProblem(Buffer.alloc(0))).toBe("文件为空");
  });
});
