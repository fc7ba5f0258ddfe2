// Scoped reads behind the 考核站点 pages: one site's detail with its review record, the school's form options,
// and the org's allocation choices.
import { notFound } from "@/server/errors";
import type { ReadCtx } from "@/server/use-case";
import type { OrgScope, SchoolScope } from "@/server/tenancy";
import { eventsView } from "@/server/reviews/events";
import { regionPath } from "@/server/catalogue/regions";
import { pilotLevelsWhere } from "@/server/catalogue/pilots";
import { sitesWhere } from "./scope";

export async function siteDetail({ ctx: { db, scope }, input: { id } }: { ctx: ReadCtx; input: { id: string } }) {
  const s = await db.assessmentSite.findFirst({
    where: { AND: [{ id }, sitesWhere(scope)] },
    include: {
      school: { select: { name: true, code: true } },
      org: { select: { id: true, name: true } },
      levels: { include: { certificateLevel: { select: { id: true, code: true, level: true, certificate: { select: { name: true } } } } } },
      events: { orderBy: { at: "asc" } },
      evidenceFile: { select: { id: true, filename: true } },
    },
  });
  if (!s) throw notFound("考核站点不存在");
  const { events, evidenceFile, levels, ...rest } = s;
  return {
    ...rest,
    regionPath: await regionPath(db, s.regionCode),
    evidence: evidenceFile,
    levels: levels
      .map((l) => ({
        id: l.certificateLevel.id,
        code: l.certificateLevel.code,
        level: l.certificateLevel.level,
        certificateName: l.certificateLevel.certificate.name,
      }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    events: eventsView(events),
  };
}

/** 申报对象 and their certificate levels this account's school pilots, each marked when a site already holds it. */
export async function siteFormOptions({ ctx: { db, scope } }: { ctx: ReadCtx<SchoolScope> }) {
  const levels = await db.certificateLevel.findMany({
    where: { AND: [pilotLevelsWhere(scope), { certificate: { status: "ENABLED" } }] },
    select: {
      id: true,
      code: true,
      level: true,
      certificate: { select: { name: true, org: { select: { id: true, name: true } } } },
      siteLevels: { where: { schoolId: scope.schoolId }, select: { siteId: true } },
    },
    orderBy: { code: "asc" },
  });
  const orgs = new Map<
    string,
    {
      id: string;
      name: string;
      levels: { id: string; code: string; level: (typeof levels)[number]["level"]; certificateName: string; siteId: string | null }[];
    }
  >();
  for (const l of levels) {
    const o = l.certificate.org;
    if (!orgs.has(o.id)) orgs.set(o.id, { id: o.id, name: o.name, levels: [] });
    orgs.get(o.id)!.levels.push({ id: l.id, code: l.code, level: l.level, certificateName: l.certificate.name, siteId: l.siteLevels[0]?.siteId ?? null });
  }
  const school = await db.school.findUniqueOrThrow({ where: { id: scope.schoolId }, select: { name: true } });
  return { schoolName: school.name, orgs: [...orgs.values()] };
}

/** The org's allocation form: its plans (with their levels and schools) and its usable sites. */
export async function allocationOptions({ ctx: { db, scope } }: { ctx: ReadCtx<OrgScope> }) {
  const [plans, sites] = await Promise.all([
    db.examPlan.findMany({
      where: { orgId: scope.orgId },
      orderBy: [{ year: "desc" }, { registrationStartsAt: "desc" }],
      select: {
        id: true,
        code: true,
        name: true,
        schedulingStartsAt: true,
        schedulingEndsAt: true,
        levels: { select: { certificateLevelId: true } },
        schools: { select: { school: { select: { id: true, name: true } } }, orderBy: { school: { name: "asc" } } },
      },
    }),
    db.assessmentSite.findMany({
      where: { orgId: scope.orgId, reviewStatus: "APPROVED", status: "ENABLED" },
      orderBy: { code: "asc" },
      select: {
        id: true,
        code: true,
        name: true,
        schoolId: true,
        levels: { select: { certificateLevel: { select: { id: true, level: true, certificate: { select: { name: true } } } } } },
      },
    }),
  ]);
  return {
    plans: plans.map((p) => ({ ...p, levels: p.levels.map((l) => l.certificateLevelId), schools: p.schools.map((s) => s.school) })),
    sites: sites.map((s) => ({
      ...s,
      levels: s.levels.map((l) => ({ id: l.certificateLevel.id, level: l.certificateLevel.level, certificateName: l.certificateLevel.certificate.name })),
    })),
  };
}
