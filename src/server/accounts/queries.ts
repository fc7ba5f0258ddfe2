// Scoped reads of the accounts a superior manages.
import type { Db } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";
import { schoolsInRegion, type Scope } from "@/server/tenancy";
import type { ReadCtx } from "@/server/use-case";
import { forbidden, notFound } from "@/server/errors";
import { maskPhone } from "@/domain/auth/mask";
import { MANAGES } from "@/domain/auth/permissions";

/** The accounts this user may manage: admin → all but admins; department → principals in its region; principal → its sub-accounts. */
export function managedUsersWhere(scope: Scope): Prisma.UserWhereInput {
  const role = scope.kind === "admin" ? "ADMIN" : scope.kind === "department" ? "EDU" : scope.kind === "school" && scope.principal ? "SCHOOL_PRINCIPAL" : null;
  const rule = role && MANAGES[role];
  if (!rule) throw forbidden();
  const roles = { role: { in: [...rule.roles] } };
  if (scope.kind === "department") return { ...roles, school: schoolsInRegion(scope) };
  if (scope.kind === "school") return { ...roles, schoolId: scope.schoolId };
  return roles;
}

export type ManagedUserFilter = {
  q?: string;
  status?: "ACTIVE" | "DISABLED";
  role?: "EDU" | "ORG" | "SCHOOL_PRINCIPAL" | "SCHOOL_ADMIN" | "STUDENT";
  page: number;
  pageSize: number;
};

export async function listManagedUsers({ ctx: { db, scope }, input: f }: { ctx: ReadCtx; input: ManagedUserFilter }) {
  const base = managedUsersWhere(scope);
  const q = f.q?.trim();
  const where: Prisma.UserWhereInput = {
    AND: [
      base,
      f.role ? { role: f.role } : {},
      q ? { OR: [{ account: { contains: q } }, { name: { contains: q } }, { school: { name: { contains: q } } }] } : {},
    ],
  };
  const [rows, total, active, disabled] = await Promise.all([
    db.user.findMany({
      where: { AND: [where, f.status ? { status: f.status } : {}] },
      include: { school: { select: { name: true } }, org: { select: { name: true } }, department: { select: { name: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
    }),
    db.user.count({ where: { AND: [where, f.status ? { status: f.status } : {}] } }),
    db.user.count({ where: { AND: [where, { status: "ACTIVE" }] } }),
    db.user.count({ where: { AND: [where, { status: "DISABLED" }] } }),
  ]);
  return {
    total,
    counts: { all: active + disabled, active, disabled },
    rows: rows.map((r) => ({
      id: r.id,
      account: r.account,
      name: r.name,
      role: r.role,
      status: r.status,
      disabledReason: r.disabledReason,
      phone: maskPhone(r.phone),
      tenant: r.school?.name ?? r.org?.name ?? r.department?.name ?? "平台",
      frozen: !!r.frozenUntil,
      mustChangePassword: r.mustChangePassword,
      lastLoginAt: r.lastLoginAt,
      createdAt: r.createdAt,
    })),
  };
}

/** Loads one managed account inside the caller's scope; another tenant's id is simply not found. */
export async function findManagedUser(db: Db, scope: Scope, userId: string) {
  const row = await db.user.findFirst({ where: { AND: [managedUsersWhere(scope), { id: userId }] }, include: { school: true } });
  if (!row) throw notFound("账号不存在或无权管理");
  return row;
}
