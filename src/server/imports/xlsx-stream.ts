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

/** An element's name without its namespace prefix: some .NET exporters write <x:row>, <x:c>. */
const local = (name: string) => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

/** The package's parts, located as the format says: workbook.xml's relationships, then [Content_Types].xml. */
function packageParts(buf: Buffer, entries: ZipEntry[]): { sheets: string[]; sharedStrings: string | null } {
  const find = (name: string) => entries.find((x) => x.name === name) ?? entries.find((x) => x.name.toLowerCase() === name.toLowerCase());
  const get = (name: string) => {
    const e = find(name);
    return e ? (entryBytes(buf, e, 16 * 1024 * 1024)?.toString("utf8") ?? null) : null;
  };
  const resolve = (target: string) => {
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    return find(path)?.name ?? null;
  };
  const wb = get("xl/workbook.xml") ?? "";
  const rels = [...(get("xl/_rels/workbook.xml.rels") ?? "").matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => ({
    id: /\bId="([^"]+)"/.exec(m[0])?.[1],
    type: /\bType="([^"]+)"/.exec(m[0])?.[1] ?? "",
    target: /\bTarget="([^"]+)"/.exec(m[0])?.[1] ?? "",
  }));
  // Sheets in the workbook's order (a 填写说明 sheet may come first).
  const sheets = [...wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)]
    .map((m) => /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]+)"/.exec(m[0])?.[1])
    .map((rid) => rels.find((r) => r.id === rid && /\/worksheet$/.test(r.type)))
    .map((r) => (r ? resolve(r.target) : null))
    .filter((x): x is string => !!x);
  if (!sheets.length) sheets.push(...entries.filter((x) => /^xl\/worksheets\/sheet\d+\.xml$/.test(x.name)).map((x) => x.name));
  const sstRel = rels.find((r) => /\/sharedStrings$/.test(r.type));
  const sstType = /<Override\b[^>]*PartName="([^"]+)"[^>]*ContentType="[^"]*sharedStrings\+xml"/.exec(get("[Content_Types].xml") ?? "")?.[1];
  const sharedStrings = (sstRel && resolve(sstRel.target)) || (sstType && resolve(sstType)) || find("xl/sharedStrings.xml")?.name || null;
  return { sheets, sharedStrings };
}

/** The worksheets of the workbook, in its order, as row readers sharing one string table. */
export async function xlsxSheets(buf: Buffer, entries: ZipEntry[]): Promise<(() => AsyncGenerator<XlsxRow>)[]> {
  const parts = packageParts(buf, entries);
  const shared = await sharedStrings(buf, entries, parts.sharedStrings);
  return parts.sheets.map(
    (path) => () =>
      sheetRowsOf(
        buf,
        entries.find((x) => x.name === path)!,
        shared,
      ),
  );
}

async function sharedStrings(buf: Buffer, entries: ZipEntry[], path: string | null): Promise<string[]> {
  // Shared strings: <si> is plain <t> or rich runs <r><t>; phonetic runs (<rPh>) are not part of the text.
  const shared: string[] = [];
  const sst = path && entries.find((x) => x.name === path);
  if (sst) {
    let cur = "",
      inT = false,
      inPh = 0;
    for await (const _ of events(buf, sst, (p) => {
      p.on("opentag", (t: SaxesTagPlain) => {
        const n = local(t.name);
        if (n === "si") cur = "";
        else if (n === "rPh") inPh++;
        else if (n === "t") inT = true;
      });
      p.on("closetag", (t: SaxesTagPlain) => {
        const n = local(t.name);
        if (n === "si") shared.push(cur);
        else if (n === "rPh") inPh--;
        else if (n === "t") inT = false;
      });
      p.on("text", (s: string) => {
        if (inT && !inPh) cur += s;
      });
    }))
      void _;
  }
  return shared;
}

async function* sheetRowsOf(buf: Buffer, sheet: ZipEntry, shared: string[]): AsyncGenerator<XlsxRow> {
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
      switch (local(t.name)) {
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
      switch (local(t.name)) {
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
