// 角色管理: the maintained roles of every portal that has sub-accounts, on the list engine.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { PORTAL_TITLES, type Portal } from "@/domain/auth/portals";
import { inTableOrder, permissionLabel, ROLE_PORTALS, type Permission } from "@/domain/auth/permissions";

const filter = z.strictObject({ name: z.string().trim().max(20).optional(), portal: z.enum(ROLE_PORTALS).optional() });

export type AccessRoleRow = {
  id: string;
  portal: Portal;
  name: string;
  description: string | null;
  permissions: Permission[];
  users: number;
  updatedAt: Date;
};

const labels = (r: AccessRoleRow) => r.permissions.map(permissionLabel).join("、");

export const accessRoleList: ListDef<z.infer<typeof filter>, AccessRoleRow, Prisma.AccessRoleWhereInput> = {
  name: "accessRoles",
  title: "角色信息",
  permissions: ["admin.roles"],
  filter,
  where: (_db, _scope, f) => and<Prisma.AccessRoleWhereInput>(f.name ? { name: { contains: f.name } } : null, f.portal ? { portal: f.portal } : null),
  count: (db, where) => db.accessRole.count({ where }),
  rows: async (db, where, p) => {
    const rows = await db.accessRole.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include: { _count: { select: { users: true } } },
      orderBy: p.byId ? { id: "asc" } : [{ portal: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    return rows.map((r) => ({
      id: r.id,
      portal: r.portal as Portal,
      name: r.name,
      description: r.description,
      // A key the code no longer knows is kept in the row but not shown or granted.
      permissions: inTableOrder(r.permissions),
      users: r._count.users,
      updatedAt: r.updatedAt,
    }));
  },
  columns: [
    { header: "所属平台", width: 22, value: (r) => PORTAL_TITLES[r.portal] },
    { header: "角色名称", value: (r) => r.name },
    { header: "角色说明", width: 40, value: (r) => r.description ?? "" },
    { header: "菜单权限", width: 60, value: labels },
    { header: "账号数", value: (r) => r.users },
    { header: "更新时间", width: 20, value: (r) => r.updatedAt },
  ],
};
