// The last step of every file job (an export, a PDF, a zip): the stored file, owned by the requester and kept for an
// hour, the ExportRecord marked done with its count, and the audit row — in one transaction.
import type { Db } from "@/server/db";
import { writeAudit } from "@/server/audit/write";
import type { Actor } from "@/server/tenancy";

export const EXPORT_TTL_MS = 60 * 60 * 1000;

/** yyyyMMddHHmm in Beijing time, for file names. */
export const fileStamp = (now: Date) => now.toLocaleString("sv-SE", { timeZone: "Asia/Shanghai" }).replace(/[-: ]/g, "").slice(0, 12);

/** A name every file system and browser accepts. */
export const safeFilename = (name: string) => name.replace(/[\\/:*?"<>|]/g, "_");

export async function fileReady(
  db: Db,
  job: { exportId: string; actor: Actor; ip: string | null },
  file: { key: string; size: number; filename: string; contentType: string; count: number },
  audit: { action: string; summary: string },
  now: Date,
): Promise<string> {
  return db.$transaction(async (tx) => {
    const f = await tx.storedFile.create({
      data: {
        key: file.key,
        purpose: "EXPORT",
        filename: safeFilename(file.filename),
        contentType: file.contentType,
        size: file.size,
        ownerUserId: job.actor.id,
        rowCount: file.count,
        expiresAt: new Date(now.getTime() + EXPORT_TTL_MS),
      },
    });
    await tx.exportRecord.update({
      where: { id: job.exportId },
      data: { status: "DONE", processed: file.count, total: file.count, fileId: f.id, finishedAt: now, heartbeatAt: now },
    });
    await writeAudit(tx, { actor: job.actor, ip: job.ip, action: audit.action, targetType: "StoredFile", targetId: f.id, summary: audit.summary });
    return f.id;
  });
}
