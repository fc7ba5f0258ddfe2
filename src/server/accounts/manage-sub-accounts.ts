// 用户管理 (manual 001 §1.9): the principal creates 业务管理员 sub-accounts, optionally limited to some of the
// school's pilot certificates; edits and deletes only stopped accounts. Creating or changing needs an SMS
// code to the principal's phone. Departments and admins view, edit and delete the accounts below them.
import type { Db } from "@/server/db";
import { writeAudit } from "@/server/audit/write";
import { badRequest, conflict, forbidden } from "@/server/errors";
import { change, type ReadCtx, type UseCaseCtx } from "@/server/use-case";
import type { SchoolScope, Scope } from "@/server/tenancy";
import { decrypt, encrypt, randomInitialPassword } from "@/server/crypto";
import { hashPassword } from "@/server/auth/password";
import { verifySmsCode } from "@/server/sms/codes";
import { pilotLevelsWhere } from "@/server/catalogue/pilots";
import { maskPhone } from "@/domain/auth/mask";
import { findManagedUser } from "./queries";
import { inTableOrder, permissionLabel } from "@/domain/auth/permissions";
import type { ManagedUserUpdate, SubAccountCreate } from "@/domain/auth/sub-account-schema";

export const ACCOUNT_RE = /^[A-Za-z0-9_@.-]{4,32}$/;

async function checkActorCode(ctx: UseCaseCtx, code: string) {
  const phone = (await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: { phone: true } })).phone;
  await verifySmsCode(ctx, { phone: phone ?? "", purpose: "MANAGE_USERS", code });
}

function principalOnly(scope: Scope, message?: string): SchoolScope {
  if (scope.kind !== "school" || !scope.permissions.includes("school.users")) throw forbidden(message);
  return scope;
}

/** The certificate levels a principal may assign: the school's pilot levels. */
export async function assignableLevels({ ctx: { db, scope } }: { ctx: ReadCtx }) {
  return db.certificateLevel.findMany({
    where: pilotLevelsWhere(principalOnly(scope)),
    select: { id: true, code: true, level: true, certificate: { select: { code: true, name: true } } },
    orderBy: { code: "asc" },
  });
}

/** The role must be one of the school portal's maintained roles. */
async function checkRole(db: Db, accessRoleId: string) {
  const role = await db.accessRole.findUnique({ where: { id: accessRoleId }, select: { portal: true, name: true } });
  if (!role || role.portal !== "school") throw badRequest("请选择已维护的角色");
  return role;
}

async function checkLevels(db: Db, scope: Scope, ids: string[]) {
  if (ids.length === 0) return;
  const ok = await db.certificateLevel.count({ where: { AND: [pilotLevelsWhere(principalOnly(scope)), { id: { in: ids } }] } });
  if (ok !== new Set(ids).size) throw badRequest("只能选择本校已参与试点的证书");
}

export async function createSubAccount({ ctx, input }: { ctx: UseCaseCtx; input: SubAccountCreate }) {
  const { db, actor } = ctx;
  const school = principalOnly(ctx.scope, "只有试点院校负责人账号可以新增用户");
  const account = input.account.trim();
  const name = input.name.trim();
  if (!ACCOUNT_RE.test(account)) throw badRequest("账号为 4–32 位字母、数字或 _ @ . -，建议使用手机号");
  if (name.length < 2 || name.length > 30) throw badRequest("请输入账号使用人的真实姓名");
  if (await db.user.findUnique({ where: { account }, select: { id: true } })) throw conflict("该账号已存在，请换一个");
  const role = await checkRole(db, input.accessRoleId);
  await checkLevels(db, school, input.certificateLevelIds);
  await checkActorCode(ctx, input.smsCode);
  const initialPassword = randomInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  const user = await change(
    ctx,
    (tx) =>
      tx.user.create({
        data: {
          account,
          name,
          role: "SCHOOL_ADMIN",
          accessRoleId: input.accessRoleId,
          schoolId: school.schoolId,
          passwordHash,
          initialPasswordEnc: encrypt(initialPassword),
          mustChangePassword: true,
          createdById: actor.id,
          certificateScopes: { create: input.certificateLevelIds.map((certificateLevelId) => ({ certificateLevelId })) },
        },
      }),
    (u) => ({
      action: "user.create",
      targetType: "User",
      targetId: u.id,
      summary: `新增用户 ${account}，角色 ${role.name}${input.certificateLevelIds.length ? `，证书负责人（${input.certificateLevelIds.length} 个证书等级）` : ""}`,
    }),
    { unique: "该账号已存在，请换一个" },
  );
  return { id: user.id, account, initialPassword };
}

