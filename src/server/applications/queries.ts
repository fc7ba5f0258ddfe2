// What a school may apply for now (its list is the pilotApplications list definition).
import type { SchoolScope } from "@/server/tenancy";
import type { ReadCtx } from "@/server/use-case";
import { visiblePlansWhere } from "@/server/plans/manage-plans";

/** Open plans of the school's province, each with the certificate levels it may apply for. */
export async function applicableNow({ ctx: { db, clock, scope } }: { ctx: ReadCtx<SchoolScope> }) {
  const now = clock.now();
  const plans = await db.applicationPlan.findMany({
    where: { AND: [await visiblePlansWhere(db, scope), { startsAt: { lte: now }, endsAt: { gte: now } }] },
    include: { certificates: { select: { certificateId: true } } },
    orderBy: { endsAt: "asc" },
  });
  const levels = await db.certificateLevel.findMany({
    where: { certificate: { status: "ENABLED" } },
    select: { id: true, code: true, level: true, certificate: { select: { id: true, code: true, name: true } } },
    orderBy: { code: "asc" },
  });
  // One application per certificate level and year: a level already applied for that year is marked with its
  // application, so the form offers it only to that application's own edit.
  const applied = await db.pilotApplication.findMany({
    where: { schoolId: scope.schoolId, year: { in: [...new Set(plans.map((p) => p.year))] } },
    select: { id: true, certificateLevelId: true, year: true },
  });
  const appliedId = (levelId: string, year: number) => applied.find((a) => a.certificateLevelId === levelId && a.year === year)?.id ?? null;
  return plans.map((p) => ({
    id: p.id,
    year: p.year,
    batch: p.batch,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    byMajor: p.byMajor,
    cityReviewFirst: p.cityReviewFirst,
    scope: p.scope,
    levels: levels
      .filter((l) => p.scope === "ALL" || p.certificates.some((c) => c.certificateId === l.certificate.id))
      .map((l) => ({ id: l.id, level: l.level, name: l.certificate.name, code: l.code, appliedId: appliedId(l.id, p.year) })),
  }));
}
