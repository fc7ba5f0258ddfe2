// 申报计划 on the list engine: a province its own plans, its cities and the schools of the province theirs;
// a department also sees each plan's 申报统计 within its own region.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { applicationsWhere } from "@/server/applications/scope";
import { PLAN_STATUS_LABELS, planStatus } from "@/domain/pilots/plan";
import { visiblePlansWhere } from "./manage-plans";

const filter = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, "年度为 4 位数字")
    .optional(),
});
const include = {
  department: { select: { name: true } },
  certificates: { include: { certificate: { select: { id: true, name: true } } } },
  _count: { select: { applications: true } },
} satisfies Prisma.ApplicationPlanInclude;

export type PlanStats = { submitted: number; inReview: number; approved: number; returned: number; requested: number; approvedTrainees: number };
export type PlanRow = {
  id: string;
  year: number;
  batch: string;
  startsAt: Date;
  endsAt: Date;
  byMajor: boolean;
  cityReviewFirst: boolean;
  scope: "ALL" | "PARTIAL";
  department: string;
  certificates: { id: string; name: string }[];
  applications: number;
  status: keyof typeof PLAN_STATUS_LABELS;
  stats: PlanStats | null;
};

export const planList: ListDef<z.infer<typeof filter>, PlanRow, Prisma.ApplicationPlanWhereInput> = {
  name: "plans",
  title: "申报计划",
  permissions: ["school.plans", "edu.plans"],
  filter,
  where: async (db, scope, f) => and<Prisma.ApplicationPlanWhereInput>(await visiblePlansWhere(db, scope), f.year ? { year: Number(f.year) } : null),
  count: (db, where) => db.applicationPlan.count({ where }),
  rows: async (db, where, p, { scope, now }) => {
    const rows = await db.applicationPlan.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include,
      orderBy: p.byId ? { id: "asc" } : [{ year: "desc" }, { startsAt: "desc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    // 申报统计 per plan, within the reader's own scope (a city counts its city's schools only).
    const stats =
      scope.kind === "department"
        ? await db.pilotApplication.groupBy({
            by: ["planId", "status"],
            where: { AND: [applicationsWhere(scope), { planId: { in: rows.map((r) => r.id) } }] },
            _count: { _all: true },
            _sum: { requestedTotal: true, approvedTotal: true },
          })
        : [];
    const statsOf = (planId: string): PlanStats => {
      const g = stats.filter((x) => x.planId === planId);
      const n = (st: string) => g.filter((x) => x.status === st).reduce((a, x) => a + x._count._all, 0);
      return {
        submitted: g.reduce((a, x) => a + x._count._all, 0),
        inReview: n("IN_REVIEW"),
        approved: n("APPROVED"),
        returned: n("RETURNED"),
        requested: g.reduce((a, x) => a + (x._sum.requestedTotal ?? 0), 0),
        approvedTrainees: g.reduce((a, x) => a + (x._sum.approvedTotal ?? 0), 0),
      };
    };
    return rows.map((r) => ({
      id: r.id,
      year: r.year,
      batch: r.batch,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      byMajor: r.byMajor,
      cityReviewFirst: r.cityReviewFirst,
      scope: r.scope,
      department: r.department.name,
      certificates: r.certificates.map((c) => c.certificate),
      applications: r._count.applications,
      status: planStatus(r, now),
      stats: scope.kind === "department" ? statsOf(r.id) : null,
    }));
  },
  columns: [
    { header: "申报年度", value: (r) => r.year },
    { header: "申报批次", value: (r) => r.batch },
    { header: "开始时间", width: 20, value: (r) => r.startsAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) },
    { header: "结束时间", width: 20, value: (r) => r.endsAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) },
    { header: "是否要求按专业填报", value: (r) => (r.byMajor ? "是" : "否") },
    { header: "是否要求地市级教育局审批", value: (r) => (r.cityReviewFirst ? "是" : "否") },
    { header: "开放证书范围", width: 40, value: (r) => (r.scope === "ALL" ? "全部证书" : r.certificates.map((c) => c.name).join("、")) },
    { header: "状态", value: (r) => PLAN_STATUS_LABELS[r.status] },
  ],
};
