// Self-service account use cases: first-login binding, change password, profile, forgot password.
import type { Db, Tx } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { SmsGateway } from "@/server/sms/gateway";
import type { RequestMeta, SessionUser } from "@/server/session-user";
import { AppError, badRequest } from "@/server/errors";
import { hitLimits } from "@/server/rate-limit";
import { writeAudit } from "@/server/audit/write";
import { hashPassword, verifyPassword } from "./password";
import { checkCaptcha, type CaptchaReply } from "./captcha";
import { sendSmsCode, verifySmsCode } from "@/server/sms/codes";
import { checkPassword } from "@/domain/auth/password-policy";
import { PHONE_RE, maskPhone } from "@/domain/auth/mask";

type Deps = { db: Db; clock: Clock; sms: SmsGateway };

/** Bumps sessionVersion so every other session dies on its next request; the current one is carried over. */
export async function endOtherSessions(tx: Tx, userId: string, keepSid: string | null): Promise<void> {
  const u = await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  if (keepSid) await tx.authSession.update({ where: { id: keepSid }, data: { sessionVersion: u.sessionVersion } });
  await tx.trustedDevice.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export function checkNewPassword(newPassword: string, confirm: string, ctx: { account: string; phone?: string | null }) {
  if (newPassword !== confirm) throw badRequest("两次输入的新密码不一致");
  const problem = checkPassword(newPassword, ctx);
  if (problem) throw badRequest(problem);
}

export async function sendBindPhoneCode(deps: Deps, user: SessionUser, phone: string, meta: RequestMeta) {
  if (!PHONE_RE.test(phone)) throw badRequest("请输入正确的 11 位手机号");
  await sendSmsCode(deps, { phone, purpose: "BIND_PHONE", userId: user.id, ip: meta.ip });
  return { phoneMasked: maskPhone(phone) };
}

/** First login (or after a reset): bind name and phone where missing, and replace the initial password. */
export async function completeFirstLogin(
  deps: Deps,
  user: SessionUser,
  input: { name?: string; phone?: string; smsCode?: string; newPassword: string; confirmPassword: string },
  meta: RequestMeta,
) {
  const { db, clock } = deps;
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  const binding = !row.phone || !row.name;
  if (!binding && !row.mustChangePassword) throw badRequest("账号已完成绑定，无需重复操作");
  let name = row.name;
  let phone = row.phone;
  if (binding) {
    name = (input.name ?? "").trim();
    phone = (input.phone ?? "").trim();
    if (name.length < 2 || name.length > 30) throw badRequest("请输入账号使用人的真实姓名（2–30 个字）");
    if (!PHONE_RE.test(phone)) throw badRequest("请输入正确的 11 位手机号");
  }
  checkNewPassword(input.newPassword, input.confirmPassword, { account: row.account, phone });
  if (await verifyPassword(row.passwordHash, input.newPassword)) throw badRequest("新密码不能与初始密码相同");
  if (binding) await verifySmsCode(deps, { phone: phone!, purpose: "BIND_PHONE", code: input.smsCode ?? "" });
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { name, phone, passwordHash, mustChangePassword: false, initialPasswordEnc: null, passwordChangedAt: clock.now() },
    });
    await endOtherSessions(tx, user.id, user.sid);
    await writeAudit(tx, {
      actor: user,
      action: binding ? "account.bind" : "account.password.initial",
      targetType: "User",
      targetId: user.id,
      summary: binding ? `首次登录绑定姓名与手机号 ${maskPhone(phone)} 并修改初始密码` : "修改初始密码",
      ip: meta.ip,
    });
  });
  return { ok: true };
}

/** A code to the account's own bound phone, for changing password or profile. */
export async function sendOwnPhoneCode(
  deps: Deps,
  user: SessionUser,
  purpose: "CHANGE_PASSWORD" | "CHANGE_PROFILE" | "SENSITIVE_ACTION" | "EXPORT" | "MANAGE_USERS" | "SIGN_ISSUANCE",
  meta: RequestMeta,
) {
  const row = await deps.db.user.findUniqueOrThrow({ where: { id: user.id } });
  if (!row.phone) throw badRequest("账号尚未绑定手机号");
  await sendSmsCode(deps, { phone: row.phone, purpose, userId: user.id, ip: meta.ip });
  return { phoneMasked: maskPhone(row.phone) };
}

export async function changePassword(
  deps: Deps,
  user: SessionUser,
  input: { oldPassword: string; newPassword: string; confirmPassword: string; smsCode: string },
  meta: RequestMeta,
) {
  const { db, clock } = deps;
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  if (!(await verifyPassword(row.passwordHash, input.oldPassword))) {
    await writeAudit(db, { actor: user, action: "account.password.change", outcome: "FAILURE", summary: "修改密码失败：原始密码错误", ip: meta.ip });
    throw badRequest("原始密码错误");
  }
  checkNewPassword(input.newPassword, input.confirmPassword, { account: row.account, phone: row.phone });
  if (input.newPassword === input.oldPassword) throw badRequest("新密码不能与原始密码相同");
  await verifySmsCode(deps, { phone: row.phone ?? "", purpose: "CHANGE_PASSWORD", code: input.smsCode });
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, initialPasswordEnc: null, passwordChangedAt: clock.now() },
    });
    await endOtherSessions(tx, user.id, user.sid);
    await writeAudit(tx, {
      actor: user,
      action: "account.password.change",
      targetType: "User",
      targetId: user.id,
      summary: "修改密码，其他会话已失效",
      ip: meta.ip,
    });
  });
  return { ok: true };
}

