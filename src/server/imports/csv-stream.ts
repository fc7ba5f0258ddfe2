// A .csv (or Excel's 「Unicode 文本」, tab-separated UTF-16) read as the rows of one sheet. Offices save a sheet as
// CSV from Excel or WPS on Chinese Windows in GBK, and as UTF-8 (with or without BOM) elsewhere; other systems export
// CSV directly. Rows come out in the xlsx reader's shape so the header and row rules stay in one place.
import type { XlsxRow } from "./xlsx-stream";

export class CsvError extends Error {}

/** The text of a file that looks like text, by its BOM, else UTF-8 if it decodes, else GB 18030 (GBK's superset). */
export function csvText(bytes: Buffer): string | null {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else {
    if (bytes.subarray(0, 8192).includes(0)) return null; // binary
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = new TextDecoder("gb18030").decode(bytes);
    }
  }
  return text.includes("\u0000") ? null : text;
}

// Excel writes what the cell showed: an ID number typed as a number comes out as 1.10108E+17.
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/;
// Exporters keep leading zeros and long digits as text with ="…", which Excel shows without the ="".
const FORMULA_TEXT = /^="(.*)"$/s;

/** The delimiter of the first line: a tab if it has more tabs than commas (「Unicode 文本」), else a comma. */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r|\n|$/));
  return (first.match(/\t/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? "\t" : ",";
}

/** The records of an RFC 4180 text (quoted fields may hold delimiters, quotes as "" and line breaks). */
export async function* csvRows(text: string): AsyncGenerator<XlsxRow> {
  const sep = delimiterOf(text);
  const end = new RegExp(`[${sep}\\r\\n]`, "g");
  let i = 0,
    number = 0;
  const n = text.length;
  while (i < n) {
    const cells: XlsxRow["cells"] = [];
    const start = number + 1;
    for (;;) {
      let v = "";
      if (text[i] === '"') {
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw new CsvError(`第 ${start} 行的引号没有闭合，文件无法读取`);
          v += text.slice(i, q);
          i = q + 1;
          if (text[i] === '"') {
            v += '"';
            i++;
          } else break;
        }
      }
      // Up to the next delimiter or line break (after a closing quote too: a="b"c is kept, as office software reads it).
      end.lastIndex = i;
      const e = end.exec(text)?.index ?? n;
      v += text.slice(i, e);
      i = e;
      const formula = FORMULA_TEXT.exec(v);
      cells.push(formula ? formula[1] : SCIENTIFIC.test(v.trim()) ? { number: v.trim() } : v);
      if (text[i] === sep) {
        i++;
        continue;
      }
      if (text[i] === "\r") i++;
      if (text[i] === "\n") i++;
      break;
    }
    number++;
    yield { number, cells };
    // Hand the event loop back now and then: a 20 MB file must not block other requests.
    if (number % 2000 === 0) await new Promise((r) => setImmediate(r));
  }
}
