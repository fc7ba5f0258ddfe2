// 新增用户's 角色 drop-down (manual 002 §8.1): the maintained roles of the principal's portal.
import type { ReadCtx } from "@/server/use-case";
import type { SchoolScope } from "@/server/tenancy";
import { inTableOrder, permissionLabel } from "@/domain/auth/permissions";

export async function assignableRoles({ ctx: { db } }: { ctx: ReadCtx<SchoolScope> }) {
  const roles = await db.accessRole.findMany({ where: { portal: "school" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return roles.map((r) => ({ id: r.id, name: r.name, description: r.description, permissions: inTableOrder(r.permissions).map(permissionLabel) }));
}
