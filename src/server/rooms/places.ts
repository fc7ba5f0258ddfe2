// Where a school may set rooms for a plan (002 §5.2.5 设置考场): the plan must include the school; the site is one
// of its own approved, enabled sites, or a site the org allocated to it for this plan; the certificate level is
// one the plan examines and the site holds (for an allocation: the allocated level).
import type { Db, Tx } from "@/server/db";
import type { SchoolScope } from "@/server/tenancy";

export type Place = { siteId: string; siteCode: string; siteName: string; regionCode: string; address: string; allocated: boolean; levelIds: string[] };

export async function placesFor(db: Db | Tx, scope: SchoolScope, planId: string): Promise<Place[]> {
  const plan = await db.examPlan.findFirst({
    where: { id: planId, schools: { some: { schoolId: scope.schoolId } } },
    select: { levels: { select: { certificateLevelId: true } } },
  });
  if (!plan) return [];
  const inScope = (id: string) => !scope.certificateLevelIds || scope.certificateLevelIds.includes(id);
  const planLevels = new Set(plan.levels.map((l) => l.certificateLevelId).filter(inScope));
  const usable = { reviewStatus: "APPROVED" as const, status: "ENABLED" as const };
  const [own, lent] = await Promise.all([
    db.assessmentSite.findMany({ where: { schoolId: scope.schoolId, ...usable }, include: { levels: true }, orderBy: { code: "asc" } }),
    db.siteAllocation.findMany({ where: { planId, schoolId: scope.schoolId, site: usable }, include: { site: true }, orderBy: { site: { code: "asc" } } }),
  ]);
  const places: Place[] = own.map((s) => ({
    siteId: s.id,
    siteCode: s.code,
    siteName: s.name,
    regionCode: s.regionCode,
    address: s.address,
    allocated: false,
    levelIds: s.levels.map((l) => l.certificateLevelId).filter((id) => planLevels.has(id)),
  }));
  for (const a of lent) {
    if (!planLevels.has(a.certificateLevelId)) continue;
    const p = places.find((x) => x.siteId === a.siteId);
    if (p) p.levelIds.push(a.certificateLevelId);
    else
      places.push({
        siteId: a.siteId,
        siteCode: a.site.code,
        siteName: a.site.name,
        regionCode: a.site.regionCode,
        address: a.site.address,
        allocated: true,
        levelIds: [a.certificateLevelId],
      });
  }
  return places.filter((p) => p.levelIds.length > 0);
}
