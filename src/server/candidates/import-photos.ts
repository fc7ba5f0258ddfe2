// 批量导入学生照片 (003): a .zip of `<ID number>.jpg|png`. Sizes come from the central directory before
// anything is inflated (bombs), names are reduced to their last part and refused if they try a path (zip
// slip; nothing is ever written under an entry's name), each photo is inflated with a 5 MB cap and checked
// like a single upload; every entry gets its own result in the 导入记录.
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import { writeAudit } from "@/server/audit/write";
import { badRequest } from "@/server/errors";
import { getStorage, newKey, type Storage } from "@/server/storage";
import { entryBytes, zipEntries } from "@/server/imports/zip";
import { writeFailedFile, type Importer } from "@/server/imports/pipeline";
import { PHOTO_MAX_BYTES } from "@/domain/candidates/photo";
import { statusAfterEdit, type CandidateStatus } from "@/domain/candidates/rules";
import { checkedPhoto } from "./photo";

export const PHOTO_ZIP_MAX_BYTES = 300 * 1024 * 1024;
const MAX_ENTRIES = 5000;

type Deps = { db: Db; clock: Clock; storage?: Storage };

export async function importPhotos(deps: Deps, who: Importer, recordId: string, bytes: Buffer) {
  const { db, clock } = deps;
  const { schoolId } = who.scope;
  const u = who.actor;
  const storage = deps.storage ?? getStorage();
  const refuse = async (message: string) => {
    await db.importRecord.update({ where: { id: recordId }, data: { status: "FAILED", message, finishedAt: clock.now() } });
    return badRequest(message);
  };
  const entries = bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50 ? zipEntries(bytes) : null;
  if (!entries) throw await refuse("文件格式不正确，请上传 .zip 压缩包");
  const files = entries.filter((e) => !e.name.endsWith("/") && !e.name.startsWith("__MACOSX/") && !/(^|\/)\.[^./]/.test(e.name)); // .DS_Store and the like, not "../"
  if (files.length === 0) throw await refuse("压缩包中没有照片");
  if (files.length > MAX_ENTRIES) throw await refuse(`单次最多导入 ${MAX_ENTRIES} 张照片，请拆分后分批导入`);
  // No whole-file bomb check needed: an entry declaring more than 5 MB is refused unread, and every
  // inflate is capped at 5 MB whatever its header says, one entry at a time.

  await db.importRecord.update({ where: { id: recordId }, data: { total: files.length, heartbeatAt: clock.now() } });
  const failed: { file: string; reason: string }[] = [];
  const wanted = new Map<string, (typeof files)[number]>();
  for (const e of files) {
    const base = e.name.split(/[\\/]/).pop()!;
    if (e.name.includes("..") || /^[\\/]/.test(e.name) || /^[a-zA-Z]:/.test(e.name)) {
      failed.push({ file: e.name, reason: "文件名不合法" });
      continue;
    }
    const m = /^([0-9A-Za-z]{5,18})\.(jpe?g|png)$/i.exec(base);
    if (!m) {
      failed.push({ file: e.name, reason: "文件名应为「证件号码.jpg」或「证件号码.png」" });
      continue;
    }
    const id = m[1].toUpperCase();
    if (wanted.has(id)) {
      failed.push({ file: e.name, reason: "同一证件号码有多张照片" });
      continue;
    }
    if (e.uncompressedSize > PHOTO_MAX_BYTES) {
      failed.push({ file: e.name, reason: "照片不能超过 5M" });
      continue;
    }
    wanted.set(id, e);
  }
  const candidates = await db.candidate.findMany({
    where: { schoolId, idNumber: { in: [...wanted.keys()] } },
    select: { id: true, idNumber: true, status: true },
  });
  let succeeded = 0,
    n = 0;
  // A few photos at a time: sharp decodes on libuv's thread pool, so this uses the cores without holding
  // more than a handful of photos in memory.
  const queue = [...wanted];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [id, e] = next;
      const reason = await importOne(id, e);
      if (reason) failed.push({ file: e.name, reason });
      else succeeded++;
      if (++n % 50 === 0)
        await db.importRecord.update({
          where: { id: recordId },
          data: { processed: n + (files.length - wanted.size), succeeded, failed: failed.length, heartbeatAt: clock.now() },
        });
    }
  };
  const importOne = async (id: string, e: (typeof files)[number]): Promise<string | null> => {
    const c = candidates.find((x) => x.idNumber === id);
    if (!c) return "本校没有该证件号码的考生";
    if (c.status === "VERIFIED") return "考生信息已认证为「信息准确」，照片不能更换";
    const raw = entryBytes(bytes, e, PHOTO_MAX_BYTES);
    const photo = raw ? await checkedPhoto(raw) : { ok: false as const, error: "照片不能超过 5M 或无法解压" };
    if (!photo.ok) return photo.error;
    const now = clock.now();
    const key = newKey("candidate-photo", "jpg", now);
    const size = await storage.put(key, photo.jpeg);
    const stored = await db
      .$transaction(async (tx) => {
        const f = await tx.storedFile.create({
          data: { key, purpose: "CANDIDATE_PHOTO", filename: `${id}.jpg`, contentType: "image/jpeg", size, ownerUserId: u.id, createdAt: now },
        });
        // Conditional: a candidate verified meanwhile keeps its photo.
        const done = await tx.candidate.updateMany({
          where: { id: c.id, status: { not: "VERIFIED" } },
          data: { photoFileId: f.id, status: statusAfterEdit(c.status as CandidateStatus, true), verifyReasons: [] },
        });
        if (!done.count) throw new Error("verified meanwhile");
      })
      .then(
        () => true,
        () => false,
      );
    return stored ? null : "考生信息已认证为「信息准确」，照片不能更换";
  };
  await Promise.all(Array.from({ length: 4 }, () => worker()));
  const failedFileId = failed.length
    ? await writeFailedFile(
        deps,
        u,
        "学生照片导入",
        [
          { header: "文件名", width: 40, value: (r: { file: string }) => r.file },
          { header: "失败原因", width: 40, value: (r: { reason: string }) => r.reason },
        ],
        failed,
      )
    : null;
  return db.$transaction(async (tx) => {
    const rec = await tx.importRecord.update({
      where: { id: recordId },
      data: { status: "DONE", processed: files.length, succeeded, failed: failed.length, failedFileId, finishedAt: clock.now(), heartbeatAt: clock.now() },
    });
    await writeAudit(tx, {
      actor: u,
      action: "import.candidate_photos",
      targetType: "ImportRecord",
      targetId: recordId,
      summary: `批量导入学生照片：成功 ${succeeded} 张，失败 ${failed.length} 张（${rec.filename}）`,
    });
    return rec;
  });
}
