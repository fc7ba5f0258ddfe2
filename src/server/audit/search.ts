import type { ReadCtx } from "@/server/use-case";
import type { AdminScope } from "@/server/tenancy";
import type { Prisma } from "@/generated/prisma/client";

export type AuditFilter = {
  q?: string;
  action?: string;
  outcome?: "SUCCESS" | "FAILURE";
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

/** Admin-only search of the append-only audit log (newest first, indexed on time). */
export async function searchAudit({ ctx: { db }, input: f }: { ctx: ReadCtx<AdminScope>; input: AuditFilter }) {
  const q = f.q?.trim();
  const where: Prisma.AuditLogWhereInput = {
    AND: [
      f.action ? { action: { startsWith: f.action } } : {},
      f.outcome ? { outcome: f.outcome } : {},
      f.from ? { at: { gte: f.from } } : {},
      f.to ? { at: { lt: f.to } } : {},
      q ? { OR: [{ account: { contains: q } }, { summary: { contains: q } }, { ip: { startsWith: q } }] } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (f.page - 1) * f.pageSize, take: f.pageSize }),
    db.auditLog.count({ where }),
  ]);
  return { total, rows: rows.map((r) => ({ ...r, id: r.id.toString() })) };
}
