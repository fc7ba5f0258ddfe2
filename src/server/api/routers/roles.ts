import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { accessRoleSchema } from "@/domain/auth/role-schema";
import { saveAccessRole } from "@/server/roles/save-role";
import { deleteAccessRole } from "@/server/roles/delete-role";

// 角色管理 (the list itself is lists.accessRoles).
const admin = permissionProcedure("admin.roles");

export const rolesRouter = createTRPCRouter({
  save: admin.input(accessRoleSchema).mutation(({ ctx, input }) => saveAccessRole({ ctx, input })),
  delete: admin.input(z.strictObject({ id: z.uuid("角色不存在") })).mutation(({ ctx, input }) => deleteAccessRole({ ctx, input })),
});
