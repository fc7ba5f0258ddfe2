// The 角色 form (manual 002 §8.1), shared by the admin's dialog and saveAccessRole.
import { z } from "zod";
import { ROLE_PORTALS, grantable, inTableOrder, isPermission } from "./permissions";

export const accessRoleSchema = z
  .strictObject({
    id: z.uuid().optional(),
    portal: z.enum(ROLE_PORTALS, "请选择所属平台"),
    name: z.string().trim().min(2, "角色名称为 2–20 个字").max(20, "角色名称为 2–20 个字"),
    description: z.string().trim().max(200, "角色说明不超过 200 字").default(""),
    permissions: z
      .array(z.string().max(40))
      .max(100)
      .transform((ks) => [...new Set(ks)]),
  })
  .superRefine((v, c) => {
    const allowed = new Set<string>(grantable(v.portal));
    if (v.permissions.length === 0) c.addIssue({ code: "custom", path: ["permissions"], message: "请至少选择一项菜单权限" });
    else if (v.permissions.some((k) => !isPermission(k) || !allowed.has(k)))
      c.addIssue({ code: "custom", path: ["permissions"], message: "所选权限不属于该平台或不能分配给角色" });
  })
  // Stored in the table's order, whatever order they were ticked in.
  .transform((v) => ({ ...v, permissions: inTableOrder(v.permissions) }));

export type AccessRoleInput = z.input<typeof accessRoleSchema>;
export type AccessRoleValues = z.output<typeof accessRoleSchema>;
