import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";

/** A square signature-like PNG: a dark stroke on a transparent background. */
export async function signaturePng(size = 95, opaque = false): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">${opaque ? `<rect width="100%" height="100%" fill="white"/>` : ""}<path d="M10 60 Q 30 10 50 50 T 85 40" stroke="#b91c1c" stroke-width="6" fill="none"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function jpeg(size = 95): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 3, background: "#c00" } })
    .jpeg()
    .toBuffer();
}

/** A PNG over 1 MB (random noise does not compress). */
export async function bigPng(): Promise<Buffer> {
  const w = 700;
  const raw = Buffer.alloc(w * w * 4);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width: w, height: w, channels: 4 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

/** An ID photo: red background, a grey head and shoulders; `bg` and size vary for the refusals. */
export async function idPhoto(opts: { width?: number; height?: number; bg?: string; format?: "jpeg" | "png" } = {}): Promise<Buffer> {
  const w = opts.width ?? 295,
    h = opts.height ?? 413;
  const person = Buffer.from(
    `<svg width="${w}" height="${h}"><ellipse cx="${w / 2}" cy="${h * 0.4}" rx="${w * 0.22}" ry="${h * 0.17}" fill="#d8b59a"/><rect x="${w * 0.15}" y="${h * 0.62}" width="${w * 0.7}" height="${h * 0.38}" fill="#334155"/></svg>`,
  );
  const img = sharp({ create: { width: w, height: h, channels: 3, background: opts.bg ?? "#d40000" } }).composite([{ input: person }]);
  return opts.format === "png" ? img.png().toBuffer() : img.jpeg().toBuffer();
}

/** A PNG whose header claims width × height (a real IHDR with its CRC, one tiny IDAT): nothing is worth decoding. */
export function claimedPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc(5))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
