import type { Tx } from "@/server/db";
import type { RoleName } from "@/domain/auth/portals";

type AuditActor = { id: string; account: string; role: RoleName; schoolId?: string | null; orgId?: string | null; departmentId?: string | null };

export type AuditEntry = {
  actor?: AuditActor | null;
  action: string;
  targetType?: string;
  targetId?: string;
  summary: string;
  outcome?: "SUCCESS" | "FAILURE";
  ip?: string | null;
  at?: Date;
};

function tenantOf(a?: AuditActor | null): { tenantType: string | null; tenantId: string | null } {
  if (!a) return { tenantType: null, tenantId: null };
  if (a.schoolId) return { tenantType: "SCHOOL", tenantId: a.schoolId };
  if (a.orgId) return { tenantType: "ORG", tenantId: a.orgId };
  if (a.departmentId) return { tenantType: "DEPARTMENT", tenantId: a.departmentId };
  return { tenantType: a.role === "ADMIN" ? "PLATFORM" : null, tenantId: null };
}

/** Append one audit row; call it inside the same transaction as the change it records. */
export async function writeAudit(tx: Tx, e: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      ...(e.at ? { at: e.at } : {}),
      userId: e.actor?.id ?? null,
      account: e.actor?.account ?? null,
      role: e.actor?.role ?? null,
      ...tenantOf(e.actor),
      action: e.action,
      targetType: e.targetType ?? null,
      targetId: e.targetId ?? null,
      summary: e.summary,
      outcome: e.outcome ?? "SUCCESS",
      ip: e.ip ?? null,
    },
  });
}
