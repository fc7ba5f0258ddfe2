// Reads a zip's central directory without inflating anything, so sizes can be checked before any
// decompression (zip bombs) and names before any path is used (zip slip).
import { inflateRawSync } from "node:zlib";
export type ZipEntry = { name: string; compressedSize: number; uncompressedSize: number; offset: number; method: number };

export function zipEntries(buf: Buffer): ZipEntry[] | null {
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  const from = Math.max(0, buf.length - 65557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) return null; // zip64: not produced by Excel or photo zips of this size
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28),
      extraLen = buf.readUInt16LE(p + 30),
      commentLen = buf.readUInt16LE(p + 32);
    const flags = buf.readUInt16LE(p + 8);
    const raw = buf.subarray(p + 46, p + 46 + nameLen);
    // Bit 11: UTF-8 names; otherwise Chinese Windows zips use GBK, which TextDecoder reads.
    const name = flags & 0x800 ? raw.toString("utf8") : new TextDecoder("gbk").decode(raw);
    out.push({ name, compressedSize, uncompressedSize, offset: buf.readUInt32LE(p + 42), method });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** A refusal when the declared sizes are too large in total or too compressed (a bomb), else null. */
export function zipBombProblem(entries: ZipEntry[], maxTotal: number, maxRatio = 200): string | null {
  const total = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (total > maxTotal) return "文件解压后过大，请拆分后分批导入";
  for (const e of entries)
    if (e.compressedSize > 0 && e.uncompressedSize / e.compressedSize > maxRatio && e.uncompressedSize > 10 * 1024 * 1024)
      return "文件压缩比异常，疑似恶意文件，已拒绝";
  return null;
}

/**
 * The bytes of one entry, inflated with a hard output cap (a lying size header cannot blow up memory);
 * null when the entry is larger than `max` or unreadable.
 */
export function entryBytes(buf: Buffer, e: ZipEntry, max: number): Buffer | null {
  const p = e.offset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  try {
    if (e.method === 0) return data.length <= max ? Buffer.from(data) : null;
    if (e.method === 8) return inflateRawSync(data, { maxOutputLength: max });
  } catch {
    return null;
  }
  return null;
}
