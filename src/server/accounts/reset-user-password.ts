import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { RequestMeta, SessionUser } from "@/server/session-user";
import { writeAudit } from "@/server/audit/write";
import { forbidden } from "@/server/errors";
import { encrypt, randomInitialPassword } from "@/server/crypto";
import { hashPassword } from "@/server/auth/password";
import { canManageUser } from "@/domain/auth/permissions";
import { findManagedUser } from "./queries";

/**
 * 重置密码: a new random one-time password, shown once to the superior; the account must change it at
 * next login. 重置用户信息 (binding): also erases the bound name and phone so the user binds again.
 * Either ends the account's sessions and trusted browsers.
 */
export async function resetUserCredentials(
  deps: { db: Db; clock: Clock },
  actor: SessionUser,
  input: { userId: string; kind: "password" | "binding" },
  meta: RequestMeta,
): Promise<{ initialPassword: string | null }> {
  const { db, clock } = deps;
  const target = await findManagedUser(db, actor, input.userId);
  const can = canManageUser(
    { id: actor.id, role: actor.role, schoolId: actor.schoolId, departmentId: actor.departmentId, departmentRegionPrefix: actor.regionPrefix },
    { id: target.id, role: target.role, schoolId: target.schoolId, schoolRegionCode: target.school?.regionCode },
  );
  if (!can) throw forbidden("无权管理该账号");
  const initialPassword = input.kind === "password" ? randomInitialPassword() : null;
  const passwordHash = initialPassword ? await hashPassword(initialPassword) : undefined;
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: target.id },
      data:
        input.kind === "password"
          ? { passwordHash, initialPasswordEnc: encrypt(initialPassword!), mustChangePassword: true, failedLoginCount: 0, frozenUntil: null, sessionVersion: { increment: 1 } }
          : { phone: null, name: null, idNumber: null, sessionVersion: { increment: 1 } },
    });
    await tx.trustedDevice.updateMany({ where: { userId: target.id, revokedAt: null }, data: { revokedAt: clock.now() } });
    await writeAudit(tx, {
      actor,
      action: input.kind === "password" ? "user.reset.password" : "user.reset.binding",
      targetType: "User",
      targetId: target.id,
      summary: input.kind === "password" ? `重置账号 ${target.account} 的密码，原有会话已失效` : `重置账号 ${target.account} 的绑定信息，原有会话已失效`,
      ip: meta.ip,
    });
  });
  return { initialPassword };
}
