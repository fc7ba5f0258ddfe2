// 本期未提交院校 on the list engine: a department's pilot schools with no submitted report this period, with
// the state of each school's draft. The period follows the province's cadence and the injected clock.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { scopeFor } from "@/server/tenancy";
import { periodOf } from "@/domain/reports/period";
import { cadenceForRegion } from "./scope";
import { missingWhere } from "./review-reports";

const filter = z.strictObject({ school: z.string().trim().max(60).optional() });
export type MissingRow = { id: string; code: string; name: string; contactName: string | null; state: "DRAFT" | "RETURNED" | null };
const STATE = { DRAFT: "已保存未提交", RETURNED: "审核退回待重新提交" } as const;

export const missingReportList: ListDef<z.infer<typeof filter>, MissingRow, Prisma.SchoolWhereInput> = {
  name: "missingReports",
  title: "本期未提交周报院校",
  permissions: ["edu.reports"],
  filter,
  where: async (db, scope, f, now) => {
    const d = scopeFor(scope, "edu");
    const p = periodOf(await cadenceForRegion(db, d.provinceCode), now);
    return and<Prisma.SchoolWhereInput>(missingWhere(d, p.start), f.school ? { name: { contains: f.school } } : null);
  },
  count: (db, where) => db.school.count({ where }),
  rows: async (db, where, p, { scope, now }) => {
    const d = scopeFor(scope, "edu");
    const period = periodOf(await cadenceForRegion(db, d.provinceCode), now);
    const rows = await db.school.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      orderBy: p.byId ? { id: "asc" } : [{ code: "asc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
      select: { id: true, code: true, name: true, contactName: true, weeklyReports: { where: { periodStart: period.start }, select: { status: true } } },
    });
    return rows.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      contactName: s.contactName,
      state: (s.weeklyReports[0]?.status as MissingRow["state"]) ?? null,
    }));
  },
  columns: [
    { header: "院校代码", value: (r) => r.code },
    { header: "院校名称", width: 30, value: (r) => r.name },
    { header: "联系人", value: (r) => r.contactName ?? "" },
    { header: "本期周报", value: (r) => (r.state ? STATE[r.state] : "未填写") },
  ],
};
