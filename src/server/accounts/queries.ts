// Scoped reads of the accounts a superior manages.
import type { Db } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";
import { schoolsInRegion, type Scope } from "@/server/tenancy";
import { forbidden, notFound } from "@/server/errors";
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

/** Loads one managed account inside the caller's scope; another tenant's id is simply not found. */
export async function findManagedUser(db: Db, scope: Scope, userId: string) {
  const row = await db.user.findFirst({ where: { AND: [managedUsersWhere(scope), { id: userId }] }, include: { school: true } });
  if (!row) throw notFound("账号不存在或无权管理");
  return row;
}
