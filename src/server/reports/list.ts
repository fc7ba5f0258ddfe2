// 周报 lists: the principal's own reports and the departments' review list, one row shape.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import type { ExportColumn } from "@/server/excel/export";
import { reportsWhere } from "./scope";
import { CADENCE_LABELS, REPORT_STATUS_LABELS, periodLabel } from "@/domain/reports/period";

const filter = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, "年度为 4 位数字")
    .optional(),
  school: z.string().trim().max(60).optional(),
});
type Filter = z.infer<typeof filter>;
const include = { school: { select: { code: true, name: true } } } satisfies Prisma.WeeklyReportInclude;
export type ReportRow = Prisma.WeeklyReportGetPayload<{ include: typeof include }>;

const statusTabs = (withDraft: boolean) => [
  ...(withDraft ? [{ value: "DRAFT", label: "未提交", where: { status: "DRAFT" as const } }] : []),
  { value: "PENDING", label: "待审核", where: { status: "PENDING" as const } },
  { value: "APPROVED", label: "审核通过", where: { status: "APPROVED" as const } },
  { value: "RETURNED", label: "审核退回", where: { status: "RETURNED" as const } },
];

const columns: ExportColumn<ReportRow>[] = [
  { header: "周期", width: 30, value: (r) => periodLabel(r.cadence, r.periodStart, r.periodEnd) },
  { header: "类型", value: (r) => CADENCE_LABELS[r.cadence] },
  { header: "提交时间", width: 20, value: (r) => r.submittedAt },
  { header: "审核状态", value: (r) => REPORT_STATUS_LABELS[r.status] },
  { header: "退回原因", width: 30, value: (r) => (r.status === "RETURNED" ? r.returnReason : "") },
];

function def(
  name: string,
  title: string,
  permissions: ListDef<Filter, ReportRow>["permissions"],
  withDraft: boolean,
  extra: ExportColumn<ReportRow>[],
): ListDef<Filter, ReportRow, Prisma.WeeklyReportWhereInput> {
  return {
    name,
    title,
    permissions,
    filter,
    where: (_db, scope, f) =>
      and<Prisma.WeeklyReportWhereInput>(
        reportsWhere(scope),
        f.year ? { periodStart: { startsWith: f.year } } : null,
        f.school ? { school: { name: { contains: f.school } } } : null,
      ),
    tabs: statusTabs(withDraft),
    count: (db, w) => db.weeklyReport.count({ where: w }),
    rows: (db, w, p) =>
      db.weeklyReport.findMany({
        where: and(w, afterIdWhere(p.afterId)),
        include,
        orderBy: p.byId ? { id: "asc" } : [{ periodStart: "desc" }, { id: "asc" }],
        skip: p.skip,
        take: p.take,
      }),
    columns: [...extra, ...columns],
  };
}

export const weeklyReportList = def("weeklyReports", "周报", ["school.reports"], true, []);
export const weeklyReportReviewList = def("weeklyReportReviews", "周报审核", ["edu.reports", "admin.schools"], false, [
  { header: "院校代码", value: (r) => r.school.code },
  { header: "院校名称", width: 30, value: (r) => r.school.name },
]);
