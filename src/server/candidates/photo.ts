// Checks one candidate photo with sharp (decode with a pixel limit, sample the border) and re-encodes it as
// JPEG without metadata. Used by the single upload and by the photo zip import.
import sharp from "sharp";
import { photoProblem, redBorderRatio } from "@/domain/candidates/photo";
import { imageHeader, PIXEL_LIMIT } from "@/server/files/image";

export async function checkedPhoto(bytes: Buffer): Promise<{ ok: true; jpeg: Buffer } | { ok: false; error: string }> {
  const header = await imageHeader(bytes, "照片");
  if (!header.ok) return header;
  const meta = header.meta;
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
