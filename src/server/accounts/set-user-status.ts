import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { RequestMeta, SessionUser } from "@/server/session-user";
import { writeAudit } from "@/server/audit/write";
import { badRequest, forbidden } from "@/server/errors";
import { canManageUser } from "@/domain/auth/permissions";
import { findManagedUser } from "./queries";

/** 启用 / 停用 an account below the caller. Enabling also clears a lockout; disabling ends its sessions. */
export async function setUserStatus(
  deps: { db: Db; clock: Clock },
  actor: SessionUser,
  input: { userId: string; enabled: boolean },
  meta: RequestMeta,
) {
  const { db } = deps;
  const target = await findManagedUser(db, actor, input.userId);
  const can = canManageUser(
    { id: actor.id, role: actor.role, schoolId: actor.schoolId, departmentId: actor.departmentId, departmentRegionPrefix: actor.regionPrefix },
    { id: target.id, role: target.role, schoolId: target.schoolId, schoolRegionCode: target.school?.regionCode },
  );
  if (!can) throw forbidden("无权管理该账号");
  const want = input.enabled ? "ACTIVE" : "DISABLED";
  if (target.status === want) throw badRequest(input.enabled ? "该账号已是启用状态" : "该账号已是停用状态");
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: target.id },
      data: input.enabled
        ? { status: "ACTIVE", disabledReason: null, failedLoginCount: 0, frozenUntil: null }
        : { status: "DISABLED", disabledReason: "上级账号停用", sessionVersion: { increment: 1 } },
    });
    await writeAudit(tx, {
      actor,
      action: input.enabled ? "user.enable" : "user.disable",
      targetType: "User",
      targetId: target.id,
      summary: `${input.enabled ? "启用" : "停用"}账号 ${target.account}${input.enabled && target.disabledReason ? `（原因：${target.disabledReason}）` : ""}`,
      ip: meta.ip,
    });
  });
  return { ok: true };
}
