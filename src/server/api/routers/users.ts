import { z } from "zod";
import { createTRPCRouter, pageInput, roleProcedure } from "@/server/api/trpc";
import { listManagedUsers } from "@/server/accounts/queries";
import { setUserStatus } from "@/server/accounts/set-user-status";
import { resetUserCredentials } from "@/server/accounts/reset-user-password";

// Superiors: the platform admin (all accounts), departments (principals in their region), principals (their sub-accounts).
const managers = roleProcedure(["ADMIN", "EDU", "SCHOOL_PRINCIPAL"]);
const id = z.strictObject({ userId: z.uuid("账号不存在") });

export const usersRouter = createTRPCRouter({
  list: managers
    .input(
      z.strictObject({
        q: z.string().trim().max(50).optional(),
        status: z.enum(["ACTIVE", "DISABLED"]).optional(),
        role: z.enum(["EDU", "ORG", "SCHOOL_PRINCIPAL", "SCHOOL_ADMIN", "STUDENT"]).optional(),
        ...pageInput,
      }),
    )
    .query(({ ctx, input }) => listManagedUsers(ctx.db, ctx.session, input)),
  enable: managers.input(id).mutation(({ ctx, input }) => setUserStatus(ctx, ctx.session, { userId: input.userId, enabled: true }, ctx.meta)),
  disable: managers.input(id).mutation(({ ctx, input }) => setUserStatus(ctx, ctx.session, { userId: input.userId, enabled: false }, ctx.meta)),
  resetPassword: managers.input(id).mutation(({ ctx, input }) => resetUserCredentials(ctx, ctx.session, { userId: input.userId, kind: "password" }, ctx.meta)),
  resetBinding: managers.input(id).mutation(({ ctx, input }) => resetUserCredentials(ctx, ctx.session, { userId: input.userId, kind: "binding" }, ctx.meta)),
});
