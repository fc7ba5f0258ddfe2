// 考核站点申报 (school) and 考核站点审核 (org) on the list engine; 考核站点分配查询 for both.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { SITE_REVIEW_LABELS, SITE_STATUS_LABELS, type SiteReviewStatus } from "@/domain/sites/rules";
import { allocationsWhere, sitesWhere } from "./scope";

const text = z.string().trim().max(60).optional();
const siteFilter = z.strictObject({ code: text, name: text, org: text, school: text, status: z.enum(["INACTIVE", "ENABLED", "DISABLED"]).optional() });
const include = {
  school: { select: { name: true } },
  org: { select: { name: true } },
  levels: { select: { certificateLevel: { select: { code: true, level: true, certificate: { select: { name: true } } } } } },
} satisfies Prisma.AssessmentSiteInclude;
type Raw = Prisma.AssessmentSiteGetPayload<{ include: typeof include }>;
export type SiteRow = Omit<Raw, "levels"> & { certificates: string[] };
const certificatesOf = (r: Raw) =>
  r.levels
    .map((l) => l.certificateLevel)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((l) => `${l.certificate.name}（${LEVEL_LABELS[l.level]}）`);

export const siteList: ListDef<z.infer<typeof siteFilter>, SiteRow, Prisma.AssessmentSiteWhereInput> = {
  name: "sites",
  title: "考核站点",
  permissions: ["school.sites", "org.sites"],
  filter: siteFilter,
  where: (_db, scope, f) =>
    and<Prisma.AssessmentSiteWhereInput>(
      sitesWhere(scope),
      f.code ? { code: { startsWith: f.code } } : null,
      f.name ? { name: { contains: f.name } } : null,
      f.org ? { org: { name: { contains: f.org } } } : null,
      f.school ? { school: { name: { contains: f.school } } } : null,
      f.status ? { status: f.status } : null,
    ),
  tabs: (Object.keys(SITE_REVIEW_LABELS) as SiteReviewStatus[]).map((s) => ({ value: s, label: SITE_REVIEW_LABELS[s], where: { reviewStatus: s } })),
  count: (db, where) => db.assessmentSite.count({ where }),
  rows: async (db, where, p) => {
    const rows = await db.assessmentSite.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include,
      orderBy: p.byId ? { id: "asc" } : [{ createdAt: "desc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    return rows.map((r) => {
      const { levels: _levels, ...rest } = r;
      return { ...rest, certificates: certificatesOf(r) };
    });
  },
  columns: [
    { header: "考核站点编号", width: 14, value: (r) => r.code },
    { header: "考核站点名称", width: 48, value: (r) => r.name },
    { header: "申报院校", width: 28, value: (r) => r.school.name },
    { header: "申报对象", width: 28, value: (r) => r.org.name },
    { header: "考核证书", width: 48, value: (r) => r.certificates.join("\n") },
    { header: "联系人", value: (r) => r.contactName },
    { header: "联系人手机", width: 14, value: (r) => r.contactPhone },
    { header: "详细地址", width: 36, value: (r) => r.address },
    { header: "审核状态", value: (r) => SITE_REVIEW_LABELS[r.reviewStatus] },
    { header: "考核站点状态", value: (r) => SITE_STATUS_LABELS[r.status] },
  ],
};

const allocationFilter = z.strictObject({ plan: text, site: text, school: text });
const allocationInclude = {
  plan: { select: { code: true, name: true } },
  site: { select: { code: true, name: true, school: { select: { name: true } }, org: { select: { name: true } } } },
  school: { select: { name: true } },
  certificateLevel: { select: { level: true, certificate: { select: { name: true } } } },
} satisfies Prisma.SiteAllocationInclude;
export type AllocationRow = Prisma.SiteAllocationGetPayload<{ include: typeof allocationInclude }>;

export const allocationList: ListDef<z.infer<typeof allocationFilter>, AllocationRow, Prisma.SiteAllocationWhereInput> = {
  name: "siteAllocations",
  title: "考核站点分配",
  permissions: ["school.sites", "org.sites"],
  filter: allocationFilter,
  where: (_db, scope, f) =>
    and<Prisma.SiteAllocationWhereInput>(
      allocationsWhere(scope),
      f.plan ? { plan: { name: { contains: f.plan } } } : null,
      f.site ? { site: { name: { contains: f.site } } } : null,
      f.school ? { school: { name: { contains: f.school } } } : null,
    ),
  count: (db, where) => db.siteAllocation.count({ where }),
  rows: (db, where, p) =>
    db.siteAllocation.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include: allocationInclude,
      orderBy: p.byId ? { id: "asc" } : [{ createdAt: "desc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    }),
  columns: [
    { header: "考试计划", width: 36, value: (r) => r.plan.name },
    { header: "考核站点编号", width: 14, value: (r) => r.site.code },
    { header: "考核站点", width: 48, value: (r) => r.site.name },
    { header: "所属机构", width: 28, value: (r) => r.site.org.name },
    { header: "考核单位", width: 28, value: (r) => r.site.school.name },
    { header: "考试证书", width: 36, value: (r) => `${r.certificateLevel.certificate.name}（${LEVEL_LABELS[r.certificateLevel.level]}）` },
    { header: "借考院校", width: 28, value: (r) => r.school.name },
  ],
};
