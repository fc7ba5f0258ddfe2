// Who may download which stored file. The download route is the auth gate: it turns the session it has just
// checked into a Requester, and this reads only that.
import { issuanceWhere } from "@/server/issuance/scope";
import type { Db } from "@/server/db";
import type { StoredFile } from "@/generated/prisma/client";
import { applicationsWhere } from "@/server/applications/scope";
import { reportsWhere } from "@/server/reports/scope";
import { sitesWhere } from "@/server/sites/scope";
import type { Requester, Scope } from "@/server/tenancy";

// Evidence and report scans follow their record: whoever may read the record may read its file.
const none = { id: "00000000-0000-0000-0000-000000000000" };
// Scopes without applications or reports (an org, a student) read none of their files.
const orNone =
  <W>(where: (s: Scope) => W) =>
  (s: Scope) => {
    try {
      return where(s);
    } catch {
      return none;
    }
  };
const applicationsWhereOrNone = orNone(applicationsWhere);
const reportsWhereOrNone = orNone(reportsWhere);
const sitesWhereOrNone = orNone(sitesWhere);

/** who: the download route's requester, null when signed out or not yet through first login. */
export async function canDownload(db: Db, who: Requester | null, file: StoredFile, now: Date): Promise<boolean> {
  if (!who) return file.purpose === "ANNOUNCEMENT_ATTACHMENT" && (await publishedAttachment(db, file.id));
  const { scope, actor } = who;
  const own = file.ownerUserId === actor.id;
  switch (file.purpose) {
    case "EXPORT":
      return own && (!file.expiresAt || file.expiresAt > now);
    case "SIGNATURE": {
      // Only the principal of the school whose signature it is (the holder of 电子签章管理).
      if (scope.kind !== "school" || !scope.permissions.includes("school.signature")) return false;
      if (own) return true; // just uploaded, for the preview
      return !!(await db.school.findFirst({ where: { id: scope.schoolId, signatureFileId: file.id }, select: { id: true } }));
    }
    case "ISSUANCE_SIGNATURE": {
      // 签发记录: whoever sees a record the drawing signed (the signer's org or school).
      if (own) return true;
      if (scope.kind !== "org" && scope.kind !== "school") return false;
      const where = issuanceWhere(scope);
      return (await db.issuanceSignature.count({ where: { imageFileId: file.id, OR: [{ orgSigned: { some: where } }, { siteSigned: { some: where } }] } })) > 0;
    }
    case "CERTIFICATE": {
      // An issued certificate: its org, its school (a 证书负责人 for its certificates), its holder while not revoked.
      if (scope.kind !== "org" && scope.kind !== "school" && scope.kind !== "student") return false;
      const holder = scope.kind === "student" ? { revokedAt: null } : {};
      return (await db.issuance.count({ where: { AND: [issuanceWhere(scope), { certificateFileId: file.id, status: "ISSUED" }, holder] } })) > 0;
    }
    case "ORG_SEAL":
      // The org's own seal (just uploaded, or the one in use); nobody else downloads it.
      return scope.kind === "org" && (own || (await db.evaluationOrg.count({ where: { id: scope.orgId, sealFileId: file.id } })) > 0);
    case "ANNOUNCEMENT_ATTACHMENT":
      return scope.kind === "admin" || (await publishedAttachment(db, file.id));
    case "APPLICATION_EVIDENCE":
      return own || (await db.pilotApplication.count({ where: { AND: [{ evidenceFileId: file.id }, applicationsWhereOrNone(scope)] } })) > 0;
    case "WEEKLY_REPORT_SCAN":
      return own || (await db.weeklyReport.count({ where: { AND: [{ scanFileId: file.id }, reportsWhereOrNone(scope)] } })) > 0;
    case "SITE_EVIDENCE":
      return own || (await db.assessmentSite.count({ where: { AND: [{ evidenceFileId: file.id }, sitesWhereOrNone(scope)] } })) > 0;
    case "IMPORT_SOURCE":
      return own;
    case "IMPORT_FAILED_ROWS":
      // The importer, or another account of the same school looking at the school's 导入记录.
      return (
        own ||
        (scope.kind === "school" && (await db.importRecord.count({ where: { failedFileId: file.id, schoolId: scope.schoolId } })) > 0) ||
        (scope.kind === "org" && (await db.importRecord.count({ where: { failedFileId: file.id, orgId: scope.orgId } })) > 0)
      );
    case "CANDIDATE_PHOTO":
      // The uploader previews the photo before the candidate is saved with it.
      if (own || scope.kind === "admin") return true;
      if (scope.kind === "student") return (await db.candidate.count({ where: { photoFileId: file.id, userId: scope.userId } })) > 0;
      return scope.kind === "school" && (await db.candidate.count({ where: { photoFileId: file.id, schoolId: scope.schoolId } })) > 0;
    case "SCHOOL_LOGO":
    case "REPORT_OUTLINE": // an outline to fill in, published to every school of the province
    case "STANDARD_ATTACHMENT":
    case "CERTIFICATE_SAMPLE":
      return true;
  }
}

async function publishedAttachment(db: Db, fileId: string) {
  return !!(await db.announcementAttachment.findFirst({ where: { fileId, announcement: { status: "PUBLISHED" } }, select: { fileId: true } }));
}
