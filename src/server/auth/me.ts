// 个人信息: the signed-in account as the header and the profile page show it (phone masked).
import type { Db } from "@/server/db";
import type { SessionUser } from "@/server/session-user";
import { maskPhone } from "@/domain/auth/mask";

/** Runs before binding is complete too, so it reads the session itself (no tenant scope is minted yet). */
export async function me({ ctx }: { ctx: { db: Db; session: SessionUser } }) {
  const u = await ctx.db.user.findUniqueOrThrow({
    where: { id: ctx.session.id },
    include: { school: { select: { name: true } }, org: { select: { name: true } }, department: { select: { name: true } } },
  });
  return {
    id: u.id,
    account: u.account,
    name: u.name,
    email: u.email,
    role: u.role,
    portal: ctx.session.portal,
    phone: maskPhone(u.phone),
    tenantName: u.school?.name ?? u.org?.name ?? u.department?.name ?? "综合业务管理",
    orgId: u.orgId,
    needsBinding: ctx.session.needsBinding,
    mustChangePassword: ctx.session.mustChangePassword,
    lastLoginAt: u.lastLoginAt,
  };
}
