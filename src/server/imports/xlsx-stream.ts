// A small streaming .xlsx sheet reader. exceljs' streaming reader decodes each chunk to text on its own, so a
// Chinese character split across two chunks comes out as "居���身份证" (seen on a 5,000-row file); here bytes
// go through a StringDecoder before the XML parser. Entries inflate as streams (constant memory), after the
// caller checked their declared sizes.
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createInflateRaw } from "node:zlib";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { entryBytes, type ZipEntry } from "./zip";

export type XlsxRow = { number: number; cells: (string | { number: string })[] };

function entryStream(buf: Buffer, e: ZipEntry): Readable {
  const p = e.offset;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = Readable.from([buf.subarray(start, start + e.compressedSize)]);
  return e.method === 8 ? data.pipe(createInflateRaw()) : data;
}

/** Parses an entry as XML, calling `handle` for each event; yields after every chunk so callers can stream. */
async function* events(buf: Buffer, e: ZipEntry, handle: (p: SaxesParser) => void): AsyncGenerator<void> {
  const parser = new SaxesParser();
  let error: Error | undefined;
  parser.on("error", (err) => {
    error = err;
  });
  handle(parser);
  const decoder = new StringDecoder("utf8");
  for await (const chunk of entryStream(buf, e)) {
    parser.write(decoder.write(chunk as Buffer));
    if (error) throw error;
    yield;
  }
  parser.write(decoder.end());
  parser.close();
  if (error) throw error;
}

const colIndex = (ref: string) => {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, "")) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n; // 1-based, as exceljs numbers columns
};

/** The first worksheet's path from workbook.xml and its relationships. */
function firstSheetPath(buf: Buffer, entries: ZipEntry[]): string | null {
  const get = (name: string) => {
    const e = entries.find((x) => x.name === name);
    return e ? (entryBytes(buf, e, 16 * 1024 * 1024)?.toString("utf8") ?? null) : null;
  };
  const wb = get("xl/workbook.xml");
  const rels = get("xl/_rels/workbook.xml.rels");
  const rid = wb && /<sheet\b[^>]*\br:id="([^"]+)"/.exec(wb)?.[1];
  const target =
    (rid && rels && new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1]) ||
    (rid && rels && new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1]);
  if (target) return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  return entries.find((x) => /^xl\/worksheets\/sheet\d+\.xml$/.test(x.name))?.name ?? null;
}

export async function* readXlsxRows(buf: Buffer, entries: ZipEntry[]): AsyncGenerator<XlsxRow> {
  // Shared strings: <si> is plain <t> or rich runs <r><t>; phonetic runs (<rPh>) are not part of the text.
  const shared: string[] = [];
  const sst = entries.find((x) => x.name === "xl/sharedStrings.xml");
  if (sst) {
    let cur = "",
      inT = false,
      inPh = 0;
    for await (const _ of events(buf, sst, (p) => {
      p.on("opentag", (t: SaxesTagPlain) => {
        if (t.name === "si") cur = "";
        else if (t.name === "rPh") inPh++;
        else if (t.name === "t") inT = true;
      });
      p.on("closetag", (t: SaxesTagPlain) => {
        if (t.name === "si") shared.push(cur);
        else if (t.name === "rPh") inPh--;
        else if (t.name === "t") inT = false;
      });
      p.on("text", (s: string) => {
        if (inT && !inPh) cur += s;
      });
    }))
      void _;
  }
  const path = firstSheetPath(buf, entries);
  const sheet = path && entries.find((x) => x.name === path);
  if (!sheet) return;
  let ready: XlsxRow[] = [];
  let row: XlsxRow | null = null;
  let col = 0,
    type = "",
    text = "",
    inV = false,
    inIsT = false,
    inIs = false,
    inPh = 0,
    lastRow = 0,
    lastCol = 0;
  const parse = events(buf, sheet, (p) => {
    p.on("opentag", (t: SaxesTagPlain) => {
      switch (t.name) {
        case "row":
          lastRow = t.attributes.r ? Number(t.attributes.r) : lastRow + 1;
          row = { number: lastRow, cells: [] };
          lastCol = 0;
          break;
        case "c":
          col = t.attributes.r ? colIndex(String(t.attributes.r)) : lastCol + 1;
          lastCol = col;
          type = String(t.attributes.t ?? "n");
          text = "";
          break;
        case "v":
          inV = true;
          break;
        case "is":
          inIs = true;
          break;
        case "rPh":
          inPh++;
          break;
        case "t":
          if (inIs) inIsT = true;
          break;
      }
    });
    p.on("closetag", (t: SaxesTagPlain) => {
      switch (t.name) {
        case "v":
          inV = false;
          break;
        case "is":
          inIs = false;
          break;
        case "rPh":
          inPh--;
          break;
        case "t":
          inIsT = false;
          break;
        case "c":
          if (row)
            row.cells[col] =
              type === "s"
                ? (shared[Number(text)] ?? "")
                : type === "b"
                  ? text === "1"
                    ? "是"
                    : "否"
                  : type === "e"
                    ? ""
                    : type === "n" && text
                      ? { number: text }
                      : text;
          break;
        case "row":
          if (row) ready.push(row);
          row = null;
          break;
      }
    });
    p.on("text", (s: string) => {
      if ((inV || inIsT) && !inPh) text += s;
    });
  });
  for await (const _ of parse) {
    void _;
    if (ready.length) {
      const out = ready;
      ready = [];
      yield* out;
    }
  }
  yield* ready;
}
