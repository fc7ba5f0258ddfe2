// Receives one uploaded file: size cap before buffering, extension allow-list and magic bytes, images
// decoded with a low pixel limit and re-encoded without metadata; stored under a generated key.
import sharp, { type Sharp } from "sharp";
import { imageHeader, PIXEL_LIMIT } from "./image";
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { Requester } from "@/server/tenancy";
import { badRequest } from "@/server/errors";
import { getStorage, newKey, type Storage } from "@/server/storage";
import { checkedPhoto } from "@/server/candidates/photo";
import { holdsAny, UPLOAD_PERMISSIONS, type Permission } from "@/domain/auth/permissions";
import { CONTENT_TYPES, UPLOAD_RULES, checkUpload, checkSealImage, checkSignatureImage, sniff, type UploadPurpose } from "@/domain/files/rules";

/** Who may upload what: the permission table's upload column. Attaching the file is checked again by its use case. */
export function mayUpload(holder: { permissions: readonly Permission[] }, purpose: UploadPurpose): boolean {
  return holdsAny(holder.permissions, UPLOAD_PERMISSIONS[purpose]);
}

async function normalizeImage(purpose: UploadPurpose, body: Buffer): Promise<{ body: Buffer; kind: "png" | "jpg" }> {
  const header = await imageHeader(body);
  if (!header.ok) throw badRequest(header.error);
  const meta = header.meta;
  const img: Sharp = sharp(body, { limitInputPixels: PIXEL_LIMIT, failOn: "error" });
  if (purpose === "SIGNATURE" || purpose === "ORG_SEAL") {
    const { data, info } = await sharp(body, { limitInputPixels: PIXEL_LIMIT }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    let clear = 0;
    for (let i = 3; i < data.length; i += info.channels) if (data[i] < 16) clear++;
    const problem = (purpose === "SIGNATURE" ? checkSignatureImage : checkSealImage)(meta, clear / (info.width * info.height));
    if (problem) throw badRequest(problem);
    // Re-encoded (metadata stripped); a seal is kept at most 600 px, enough for print.
    const out = purpose === "ORG_SEAL" ? sharp(body).resize(600, 600, { fit: "inside", withoutEnlargement: true }) : sharp(body);
    return { body: await out.png().toBuffer(), kind: "png" };
  }
  // Logo: 100×100, re-encoded as PNG.
  return { body: await img.resize(100, 100, { fit: "cover" }).png().toBuffer(), kind: "png" };
}

export async function storeUpload(
  deps: { db: Db; clock: Clock; storage?: Storage },
  who: Requester,
  purpose: UploadPurpose,
  file: { name: string; size: number; bytes: Buffer },
) {
  const problem = checkUpload(purpose, file.name, file.size, file.bytes.subarray(0, 8));
  if (problem) throw badRequest(problem);
  let body = file.bytes;
  let kind = sniff(body.subarray(0, 8))!;
  if (purpose === "SCHOOL_LOGO" || purpose === "SIGNATURE" || purpose === "ORG_SEAL") ({ body, kind } = await normalizeImage(purpose, body));
  if (purpose === "CANDIDATE_PHOTO") {
    const photo = await checkedPhoto(body);
    if (!photo.ok) throw badRequest(photo.error);
    ({ body, kind } = { body: photo.jpeg, kind: "jpg" });
  }
  const storage = deps.storage ?? getStorage();
  const key = newKey(purpose.toLowerCase().replace(/_/g, "-"), kind, deps.clock.now());
  const size = await storage.put(key, body);
  const filename = file.name.replace(/[\\/\0]/g, "_").slice(-120);
  return deps.db.storedFile.create({
    data: {
      key,
      purpose,
      filename: kind === "png" && !/\.png$/i.test(filename) ? `${filename}.png` : filename,
      contentType: CONTENT_TYPES[kind],
      size,
      ownerUserId: who.actor.id,
    },
    select: { id: true, filename: true, size: true },
  });
}

export const MAX_UPLOAD_BYTES = Math.max(...Object.values(UPLOAD_RULES).map((r) => r.maxBytes));
