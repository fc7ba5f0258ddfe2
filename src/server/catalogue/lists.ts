// The catalogue's lists (certificates, evaluation organizations, standards, schools), each scoped by role.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { schoolsInRegion, type Scope } from "@/server/tenancy";
import { forbidden } from "@/server/errors";
import { appliedCertificatesWhere, pilotCertificatesWhere, pilotLevelsWhere } from "./pilots";
import { levelTitle } from "@/domain/catalogue/codes";
import { schoolAttribute, ORG_STATUS_LABELS, RECORD_STATUS_LABELS, SCHOOL_STATUS_LABELS, SCHOOL_TYPE_LABELS } from "@/domain/catalogue/labels";

const text = z.string().trim().max(60).optional();

// ── certificates (证书信息管理): one row per certificate level, with its own 证书编号, as 004 lists them ──
const certificateInclude = {
  certificate: { select: { id: true, code: true, name: true, batch: true, category: true, status: true, orgId: true, org: { select: { name: true } } } },
} satisfies Prisma.CertificateLevelInclude;
type CertificateRow = Prisma.CertificateLevelGetPayload<{ include: typeof certificateInclude }>;

export const certificateList: ListDef<
  { scope?: "pilot" | "all"; code?: string; name?: string; orgName?: string },
  CertificateRow,
  Prisma.CertificateLevelWhereInput
