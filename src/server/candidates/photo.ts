// Checks one candidate photo with sharp (decode with a pixel limit, sample the border) and re-encodes it as
// JPEG without metadata. Used by the single upload and by the photo zip import.
import sharp from "sharp";
import { photoProblem, redBorderRatio } from "@/domain/candidates/photo";
const PIXEL_LIMIT = 4000 * 4000; // same bound as other uploads; kept here to avoid an import cycle

export async function checkedPhoto(bytes: Buffer): Promise<{ ok: true; jpeg: Buffer } | { ok: false; error: string }> {
  let meta;
  try {
    meta = await sharp(bytes, { limitInputPixels: PIXEL_LIMIT, failOn: "error" }).metadata();
  } catch {
    return { ok: false, error: "照片无法识别或已损坏" };
  }
  const size = { format: meta.format, width: meta.width, height: meta.height, bytes: bytes.length };
  const early = photoProblem({ ...size, redBorderRatio: 1 });
  if (early) return { ok: false, error: early };
  const { data, info } = await sharp(bytes, { limitInputPixels: PIXEL_LIMIT }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const problem = photoProblem({ ...size, redBorderRatio: redBorderRatio(data, info.width, info.height, info.channels) });
  if (problem) return { ok: false, error: problem };
  // Re-encode from the pixels already decoded (no second decode); metadata is not carried over.
  return {
    ok: true,
    jpeg: await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
      .jpeg({ quality: 90 })
      .toBuffer(),
  };
}
