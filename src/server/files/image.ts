// Reads an image's header once for every image upload (logo, e-signature, candidate photo): what it is and how
// large it says it is, before anything decodes its pixels. A too-large picture is named as such, not as damaged.
import sharp, { type Metadata } from "sharp";

/** Decoded pixels at most (4000×4000): bounds memory per upload whatever the file claims. */
export const PIXEL_LIMIT = 4000 * 4000;

export function pixelProblem(width: number, height: number, what = "图片"): string | null {
  return width * height > PIXEL_LIMIT ? `${what}尺寸过大（${width}×${height} 像素），请缩小到 1600 万像素以内（如 4000×4000）后重新上传` : null;
}

export async function imageHeader(bytes: Buffer, what = "图片"): Promise<{ ok: true; meta: Metadata } | { ok: false; error: string }> {
  let meta: Metadata;
  try {
    // The header only: no pixel is decoded here, so the limit is checked by us, with a message that says so.
    meta = await sharp(bytes, { limitInputPixels: false, failOn: "error" }).metadata();
  } catch {
    return { ok: false, error: `${what}无法识别或已损坏` };
  }
  if (!meta.width || !meta.height) return { ok: false, error: `${what}无法识别或已损坏` };
  const big = pixelProblem(meta.width, meta.height, what);
  return big ? { ok: false, error: big } : { ok: true, meta };
}
