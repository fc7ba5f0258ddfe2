// Who may download which stored file. Checked in the download route after the session check.
import type { Db } from "@/server/db";
import type { SessionUser } from "@/server/session-user";
import type { StoredFile } from "@/generated/prisma/client";
import { applicationsWhere } from "@/server/applications/scope";
import { reportsWhere } from "@/server/reports/scope";
import { mintScope } from "@/server/tenancy";

// Evidence and report scans follow their record: whoever may read the record may read its file.
const none = { id: "00000000-0000-0000-0000-000000000000" };
// The download route is an auth gate: it mints the scope from the session it has just checked.
const applicationsWhereOrNone = (u: SessionUser) => {
  try {
    return applicationsWhere(mintScope(u));
  } catch {
    return none;
  }
};
const reportsWhereOrNone = (u: SessionUser) => {
  try {
    return reportsWhere(mintScope(u));
  } catch {
    return none;
  }
};

export async function canDownload(db: Db, user: SessionUser | null, file: StoredFile, now: Date): Promise<boolean> {
  switch (file.purpose) {
    case "EXPORT":
      return !!user && file.ownerUserId === user.id && (!file.expiresAt || file.expiresAt > now);
    case "SIGNATURE": {
      // Only the principal of the school whose signature it is (the holder of 电子签章管理).
      if (!user || !user.permissions.includes("school.signature") || !user.schoolId) return false;
      if (file.ownerUserId === user.id) return true; // just uploaded, for the preview
      const s = await db.school.findFirst({ where: { id: user.schoolId, signatureFileId: file.id }, select: { id: true } });
      return !!s;
    }
    case "ANNOUNCEMENT_ATTACHMENT": {
      const a = await db.announcementAttachment.findFirst({ where: { fileId: file.id, announcement: { status: "PUBLISHED" } }, select: { fileId: true } });
      return !!a || user?.role === "ADMIN";
    }
    case "APPLICATION_EVIDENCE": {
      if (!user) return false;
      if (file.ownerUserId === user.id) return true;
      return (await db.pilotApplication.count({ where: { AND: [{ evidenceFileId: file.id }, applicationsWhereOrNone(user)] } })) > 0;
    }
    case "WEEKLY_REPORT_SCAN": {
      if (!user) return false;
      if (file.ownerUserId === user.id) return true;
      return (await db.weeklyReport.count({ where: { AND: [{ scanFileId: file.id }, reportsWhereOrNone(user)] } })) > 0;
    }
    case "IMPORT_SOURCE":
      return !!user && file.ownerUserId === user.id;
    case "IMPORT_FAILED_ROWS": {
      // The importer, or another account of the same school looking at the school's 导入记录.
      if (!user) return false;
      if (file.ownerUserId === user.id) return true;
      return !!user.schoolId && (await db.importRecord.count({ where: { failedFileId: file.id, schoolId: user.schoolId } })) > 0;
    }
    case "CANDIDATE_PHOTO": {
      if (!user) return false;
      if (user.role === "ADMIN") return true;
      if (!user.schoolId) return false;
      return (await db.candidate.count({ where: { photoFileId: file.id, schoolId: user.schoolId } })) > 0;
    }
    case "SCHOOL_LOGO":
    case "STANDARD_ATTACHMENT":
    case "CERTIFICATE_SAMPLE":
      return !!user && !user.needsBinding && !user.mustChangePassword;
  }
}
