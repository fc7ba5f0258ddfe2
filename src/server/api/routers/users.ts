import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { assignableRoles } from "@/server/roles/assignable-roles";
import { managedUserUpdateSchema, subAccountCreateSchema } from "@/domain/auth/sub-account-schema";
import { setUserStatus } from "@/server/accounts/set-user-status";
import { resetUserCredentials } from "@/server/accounts/reset-user-password";
import { assignableLevels, createSubAccount, deleteManagedUser, updateManagedUser, viewManagedUser } from "@/server/accounts/manage-sub-accounts";

// Superiors: the platform admin (all accounts), departments (principals in their region), principals (their sub-accounts).
const managers = permissionProcedure("admin.users", "edu.users", "school.users");
const principal = permissionProcedure("school.users");
const id = z.strictObject({ userId: z.uuid("账号不存在") });

export const usersRouter = createTRPCRouter({
  enable: managers.input(id).mutation(({ ctx, input }) => setUserStatus({ ctx, input: { userId: input.userId, enabled: true } })),
  disable: managers.input(id).mutation(({ ctx, input }) => setUserStatus({ ctx, input: { userId: input.userId, enabled: false } })),
  resetPassword: managers.input(id).mutation(({ ctx, input }) => resetUserCredentials({ ctx, input: { userId: input.userId, kind: "password" } })),
  detail: managers.input(id).query(({ ctx, input }) => viewManagedUser({ ctx, input })),
  assignableLevels: principal.query(({ ctx }) => assignableLevels({ ctx })),
  /** 新增用户's 角色 drop-down: the maintained roles of the school portal. */
  assignableRoles: principal.query(({ ctx }) => assignableRoles({ ctx })),
  create: principal.input(subAccountCreateSchema).mutation(({ ctx, input }) => createSubAccount({ ctx, input })),
  update: managers.input(managedUserUpdateSchema).mutation(({ ctx, input }) => updateManagedUser({ ctx, input })),
  delete: managers.input(id).mutation(({ ctx, input }) => deleteManagedUser({ ctx, input })),
  resetBinding: managers.input(id).mutation(({ ctx, input }) => resetUserCredentials({ ctx, input: { userId: input.userId, kind: "binding" } })),
});