> = {
  name: "certificates",
  title: "证书信息",
  permissions: ["school.certificates", "org.certificates", "edu.certificates", "admin.certificates"],
  filter: z.strictObject({ scope: z.enum(["pilot", "all"]).optional(), code: text, name: text, orgName: text }),
  where: (_db, s, f) => {
    // 已参与试点证书: the levels the school pilots (within a sub-account's certificate scope); 本机构证书 for an org.
    const scoped: Prisma.CertificateLevelWhereInput =
      f.scope === "all" ? {} : s.kind === "school" ? pilotLevelsWhere(s) : s.kind === "org" ? { certificate: { orgId: s.orgId } } : {};
    return and<Prisma.CertificateLevelWhereInput>(
      scoped,
      f.code ? { code: { startsWith: f.code } } : null,
      f.name ? { certificate: { name: { contains: f.name } } } : null,
      f.orgName ? { certificate: { org: { name: { contains: f.orgName } } } } : null,
    );
  },
  tabs: [
    { value: "ENABLED", label: "已启用", where: { certificate: { status: "ENABLED" } } },
    { value: "DISABLED", label: "已停用", where: { certificate: { status: "DISABLED" } } },
  ],
  count: (db, where) => db.certificateLevel.count({ where }),
  rows: (db, where, p) =>
    db.certificateLevel.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include: certificateInclude,
      orderBy: p.byId ? { id: "asc" } : [{ code: "asc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    }),
  columns: [
    { header: "所属批次", value: (r) => r.certificate.batch },
    { header: "证书编号", value: (r) => r.code },
    { header: "证书名称", width: 44, value: (r) => levelTitle(r.certificate.name, r.level) },
    { header: "颁证机构", width: 30, value: (r) => r.certificate.org.name },
    { header: "所属专业大类", width: 20, value: (r) => r.certificate.category },
    { header: "证书状态", value: (r) => RECORD_STATUS_LABELS[r.certificate.status] },
  ],
};

// ── evaluation organizations (培训评价组织) ──
type OrgRow = Prisma.EvaluationOrgGetPayload<{ include: { _count: { select: { certificates: true } } } }> & { pilotedCount: number };

export const orgList: ListDef<{ code?: string; name?: string }, OrgRow, Prisma.EvaluationOrgWhereInput> = {
  name: "orgs",
  title: "培训评价组织信息",
  permissions: ["school.orgs", "edu.orgs", "admin.orgs"],
  filter: z.strictObject({ code: text, name: text }),
  where: (_db, s, f) =>
    and<Prisma.EvaluationOrgWhereInput>(
      // A school sees the organizations of the certificates it pilots.
      s.kind === "school"
        ? { certificates: { some: pilotCertificatesWhere(s) } }
        : s.kind === "department" || s.kind === "admin"
          ? {}
          : (() => {
              throw forbidden();
            })(),
      f.code ? { code: { startsWith: f.code } } : null,
      f.name ? { name: { contains: f.name } } : null,
    ),
  tabs: [
    { value: "REGISTERED", label: "已启用", where: { status: "REGISTERED" } },
    { value: "DISABLED", label: "已停用", where: { status: "DISABLED" } },
  ],
  count: (db, where) => db.evaluationOrg.count({ where }),
  rows: async (db, where, p) => {
    const rows = await db.evaluationOrg.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include: { _count: { select: { certificates: true } } },
      orderBy: p.byId ? { id: "asc" } : [{ code: "asc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    // 已试点证书数量: certificates of the org with at least one approved pilot anywhere.
    const piloted = await db.certificate.groupBy({
      by: ["orgId"],
      where: { orgId: { in: rows.map((r) => r.id) }, levels: { some: { pilotApplications: { some: { status: "APPROVED" } } } } },
      _count: { _all: true },
    });
    const byOrg = new Map(piloted.map((g) => [g.orgId, g._count._all]));
    return rows.map((r) => ({ ...r, pilotedCount: byOrg.get(r.id) ?? 0 }));
  },
  columns: [
    { header: "机构代码", value: (r) => r.code },
    { header: "机构名称", width: 36, value: (r) => r.name },
    { header: "已试点证书数量", value: (r) => r.pilotedCount },
    { header: "机构状态", value: (r) => ORG_STATUS_LABELS[r.status] },
  ],
};

// ── standards (职业技能等级标准 / 考核站点建设标准) ──
const standardFilter = z.strictObject({ code: text, name: text, version: text });
type StandardRow = {
  id: string;
  code: string;
  name: string;
  version: string;
  status: "ENABLED" | "DISABLED";
  orgId: string;
  attachmentFileId: string | null;
  org: { name: string };
  certificates: { name: string }[];
};

function standardWhere(s: Scope, f: z.infer<typeof standardFilter>) {
  // Schools see the standards of every certificate they have applied for (002 §3 "所有申请过证书试点的"), not only
  // those approved; orgs, departments and admins see all.
  const scoped = s.kind === "school" ? { certificates: { some: appliedCertificatesWhere(s) } } : {};
  return and<Prisma.SkillStandardWhereInput & Prisma.SiteStandardWhereInput>(
    scoped,
    f.code ? { code: { startsWith: f.code } } : null,
    f.name ? { name: { contains: f.name } } : null,
    f.version ? { version: f.version } : null,
  );
}

const standardColumns: ListDef<unknown, StandardRow>["columns"] = [
  { header: "标准代码", value: (r) => r.code },
  { header: "标准名称", width: 36, value: (r) => r.name },
  { header: "标准版本", value: (r) => r.version },
  { header: "发布单位", width: 30, value: (r) => r.org.name },
  { header: "对应证书", width: 40, value: (r) => r.certificates.map((c) => c.name).join("；") },
  { header: "标准状态", value: (r) => RECORD_STATUS_LABELS[r.status] },
];
const standardTabs = [
  { value: "ENABLED", label: "已启用", where: { status: "ENABLED" as const } },
  { value: "DISABLED", label: "已停用", where: { status: "DISABLED" as const } },
];
const standardInclude = { org: { select: { name: true } }, certificates: { select: { name: true }, orderBy: { code: "asc" as const } } };

/** Both standards tables have the same shape; one definition serves each. */
function standardList(
  name: "skillStandards" | "siteStandards",
  title: string,
  table: (db: Db) => Db["skillStandard"],
): ListDef<z.infer<typeof standardFilter>, StandardRow, Prisma.SkillStandardWhereInput> {
  return {
    name,
    title,
    permissions: ["school.standards", "org.standards", "admin.standards"],
    filter: standardFilter,
    where: (_db, s, f) => standardWhere(s, f),
    tabs: standardTabs,
    count: (db, where) => table(db).count({ where }),
    rows: (db, where, p) =>
      table(db).findMany({
        where: and(where, afterIdWhere(p.afterId)),
        include: standardInclude,
        orderBy: p.byId ? { id: "asc" } : [{ code: "asc" }, { id: "asc" }],
        skip: p.skip,
        take: p.take,
      }),
    columns: standardColumns,
  };
}

export const skillStandardList = standardList("skillStandards", "职业技能等级标准", (db) => db.skillStandard);
export const siteStandardList = standardList("siteStandards", "考核站点建设标准", (db) => db.siteStandard as unknown as Db["skillStandard"]);

// ── schools (试点院校管理) ──
type SchoolRow = Prisma.SchoolGetPayload<{ include: { region: { select: { name: true } } } }>;

export const schoolList: ListDef<
  { code?: string; name?: string; type?: "UNDERGRADUATE" | "HIGHER_VOCATIONAL" | "SECONDARY_VOCATIONAL" | "OTHER"; pilot?: "yes" | "no" },
  SchoolRow,
  Prisma.SchoolWhereInput
> = {
  name: "schools",
  title: "试点院校信息",
  permissions: ["school.schools", "edu.schools", "admin.schools"],
  filter: z.strictObject({
    code: text,
    name: text,
    type: z.enum(["UNDERGRADUATE", "HIGHER_VOCATIONAL", "SECONDARY_VOCATIONAL", "OTHER"]).optional(),
    pilot: z.enum(["yes", "no"]).optional(),
  }),
  where: (_db, s, f) =>
    and<Prisma.SchoolWhereInput>(
      s.kind === "school"
        ? { id: s.schoolId }
        : s.kind === "department"
          ? schoolsInRegion(s)
          : s.kind === "admin"
            ? {}
            : (() => {
                throw forbidden();
              })(),
      f.code ? { code: { startsWith: f.code } } : null,
      f.name ? { name: { contains: f.name } } : null,
      f.type ? { type: f.type } : null,
      f.pilot ? { isPilot: f.pilot === "yes" } : null,
    ),
  tabs: [
    { value: "ENABLED", label: "已启用", where: { status: { not: "DISABLED" } } },
    { value: "DISABLED", label: "已停用", where: { status: "DISABLED" } },
  ],
  count: (db, where) => db.school.count({ where }),
  rows: (db, where, p) =>
    db.school.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include: { region: { select: { name: true } } },
      orderBy: p.byId ? { id: "asc" } : [{ code: "asc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    }),
  columns: [
    { header: "院校代码", value: (r) => r.code },
    { header: "院校名称", width: 30, value: (r) => r.name },
    { header: "院校属性", value: (r) => schoolAttribute(r) },
    // 004's export: 序号 院校代码 院校名称 院校属性 院校类型 院校状态.
    { header: "院校类型", value: (r) => SCHOOL_TYPE_LABELS[r.type] },
    { header: "院校状态", value: (r) => SCHOOL_STATUS_LABELS[r.status] },
  ],
};
