import { badRequest } from "@/server/errors";
import { change, type UseCaseCtx } from "@/server/use-case";
import { findManagedUser } from "./queries";

/** 启用 / 停用 an account below the caller. Enabling also clears a lockout; disabling ends its sessions. */
export async function setUserStatus({ ctx, input }: { ctx: UseCaseCtx; input: { userId: string; enabled: boolean } }) {
  // The managed scope is the permission: another tenant's account, or one above the caller, is not found.
  const target = await findManagedUser(ctx.db, ctx.scope, input.userId);
  const want = input.enabled ? "ACTIVE" : "DISABLED";
  if (target.status === want) throw badRequest(input.enabled ? "该账号已是启用状态" : "该账号已是停用状态");
  await change(
    ctx,
    (tx) =>
      tx.user.update({
        where: { id: target.id },
        data: input.enabled
          ? { status: "ACTIVE", disabledReason: null, failedLoginCount: 0, frozenUntil: null }
          : { status: "DISABLED", disabledReason: "上级账号停用", sessionVersion: { increment: 1 } },
      }),
    {
      action: input.enabled ? "user.enable" : "user.disable",
      targetType: "User",
      targetId: target.id,
      summary: `${input.enabled ? "启用" : "停用"}账号 ${target.account}${input.enabled && target.disabledReason ? `（原因：${target.disabledReason}）` : ""}`,
    },
  );
  return { ok: true };
}
