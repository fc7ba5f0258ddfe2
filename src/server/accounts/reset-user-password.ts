import { encrypt, randomInitialPassword } from "@/server/crypto";
import { hashPassword } from "@/server/auth/password";
import { change, type UseCaseCtx } from "@/server/use-case";
import { findManagedUser } from "./queries";

/**
 * 重置密码: a new random one-time password, shown once to the superior; the account must change it at
 * next login. 重置用户信息 (binding): also erases the bound name and phone so the user binds again.
 * Either ends the account's sessions and trusted browsers.
 */
export async function resetUserCredentials({
  ctx,
  input,
}: {
  ctx: UseCaseCtx;
  input: { userId: string; kind: "password" | "binding" };
}): Promise<{ initialPassword: string | null }> {
  const { clock } = ctx;
  const target = await findManagedUser(ctx.db, ctx.scope, input.userId);
  const initialPassword = input.kind === "password" ? randomInitialPassword() : null;
  const passwordHash = initialPassword ? await hashPassword(initialPassword) : undefined;
  await change(
    ctx,
    async (tx) => {
      await tx.user.update({
        where: { id: target.id },
        data:
          input.kind === "password"
            ? {
                passwordHash,
                initialPasswordEnc: encrypt(initialPassword!),
                mustChangePassword: true,
                failedLoginCount: 0,
                frozenUntil: null,
                sessionVersion: { increment: 1 },
              }
            : { phone: null, name: null, idNumber: null, sessionVersion: { increment: 1 } },
      });
      await tx.trustedDevice.updateMany({ where: { userId: target.id, revokedAt: null }, data: { revokedAt: clock.now() } });
    },
    {
      action: input.kind === "password" ? "user.reset.password" : "user.reset.binding",
      targetType: "User",
      targetId: target.id,
      summary: input.kind === "password" ? `重置账号 ${target.account} 的密码，原有会话已失效` : `重置账号 ${target.account} 的绑定信息，原有会话已失效`,
    },
  );
  return { initialPassword };
}
