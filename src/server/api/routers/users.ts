import { z } from "zod";
import { createTRPCRouter, roleProcedure } from "@/server/api/trpc";
import { setUserStatus } from "@/server/accounts/set-user-status";
import { resetUserCredentials } from "@/server/accounts/reset-user-password";
import { assignableLevels, createSubAccount, deleteManagedUser, updateManagedUser, viewManagedUser } from "@/server/accounts/manage-sub-accounts";
import { portalProcedure } from "@/server/api/trpc";

// Superiors: the platform admin (all accounts), departments (principals in their region), principals (their sub-accounts).
const managers = roleProcedure(["ADMIN", "EDU", "SCHOOL_PRINCIPAL"]);
const id = z.strictObject({ userId: z.uuid("账号不存在") });

export const usersRouter = createTRPCRouter({
  enable: managers.input(id).mutation(({ ctx, input }) => setUserStatus({ ctx, input: { userId: input.userId, enabled: true } })),
  disable: managers.input(id).mutation(({ ctx, input }) => setUserStatus({ ctx, input: { userId: input.userId, enabled: false } })),
  resetPassword: managers.input(id).mutation(({ ctx, input }) => resetUserCredentials({ ctx, input: { userId: input.userId, kind: "password" } })),
  detail: managers.input(id).query(({ ctx, input }) => viewManagedUser({ ctx, input })),
  assignableLevels: portalProcedure("school").query(({ ctx }) => assignableLevels({ ctx })),
  create: portalProcedure("school")
    .input(
      z.strictObject({
        account: z.string().trim().min(1, "请输入账号").max(32),
        name: z.string().trim().min(1, "请输入姓名").max(30),
        certificateLevelIds: z.array(z.uuid()).max(100).default([]),
        smsCode: z.string().trim().max(10),
      }),
    )
    .mutation(({ ctx, input }) => createSubAccount({ ctx, input })),
  update: managers
    .input(
      z.strictObject({
        userId: z.uuid("账号不存在"),
        name: z.string().trim().min(1, "请输入姓名").max(30),
        certificateLevelIds: z.array(z.uuid()).max(100).optional(),
        smsCode: z.string().trim().max(10),
      }),
    )
    .mutation(({ ctx, input }) => updateManagedUser({ ctx, input })),
  delete: managers.input(id).mutation(({ ctx, input }) => deleteManagedUser({ ctx, input })),
  resetBinding: managers.input(id).mutation(({ ctx, input }) => resetUserCredentials({ ctx, input: { userId: input.userId, kind: "binding" } })),
});
