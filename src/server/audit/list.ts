// 审计日志: the admin's search of the append-only log (newest first, indexed on time), on the list engine.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { and, type ListDef } from "@/server/lists/define";
import { forbidden } from "@/server/errors";
import { ROLE_LABELS } from "@/domain/auth/portals";
import { actionLabel } from "@/domain/audit/actions";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式为 YYYY-MM-DD")
  .optional();
const filter = z.strictObject({ q: z.string().trim().max(50).optional(), action: z.string().trim().max(50).optional(), from: day, to: day });
/** A calendar day in China time, as the instant it starts (or, for `to`, the next day starts). */
const chinaDay = (d: string, next = false) => new Date(new Date(`${d}T00:00:00+08:00`).getTime() + (next ? 86_400_000 : 0));

type Raw = Prisma.AuditLogGetPayload<object>;
export type AuditRow = Omit<Raw, "id"> & { id: string };

export const auditList: ListDef<z.infer<typeof filter>, AuditRow, Prisma.AuditLogWhereInput> = {
  name: "auditLog",
  title: "审计日志",
  permissions: ["admin.audit"],
  filter,
  where: (_db, scope, f) => {
    if (scope.kind !== "admin") throw forbidden();
    const q = f.q?.trim();
    return and<Prisma.AuditLogWhereInput>(
      f.action ? { action: { startsWith: f.action } } : null,
      f.from ? { at: { gte: chinaDay(f.from) } } : null,
      f.to ? { at: { lt: chinaDay(f.to, true) } } : null,
      q ? { OR: [{ account: { contains: q } }, { summary: { contains: q } }, { ip: { startsWith: q } }] } : null,
    );
  },
  tabs: [
    { value: "SUCCESS", label: "成功", where: { outcome: "SUCCESS" } },
    { value: "FAILURE", label: "失败", where: { outcome: "FAILURE" } },
  ],
  count: (db, where) => db.auditLog.count({ where }),
  rows: async (db, where, p) => {
    // Ids are a bigint sequence: keyset pages for exports compare them as numbers.
    const rows = await db.auditLog.findMany({
      where: and(where, p.afterId ? { id: { gt: BigInt(p.afterId) } } : null),
      orderBy: p.byId ? { id: "asc" } : [{ at: "desc" }, { id: "desc" }],
      skip: p.skip,
      take: p.take,
    });
    return rows.map((r) => ({ ...r, id: r.id.toString() }));
  },
  columns: [
    { header: "时间", width: 20, value: (r) => r.at.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) },
    { header: "账号", value: (r) => r.account ?? "" },
    { header: "角色", value: (r) => (r.role ? ROLE_LABELS[r.role] : "") },
    { header: "操作", value: (r) => actionLabel(r.action) },
    { header: "摘要", width: 60, value: (r) => r.summary },
    { header: "结果", value: (r) => (r.outcome === "SUCCESS" ? "成功" : "失败") },
    { header: "IP", value: (r) => r.ip ?? "" },
  ],
};
