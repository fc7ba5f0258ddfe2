// 证书试点申报 lists: the school's own (按证书导出申报明细表) and the departments' review queue, one row shape.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import type { ExportColumn } from "@/server/excel/export";
import { applicationsWhere } from "./scope";
import { applicationStatusText as statusText } from "@/domain/pilots/application";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";

const text = z.string().trim().max(60).optional();
const filter = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, "年度为 4 位数字")
    .optional(),
  batch: text,
  certificate: text,
  org: text,
  school: text,
  planId: z.uuid().optional(),
});
type Filter = z.infer<typeof filter>;

const include = {
  school: { select: { code: true, name: true } },
  certificateLevel: { select: { level: true, code: true, certificate: { select: { code: true, name: true, org: { select: { name: true } } } } } },
  plan: { select: { cityReviewFirst: true, byMajor: true, startsAt: true, endsAt: true } },
} satisfies Prisma.PilotApplicationInclude;
export type ApplicationRow = Prisma.PilotApplicationGetPayload<{ include: typeof include }>;

function where(u: Parameters<typeof applicationsWhere>[0], f: Filter): Prisma.PilotApplicationWhereInput {
  return and<Prisma.PilotApplicationWhereInput>(
    applicationsWhere(u),
    f.year ? { year: Number(f.year) } : null,
    f.batch ? { batch: { contains: f.batch } } : null,
    f.certificate ? { certificateLevel: { certificate: { name: { contains: f.certificate } } } } : null,
    f.org ? { certificateLevel: { certificate: { org: { name: { contains: f.org } } } } } : null,
    f.school ? { school: { name: { contains: f.school } } } : null,
    f.planId ? { planId: f.planId } : null,
  );
}

const rows: ListDef<Filter, ApplicationRow, Prisma.PilotApplicationWhereInput>["rows"] = (db, w, p) =>
  db.pilotApplication.findMany({
    where: and(w, afterIdWhere(p.afterId)),
    include,
    orderBy: p.byId ? { id: "asc" } : [{ year: "desc" }, { submittedAt: { sort: "desc", nulls: "first" } }, { id: "asc" }],
    skip: p.skip,
    take: p.take,
  });

// 004's 按证书导出申报明细表 headers.
const certificateColumns: ExportColumn<ApplicationRow>[] = [
  { header: "申报年度", value: (r) => r.year },
  { header: "申报批次", value: (r) => r.batch },
  { header: "证书编号", value: (r) => r.certificateLevel.code },
  { header: "证书名称", width: 36, value: (r) => r.certificateLevel.certificate.name },
  { header: "证书等级", value: (r) => LEVEL_LABELS[r.certificateLevel.level] },
  { header: "颁证机构", width: 30, value: (r) => r.certificateLevel.certificate.org.name },
  { header: "申请总培训人数", value: (r) => r.requestedTotal },
  { header: "批准总培训人数", value: (r) => r.approvedTotal ?? "" },
  { header: "申报状态", value: (r) => statusText(r) },
];

export { applicationStatusText as statusText } from "@/domain/pilots/application";

type Def = ListDef<Filter, ApplicationRow, Prisma.PilotApplicationWhereInput>;
const approvedTabs: Def["tabs"] = [
  { value: "APPROVED", label: "审核通过", where: { status: "APPROVED" } },
  { value: "RETURNED", label: "审核退回", where: { status: "RETURNED" } },
];

/** The school's list and the departments' queue differ only in who reads, the tabs and the school columns. */
function applicationList(name: string, title: string, permissions: Def["permissions"], tabs: NonNullable<Def["tabs"]>, columns: Def["columns"]): Def {
  return {
    name,
    title,
    permissions,
    filter,
    where: (_db, scope, f) => where(scope, f),
    tabs,
    count: (db, w) => db.pilotApplication.count({ where: w }),
    rows,
    columns,
  };
}

export const pilotApplicationList = applicationList(
  "pilotApplications",
  "证书试点申报明细表",
  ["school.applications"],
  [{ value: "DRAFT", label: "未提交", where: { status: "DRAFT" } }, { value: "IN_REVIEW", label: "审核中", where: { status: "IN_REVIEW" } }, ...approvedTabs!],
  certificateColumns,
);

export const applicationReviewList = applicationList(
  "applicationReviews",
  "证书试点申报审核",
  ["edu.applications", "admin.schools"],
  [
    { value: "CITY", label: "待初审", where: { status: "IN_REVIEW", reviewStage: "CITY" } },
    { value: "PROVINCE", label: "待省级审核", where: { status: "IN_REVIEW", reviewStage: "PROVINCE" } },
    ...approvedTabs!,
  ],
  [{ header: "院校代码", value: (r) => r.school.code }, { header: "院校名称", width: 30, value: (r) => r.school.name }, ...certificateColumns],
);
