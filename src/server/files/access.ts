// Who may download which stored file. Checked in the download route after the session check.
import type { Db } from "@/server/db";
import type { SessionUser } from "@/server/session-user";
import type { StoredFile } from "@/generated/prisma/client";

export async function canDownload(db: Db, user: SessionUser | null, file: StoredFile, now: Date): Promise<boolean> {
  switch (file.purpose) {
    case "EXPORT":
      return !!user && file.ownerUserId === user.id && (!file.expiresAt || file.expiresAt > now);
    case "SIGNATURE": {
      // Only the principal of the school whose signature it is.
      if (!user || user.role !== "SCHOOL_PRINCIPAL" || !user.schoolId) return false;
      if (file.ownerUserId === user.id) return true; // just uploaded, for the preview
      const s = await db.school.findFirst({ where: { id: user.schoolId, signatureFileId: file.id }, select: { id: true } });
      return !!s;
    }
    case "ANNOUNCEMENT_ATTACHMENT": {
      const a = await db.announcementAttachment.findFirst({ where: { fileId: file.id, announcement: { status: "PUBLISHED" } }, select: { fileId: true } });
      return !!a || user?.role === "ADMIN";
    }
    case "SCHOOL_LOGO":
    case "STANDARD_ATTACHMENT":
    case "CERTIFICATE_SAMPLE":
      return !!user && !user.needsBinding && !user.mustChangePassword;
  }
}
