// One application with everything its detail page shows: school, contact, lines, evidence and the review record.
import type { ReadCtx } from "@/server/use-case";
import { notFound } from "@/server/errors";
import { maskPhone } from "@/domain/auth/mask";
import { eventsView } from "@/server/reviews/events";
import { applicationsWhere } from "./scope";
import { statusText } from "./list";

export async function applicationDetail({ ctx: { db, scope }, input: { id } }: { ctx: ReadCtx; input: { id: string } }) {
  const a = await db.pilotApplication.findFirst({
    where: { AND: [{ id }, applicationsWhere(scope)] },
    include: {
      school: {
        select: {
          code: true,
          name: true,
          type: true,
          uscc: true,
          address: true,
          contactName: true,
          contactPhone: true,
          contactEmail: true,
          website: true,
          supervisingDepartment: { select: { name: true } },
          region: { select: { name: true } },
        },
      },
      certificateLevel: { select: { level: true, code: true, certificate: { select: { code: true, name: true, org: { select: { name: true } } } } } },
      plan: { select: { year: true, batch: true, byMajor: true, cityReviewFirst: true, startsAt: true, endsAt: true } },
      lines: { include: { major: { select: { code: true, name: true, level: true, catalogVersion: true } } }, orderBy: { major: { code: "asc" } } },
      events: { orderBy: { at: "asc" } },
    },
  });
  if (!a) throw notFound("申报记录不存在");
  const evidence = a.evidenceFileId ? await db.storedFile.findUnique({ where: { id: a.evidenceFileId }, select: { id: true, filename: true } }) : null;
  const isSchool = scope.kind === "school";
  return {
    id: a.id,
    planId: a.planId,
    certificateLevelId: a.certificateLevelId,
    year: a.year,
    batch: a.batch,
    status: a.status,
    statusText: statusText(a),
    reviewStage: a.reviewStage,
    requestedTotal: a.requestedTotal,
    approvedTotal: a.approvedTotal,
    submittedAt: a.submittedAt,
    teacherSituation: a.teacherSituation,
    siteSituation: a.siteSituation,
    evidence,
    plan: a.plan,
    certificate: {
      ...a.certificateLevel.certificate,
      code: a.certificateLevel.code,
      org: a.certificateLevel.certificate.org.name,
      level: a.certificateLevel.level,
    },
    // A department sees the contact phone masked, the school its own in full.
    school: {
      ...a.school,
      region: a.school.region.name,
      supervisingDepartment: a.school.supervisingDepartment?.name ?? null,
      contactPhone: isSchool ? a.school.contactPhone : a.school.contactPhone ? maskPhone(a.school.contactPhone) : null,
    },
    lines: a.lines.map((l) => ({
      majorId: l.majorId,
      code: l.major.code,
      name: l.major.name,
      level: l.major.level,
      catalogVersion: l.major.catalogVersion,
      students: l.students,
      teachers: l.teachers,
      requested: l.requested,
      approved: l.approved,
    })),
    events: eventsView(a.events),
  };
}
