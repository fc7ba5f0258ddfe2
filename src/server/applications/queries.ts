// The school's own 证书试点申报 list, and what it may apply for now.
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/server/session-user";
import { schoolScope } from "@/server/tenancy";
import { visiblePlansWhere } from "@/server/plans/manage-plans";

export async function myApplications(db: Db, u: SessionUser, f: { status?: "DRAFT" | "IN_REVIEW" | "APPROVED" | "RETURNED"; page: number; pageSize: number }) {
  const { schoolId, certificateLevelIds } = schoolScope(u);
  const base: Prisma.PilotApplicationWhereInput = { schoolId, ...(certificateLevelIds ? { certificateLevelId: { in: certificateLevelIds } } : {}) };
  const where = { ...base, ...(f.status ? { status: f.status } : {}) };
  const [rows, total, counts] = await Promise.all([
    db.pilotApplication.findMany({
      where, orderBy: [{ year: "desc" }, { createdAt: "desc" }], skip: (f.page - 1) * f.pageSize, take: f.pageSize,
      include: { certificateLevel: { include: { certificate: { select: { name: true, org: { select: { name: true } } } } } }, lines: { include: { major: { select: { code: true, name: true } } } } },
    }),
    db.pilotApplication.count({ where }),
    db.pilotApplication.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
  ]);
  return {
    total,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number>,
    rows: rows.map((a) => ({
      id: a.id, year: a.year, batch: a.batch, planId: a.planId, status: a.status, requestedTotal: a.requestedTotal, approvedTotal: a.approvedTotal,
      certificateLevelId: a.certificateLevelId, certificate: a.certificateLevel.certificate.name, level: a.certificateLevel.level, org: a.certificateLevel.certificate.org.name,
      teacherSituation: a.teacherSituation, siteSituation: a.siteSituation,
      lines: a.lines.map((l) => ({ majorId: l.majorId, code: l.major.code, name: l.major.name, students: l.students, teachers: l.teachers, requested: l.requested, approved: l.approved })),
    })),
  };
}

/** Open plans of the school's province, each with the certificate levels it may apply for. */
export async function applicableNow(deps: { db: Db; clock: Clock }, u: SessionUser) {
  const { db, clock } = deps;
  const now = clock.now();
  const plans = await db.applicationPlan.findMany({
    where: { AND: [await visiblePlansWhere(db, u), { startsAt: { lte: now }, endsAt: { gte: now } }] },
    include: { certificates: { select: { certificateId: true } } },
    orderBy: { endsAt: "asc" },
  });
  const levels = await db.certificateLevel.findMany({
    where: { certificate: { status: "ENABLED" } },
    select: { id: true, level: true, certificate: { select: { id: true, code: true, name: true } } },
    orderBy: [{ certificate: { code: "asc" } }, { level: "asc" }],
  });
  return plans.map((p) => ({
    id: p.id, year: p.year, batch: p.batch, endsAt: p.endsAt, byMajor: p.byMajor,
    levels: levels.filter((l) => p.scope === "ALL" || p.certificates.some((c) => c.certificateId === l.certificate.id)).map((l) => ({ id: l.id, level: l.level, name: l.certificate.name, code: l.certificate.code })),
  }));
}
