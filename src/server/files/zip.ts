// A zip written entry by entry to a stream, with backpressure from the destination: the .xlsx writer's package
// and the certificates' batch download both use it.
import { once } from "node:events";
import type { Writable } from "node:stream";
import { crc32, createDeflateRaw } from "node:zlib";

/** A zip written entry by entry to a stream, each entry deflated as it streams (sizes in a data descriptor). */
export class ZipOut {
  private offset = 0;
  private central: Buffer[] = [];
  private count = 0;
  constructor(private out: Writable) {}

  private async put(b: Buffer) {
    this.offset += b.length;
    if (!this.out.write(b)) await once(this.out, "drain");
  }

  /** level: deflate level (1 for content that is compressed already, such as PDFs). */
  async entry(name: string, chunks: AsyncIterable<Buffer> | Iterable<Buffer>, level = 6) {
    const nameBytes = Buffer.from(name, "utf8");
    const start = this.offset;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0808, 6); // sizes in the data descriptor; UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(dosTime(), 10);
    local.writeUInt16LE(nameBytes.length, 26);
    await this.put(Buffer.concat([local, nameBytes]));
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const deflate = createDeflateRaw({ level });
    const feed = (async () => {
      for await (const c of chunks) {
        crc = crc32(c, crc);
        size += c.length;
        if (!deflate.write(c)) await once(deflate, "drain");
      }
      deflate.end();
    })();
    feed.catch((e) => deflate.destroy(e));
    for await (const out of deflate as AsyncIterable<Buffer>) {
      compressed += out.length;
      await this.put(out);
    }
    await feed;
    const desc = Buffer.alloc(16);
    desc.writeUInt32LE(0x08074b50, 0);
    desc.writeUInt32LE(crc >>> 0, 4);
    desc.writeUInt32LE(compressed, 8);
    desc.writeUInt32LE(size, 12);
    await this.put(desc);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0808, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(local.readUInt32LE(10), 12);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(compressed, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(nameBytes.length, 28);
    cd.writeUInt32LE(start, 42);
    this.central.push(cd, nameBytes);
    this.count++;
  }

  async finish() {
    const cd = Buffer.concat(this.central);
    const at = this.offset;
    await this.put(cd);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(at, 16);
    await this.put(end);
    await new Promise<void>((resolve, reject) => this.out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
}

function dosTime(d = new Date()): number {
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const date = ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return ((date << 16) | time) >>> 0;
}