export async function updateProfile(
  deps: Deps,
  user: SessionUser,
  input: { name: string; email?: string | null; smsCode: string; newPhone?: string | null; newPhoneCode?: string | null; password?: string | null },
  meta: RequestMeta,
) {
  const { db } = deps;
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  const name = input.name.trim();
  if (name.length < 2 || name.length > 30) throw badRequest("请输入真实姓名（2–30 个字）");
  const email = input.email?.trim() || null;
  // 001 §1.4: 邮箱 is required in 修改资料.
  if (!email) throw badRequest("请填写邮箱");
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw badRequest("邮箱格式不正确");
  const changingPhone = !!input.newPhone && input.newPhone !== row.phone;
  if (changingPhone) {
    if (!PHONE_RE.test(input.newPhone!)) throw badRequest("请输入正确的 11 位手机号");
    // Changing the bound phone asks for re-authentication: password, old phone and new phone.
    if (!input.password || !(await verifyPassword(row.passwordHash, input.password))) throw badRequest("修改手机号需要输入正确的登录密码");
  }
  await verifySmsCode(deps, { phone: row.phone ?? "", purpose: "CHANGE_PROFILE", code: input.smsCode });
  if (changingPhone) await verifySmsCode(deps, { phone: input.newPhone!, purpose: "BIND_PHONE", code: input.newPhoneCode ?? "" });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { name, email, ...(changingPhone ? { phone: input.newPhone! } : {}) } });
    if (changingPhone) await endOtherSessions(tx, user.id, user.sid);
    await writeAudit(tx, {
      actor: user,
      action: "account.profile.update",
      targetType: "User",
      targetId: user.id,
      summary: changingPhone ? `修改资料，手机号改为 ${maskPhone(input.newPhone)}` : "修改资料",
      ip: meta.ip,
    });
  });
  return { ok: true };
}

const RESET_SENT = "如果账号与手机号匹配，验证码已发送到该手机";
const RESET_FAILED = "短信验证码错误或已失效，请重新获取";

/** Forgot password, step 1: account + its bound phone + captcha. The answer never reveals whether they match. */
export async function requestPasswordReset(
  deps: Deps,
  input: { account: string; phone: string } & CaptchaReply,
  meta: RequestMeta & { captchaToken?: string | null },
) {
  const { db, clock } = deps;
  if (!(await checkCaptcha(db, clock, input, meta.captchaToken))) throw badRequest("图形验证码错误或已过期，请重新输入");
  if (!PHONE_RE.test(input.phone)) throw badRequest("请输入正确的 11 位手机号");
  const user = await db.user.findUnique({ where: { account: input.account.trim() } });
  if (user && user.phone === input.phone) {
    await sendSmsCode(deps, { phone: user.phone, purpose: "RESET_PASSWORD", userId: user.id, ip: meta.ip });
  }
  await writeAudit(db, {
    action: "account.password.forgot",
    summary: `找回密码申请（账号 ${input.account.trim().slice(0, 32)}）`,
    ip: meta.ip,
    outcome: user && user.phone === input.phone ? "SUCCESS" : "FAILURE",
  });
  return { message: RESET_SENT };
}

/** Forgot password, step 2. A disabled account stays disabled: only a superior re-enables it. */
export async function resetForgottenPassword(
  deps: Deps,
  input: { account: string; phone: string; smsCode: string; newPassword: string; confirmPassword: string },
  meta: RequestMeta,
) {
  const { db, clock } = deps;
  const account = input.account.trim();
  // Everything that does not depend on the account first, the same for every caller.
  checkNewPassword(input.newPassword, input.confirmPassword, { account, phone: input.phone });
  if (!/^\d{6}$/.test(input.smsCode.trim())) throw badRequest("请输入 6 位短信验证码");
  const limits = [{ key: `reset:account:${account.slice(0, 64)}`, windowSeconds: 3600, max: 10 }];
  if (meta.ip) limits.push({ key: `reset:ip:${meta.ip}`, windowSeconds: 3600, max: 30 });
  if (!(await hitLimits(db, clock, limits))) throw new AppError("TOO_MANY_REQUESTS", "尝试过于频繁，请 1 小时后再试");
  const user = await db.user.findUnique({ where: { account } });
  // One answer for a wrong account, a wrong phone, a missing or used code and a wrong code: anything else
  // would tell a guesser which phone an account is bound to.
  try {
    if (!user || user.phone !== input.phone) throw badRequest(RESET_FAILED);
    await verifySmsCode(deps, { phone: input.phone, purpose: "RESET_PASSWORD", code: input.smsCode });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    await writeAudit(db, { action: "account.password.reset.self", outcome: "FAILURE", summary: `找回密码失败（账号 ${account.slice(0, 32)}）`, ip: meta.ip });
    throw badRequest(RESET_FAILED);
  }
  const passwordHash = await hashPassword(input.newPassword);
  const actor = { id: user.id, account: user.account, role: user.role, schoolId: user.schoolId, orgId: user.orgId, departmentId: user.departmentId };
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, initialPasswordEnc: null, failedLoginCount: 0, frozenUntil: null, passwordChangedAt: clock.now() },
    });
    await endOtherSessions(tx, user.id, null);
    await writeAudit(tx, {
      actor,
      action: "account.password.reset.self",
      targetType: "User",
      targetId: user.id,
      summary: "通过绑定手机号重置密码，原有会话已失效",
      ip: meta.ip,
    });
  });
  return { ok: true, stillDisabled: user.status === "DISABLED" };
}
