// The CSV reader on the texts office software and exporters write: quotes, line breaks in cells, ="…" text,
// Excel's 「Unicode 文本」 (UTF-16, tab-separated), GBK.
import { describe, expect, it } from "vitest";
import { csvRows, csvText, CsvError } from "./csv-stream";

const rows = async (text: string) => {
  const out = [];
  for await (const r of csvRows(text)) out.push(r);
  return out;
};

describe("csv reading", () => {
  it("reads quoted cells with commas, doubled quotes and line breaks; CRLF, LF and CR endings", async () => {
    const got = await rows('序号,姓名,备注\r\n1,"张三，""小名""","第一行\n第二行"\r2,李四,\n3,"王,五",x');
    expect(got.map((r) => [r.number, r.cells])).toEqual([
      [1, ["序号", "姓名", "备注"]],
      [2, ["1", '张三，"小名"', "第一行\n第二行"]],
      [3, ["2", "李四", ""]],
      [4, ["3", "王,五", "x"]],
    ]);
  });

  it('keeps ="…" text as its digits and marks what Excel showed in scientific notation as a number', async () => {
    const got = await rows('证件号码,手机号\n="110108200503011237",1.36E+10\n"=""0101""",1.10108200409032E+017');
    expect(got[1].cells).toEqual(["110108200503011237", { number: "1.36E+10" }]);
    expect(got[2].cells).toEqual(["0101", { number: "1.10108200409032E+017" }]);
  });

  it("decodes UTF-8 with or without BOM, GBK, and UTF-16 with tabs; refuses binary", async () => {
    const text = "序号,姓名\n1,张三";
    expect(csvText(Buffer.from(text))).toBe(text);
    expect(csvText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    // 张三 in GBK (CP936), as Excel on Chinese Windows saves 「CSV（逗号分隔）」.
    expect(csvText(Buffer.from([0x31, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd]))).toBe("1,张三");
    const unicode = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("序号\t姓名\r\n1\t张,三", "utf16le")]);
    expect((await rows(csvText(unicode)!)).map((r) => r.cells)).toEqual([
      ["序号", "姓名"],
      ["1", "张,三"],
    ]);
    expect(csvText(Buffer.from([0x50, 0x4b, 0, 0, 1, 2]))).toBeNull();
  });

  it("names the row of an unclosed quote", async () => {
    await expect(rows('序号,姓名\n1,张三\n2,"李四\n3,王五')).rejects.toThrow(new CsvError("第 3 行的引号没有闭合，文件无法读取"));
  });
});
