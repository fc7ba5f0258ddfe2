// Scoped detail reads of the catalogue. Another tenant's id is simply not found.
import type { PublicCtx, ReadCtx } from "@/server/use-case";
import { notFound } from "@/server/errors";
import { maskPhone } from "@/domain/auth/mask";
import { orgList, schoolList, siteStandardList, skillStandardList } from "./lists";
import { pilotLevelsWhere } from "./pilots";

/** Certificate information is public catalogue data (the home page lists it too). */
export async function certificateDetail({ ctx: { db }, input: { id } }: { ctx: PublicCtx; input: { id: string } }) {
  const c = await db.certificate.findUnique({
    where: { id },
    include: {
      org: { select: { id: true, name: true } },
      skillStandard: { select: { name: true, attachmentFileId: true } },
      siteStandard: { select: { name: true, attachmentFileId: true } },
      levels: { orderBy: { level: "asc" }, include: { subjects: { orderBy: { code: "asc" } } } },
      majors: { include: { major: true }, orderBy: { major: { code: "asc" } } },
    },
  });
  if (!c) throw notFound();
  return { ...c, credits: c.credits?.toString() ?? null };
}

export async function orgDetail({ ctx: { db, scope, clock }, input: { id } }: { ctx: ReadCtx; input: { id: string } }) {
  const where = await orgList.where(db, scope, {}, clock.now());
  const school = scope.kind === "school" ? scope : null;
  const org = await db.evaluationOrg.findFirst({ where: { AND: [where, { id }] } });
  if (!org) throw notFound();
  // 已试点的证书信息: for a school, its own pilots of this org's certificates; for others, all pilots.
  const pilots = await db.pilotApplication.groupBy({
    by: ["certificateLevelId", "year"],
    where: {
      status: "APPROVED",
      certificateLevel: { certificate: { orgId: id }, ...(school ? pilotLevelsWhere(school) : {}) },
      ...(school ? { schoolId: school.schoolId } : {}),
    },
    _count: { _all: true },
    _sum: { approvedTotal: true },
    orderBy: [{ year: "desc" }],
  });
  const levels = await db.certificateLevel.findMany({
    where: { id: { in: pilots.map((p) => p.certificateLevelId) } },
    include: { certificate: { select: { name: true } } },
  });
  const byId = new Map(levels.map((l) => [l.id, l]));
  return {
    ...org,
    contactPhone: maskPhone(org.contactPhone),
    pilots: pilots.map((p) => ({
      year: p.year,
      code: byId.get(p.certificateLevelId)!.code,
      name: byId.get(p.certificateLevelId)!.certificate.name,
      level: byId.get(p.certificateLevelId)!.level,
      schools: p._count._all,
      approvedTotal: p._sum.approvedTotal ?? 0,
    })),
  };
}

export async function schoolDetail({ ctx: { db, scope, clock }, input: { id } }: { ctx: ReadCtx; input: { id: string } }) {
  const where = await schoolList.where(db, scope, {}, clock.now());
  const s = await db.school.findFirst({
    where: { AND: [where, { id }] },
    include: {
      region: { include: { parent: { include: { parent: true } } } },
      supervisingDepartment: { select: { name: true } },
      users: { where: { role: "SCHOOL_PRINCIPAL" }, select: { account: true, name: true, phone: true } },
      pilotApplications: {
        where: { status: "APPROVED", ...(scope.kind === "school" ? { certificateLevel: pilotLevelsWhere(scope) } : {}) },
        include: { certificateLevel: { include: { certificate: { select: { code: true, name: true, org: { select: { name: true } } } } } } },
        orderBy: [{ year: "desc" }],
      },
    },
  });
  if (!s) throw notFound();
  // 证书负责人信息 (004): the sub-accounts that answer for some certificate levels, with those levels.
  const owners = await db.user.findMany({
    where: { schoolId: s.id, certificateScopes: { some: {} } },
    select: {
      name: true,
      phone: true,
      email: true,
      certificateScopes: { select: { certificateLevel: { select: { code: true, level: true, certificate: { select: { name: true } } } } } },
    },
    orderBy: { createdAt: "asc" },
  });
  const regionPath = [s.region.parent?.parent?.name, s.region.parent?.name, s.region.name].filter(Boolean).join(" / ");
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    uscc: s.uscc,
    type: s.type,
    attribute: s.attribute,
    status: s.status,
    isPilot: s.isPilot,
    regionCode: s.regionCode,
    regionPath,
    address: s.address,
    website: s.website,
    intro: s.intro,
    logoFileId: s.logoFileId,
    supervisingDepartment: s.supervisingDepartment?.name ?? null,
    contactName: s.contactName,
    contactPhone: maskPhone(s.contactPhone),
    contactEmail: s.contactEmail,
    principal: s.users[0] ? { account: s.users[0].account, name: s.users[0].name, phone: maskPhone(s.users[0].phone) } : null,
    hasSignature: !!s.signatureFileId,
    owners: owners.map((o) => ({
      name: o.name,
      phone: maskPhone(o.phone),
      email: o.email,
      levels: o.certificateScopes.map((c) => ({ code: c.certificateLevel.code, name: c.certificateLevel.certificate.name, level: c.certificateLevel.level })),
    })),
    pilots: s.pilotApplications.map((p) => ({
      year: p.year,
      code: p.certificateLevel.code,
      name: p.certificateLevel.certificate.name,
      level: p.certificateLevel.level,
      org: p.certificateLevel.certificate.org.name,
      approvedTotal: p.approvedTotal,
    })),
  };
}

export async function standardDetail({ ctx: { db, scope, clock }, input: { kind, id } }: { ctx: ReadCtx; input: { kind: "skill" | "site"; id: string } }) {
  const where = await (kind === "skill" ? skillStandardList : siteStandardList).where(db, scope, {}, clock.now());
  const include = {
    org: { select: { name: true } },
    certificates: {
      select: { code: true, name: true, category: true, levels: { select: { level: true }, orderBy: { level: "asc" as const } } },
      orderBy: { code: "asc" as const },
    },
  };
  const s =
    kind === "skill"
      ? await db.skillStandard.findFirst({ where: { AND: [where as object, { id }] }, include })
      : await db.siteStandard.findFirst({ where: { AND: [where as object, { id }] }, include });
  if (!s) throw notFound();
  const file = s.attachmentFileId ? await db.storedFile.findUnique({ where: { id: s.attachmentFileId }, select: { id: true, filename: true } }) : null;
  // 职业教育专业大类: those of the certificates the standard belongs to.
  return { ...s, attachment: file, categories: [...new Set(s.certificates.map((c) => c.category))] };
}
