// The signature drawn on screen to confirm 签发 (instead of the real platform's WeChat QR): a PNG from the canvas,
// checked to be a picture of something (not blank), stored as the act's evidence. It never goes on a certificate.
import sharp from "sharp";
import type { Tx } from "@/server/db";
import { badRequest } from "@/server/errors";
import { getStorage, newKey } from "@/server/storage";
import { imageHeader } from "@/server/files/image";

const MAX_BYTES = 512 * 1024;
export const SIGNATURE_PREFIX = "data:image/png;base64,";

/** The PNG's bytes once it passes the checks (before any SMS code is spent). */
export async function drawnSignaturePng(dataUrl: string): Promise<Buffer> {
  if (!dataUrl.startsWith(SIGNATURE_PREFIX)) throw badRequest("请在签名区域手写签名");
  const bytes = Buffer.from(dataUrl.slice(SIGNATURE_PREFIX.length), "base64");
  if (bytes.length === 0 || bytes.length > MAX_BYTES) throw badRequest("签名图片无效，请重新签名");
  const head = await imageHeader(bytes, "签名图片");
  if (!head.ok) throw badRequest(head.error);
  const { width = 0, height = 0, format } = head.meta;
  if (format !== "png" || width < 200 || height < 80 || width > 2000 || height > 1000) throw badRequest("签名图片无效，请重新签名");
  // Ink: some opaque pixel on a transparent canvas, or some dark one on an opaque one.
  const { channels } = await sharp(bytes).stats();
  const inked = channels.length === 4 ? channels[3].max > 0 : channels[0].min < 128;
  if (!inked) throw badRequest("请在签名区域手写签名");
  return bytes;
}

export async function storeDrawnSignature(tx: Tx, ownerUserId: string, bytes: Buffer, now: Date) {
  const key = newKey("issuance-signature", "png", now);
  const size = await getStorage().put(key, bytes);
  return tx.storedFile.create({
    data: { key, purpose: "ISSUANCE_SIGNATURE", filename: "签发签名.png", contentType: "image/png", size, ownerUserId, createdAt: now },
    select: { id: true },
  });
}