/** 查看: the account, its scope, and its initial password while it has not been changed. */
export async function viewManagedUser({ ctx, input }: { ctx: UseCaseCtx; input: { userId: string } }) {
  const { db, actor, meta } = ctx;
  const u = await findManagedUser(db, ctx.scope, input.userId);
  const accessRole = u.accessRoleId
    ? await db.accessRole.findUnique({ where: { id: u.accessRoleId }, select: { id: true, name: true, permissions: true } })
    : null;
  const scopes = await db.userCertificateScope.findMany({
    where: { userId: u.id },
    include: { certificateLevel: { select: { id: true, code: true, level: true, certificate: { select: { code: true, name: true } } } } },
  });
  const initialPassword = u.mustChangePassword && u.initialPasswordEnc ? decrypt(u.initialPasswordEnc) : null;
  if (initialPassword)
    await writeAudit(db, {
      actor,
      action: "user.view.initialPassword",
      targetType: "User",
      targetId: u.id,
      summary: `查看账号 ${u.account} 的初始密码`,
      ip: meta.ip,
    });
  return {
    id: u.id,
    account: u.account,
    name: u.name,
    role: u.role,
    accessRole: accessRole && { id: accessRole.id, name: accessRole.name, permissions: inTableOrder(accessRole.permissions).map(permissionLabel) },
    status: u.status,
    phone: maskPhone(u.phone),
    email: u.email,
    school: u.school?.name ?? null,
    createdAt: u.createdAt,
    lastLoginAt: u.lastLoginAt,
    initialPassword,
    scopes: scopes.map((s) => ({
      id: s.certificateLevel.id,
      level: s.certificateLevel.level,
      code: s.certificateLevel.code,
      name: s.certificateLevel.certificate.name,
    })),
  };
}

export async function updateManagedUser({ ctx, input }: { ctx: UseCaseCtx; input: ManagedUserUpdate }) {
  const { db } = ctx;
  const u = await findManagedUser(db, ctx.scope, input.userId);
  if (u.status !== "DISABLED") throw badRequest("请先停用该账号，再进行修改");
  const name = input.name.trim();
  if (name.length < 2 || name.length > 30) throw badRequest("请输入账号使用人的真实姓名");
  const levels = input.certificateLevelIds;
  if ((levels || input.accessRoleId) && u.role !== "SCHOOL_ADMIN") throw badRequest("只有院校的子账号有角色和负责的证书");
  const role = input.accessRoleId ? await checkRole(db, input.accessRoleId) : null;
  if (levels) await checkLevels(db, ctx.scope, levels);
  await checkActorCode(ctx, input.smsCode);
  await change(
    ctx,
    async (tx) => {
      await tx.user.update({ where: { id: u.id }, data: { name, ...(input.accessRoleId ? { accessRoleId: input.accessRoleId } : {}) } });
      if (levels) {
        await tx.userCertificateScope.deleteMany({ where: { userId: u.id } });
        await tx.userCertificateScope.createMany({ data: levels.map((certificateLevelId) => ({ userId: u.id, certificateLevelId })) });
      }
    },
    {
      action: "user.update",
      targetType: "User",
      targetId: u.id,
      summary: `修改账号 ${u.account}${role ? `，角色 ${role.name}` : ""}${levels ? `，${levels.length ? `证书负责人（${levels.length} 个证书等级）` : "非证书负责人"}` : ""}`,
    },
  );
  return { ok: true };
}

export async function deleteManagedUser({ ctx, input }: { ctx: UseCaseCtx; input: { userId: string } }) {
  const u = await findManagedUser(ctx.db, ctx.scope, input.userId);
  if (u.status !== "DISABLED") throw badRequest("请先停用该账号，再删除");
  await change(ctx, (tx) => tx.user.delete({ where: { id: u.id } }), {
    action: "user.delete",
    targetType: "User",
    targetId: u.id,
    summary: `删除账号 ${u.account}`,
  });
  return { ok: true };
}
