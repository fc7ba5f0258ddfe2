// Login in two factors: account + password + image captcha, then an SMS code to the bound phone unless
// this browser was verified for the account in the last 7 days. Only a challenge that passed both
// factors can be exchanged for a session (next-auth's authorize calls consumeLoginChallenge).
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { SmsGateway } from "@/server/sms/gateway";
import type { RequestMeta } from "@/server/session-user";
import { env } from "@/server/env";
import { AppError, badRequest } from "@/server/errors";
import { randomToken, sha256 } from "@/server/crypto";
import { hitLimit } from "@/server/rate-limit";
import { writeAudit } from "@/server/audit/write";
import { checkCaptcha, type CaptchaReply } from "./captcha";
import { burnPasswordCheck, verifyPassword } from "./password";
import { sendSmsCode, verifySmsCode } from "@/server/sms/codes";
import { FREEZE_AFTER, LOGIN_FAILED, onPasswordFailure } from "@/domain/auth/lockout";
import { maskPhone } from "@/domain/auth/mask";
import { PORTAL_ROLES, PORTAL_TITLES, ROLE_LABELS, portalOfRole, type Portal } from "@/domain/auth/portals";

export const CHALLENGE_TTL_MS = 10 * 60 * 1000;
export const TRUST_DAYS = 7;

type Deps = { db: Db; clock: Clock; sms: SmsGateway };

export async function isTrustedDevice(db: Db, clock: Clock, userId: string, deviceToken: string | null | undefined): Promise<boolean> {
  if (!deviceToken) return false;
  const row = await db.trustedDevice.findFirst({
    where: { userId, tokenHash: sha256(deviceToken), revokedAt: null, expiresAt: { gt: clock.now() } },
    select: { id: true },
  });
  return !!row;
}

export async function startLogin(
  deps: Deps,
  input: { portal: Portal; account: string; password: string } & CaptchaReply,
  meta: RequestMeta & { deviceToken?: string | null; captchaToken?: string | null },
): Promise<{ challenge: string; needSms: boolean; phoneMasked: string | null }> {
  const { db, clock } = deps;
  const now = clock.now();
  if (!(await checkCaptcha(db, clock, input, meta.captchaToken))) {
    throw badRequest("图形验证码错误或已过期，请重新输入");
  }
  if (meta.ip && !(await hitLimit(db, clock, { key: `login:ip:${meta.ip}`, windowSeconds: 600, max: 100 }))) {
    throw new AppError("TOO_MANY_REQUESTS", "登录尝试过于频繁，请稍后再试");
  }
  const account = input.account.trim();
  const user = await db.user.findUnique({ where: { account } });
  if (!user) {
    await burnPasswordCheck(input.password);
    await writeAudit(db, { action: "auth.login", outcome: "FAILURE", summary: `登录失败：账号不存在（${account.slice(0, 32)}）`, ip: meta.ip });
    throw badRequest(LOGIN_FAILED);
  }
  const actor = { id: user.id, account: user.account, role: user.role, schoolId: user.schoolId, orgId: user.orgId, departmentId: user.departmentId };
  const freezeSeconds = env().AUTH_FREEZE_SECONDS;
  // Claim the attempt before the hash check, atomically: it counts as a failure until the password proves
  // right, and the claim that reaches the threshold freezes at once, so a burst of parallel guesses gets at
  // most FREEZE_AFTER hash checks; while frozen nothing is checked (same answer, same work, as for a stranger).
  const claimed = await db.$queryRaw<{ failedLoginCount: number }[]>`
    UPDATE "User" SET "failedLoginCount" = "failedLoginCount" + 1,
      "frozenUntil" = CASE WHEN "failedLoginCount" + 1 >= ${FREEZE_AFTER} THEN ${new Date(now.getTime() + freezeSeconds * 1000)}::timestamptz ELSE NULL END
    WHERE id = ${user.id}::uuid AND ("frozenUntil" IS NULL OR "frozenUntil" <= ${now}::timestamptz)
    RETURNING "failedLoginCount"`;
  if (claimed.length === 0) {
    await burnPasswordCheck(input.password);
    await writeAudit(db, { actor, action: "auth.login", outcome: "FAILURE", summary: "登录被拒：账号冻结中，未校验密码", ip: meta.ip });
    throw badRequest(LOGIN_FAILED);
  }
  const failures = claimed[0].failedLoginCount;
  const trusted = await isTrustedDevice(db, clock, user.id, meta.deviceToken);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const outcome = onPasswordFailure({ failures, fromTrustedDevice: trusted, now, freezeSeconds });
    if (outcome.kind === "disable" && user.status === "ACTIVE") {
      await db.$transaction(async (tx) => {
        await tx.user.update({
          where: { id: user.id },
          data: { status: "DISABLED", disabledReason: "密码连续错误次数过多", frozenUntil: null, sessionVersion: { increment: 1 } },
        });
        await writeAudit(tx, { actor, action: "auth.lockout.disable", outcome: "FAILURE", summary: `密码连续错误 ${failures} 次，账号已停用`, ip: meta.ip });
      });
    } else if (outcome.kind === "freeze") {
      // The claim froze for the base period; a longer streak freezes longer (never shorter than already set).
      await db.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "User" SET "frozenUntil" = GREATEST("frozenUntil", ${outcome.until}::timestamptz) WHERE id = ${user.id}::uuid`;
        await writeAudit(tx, {
          actor,
          action: "auth.lockout.freeze",
          outcome: "FAILURE",
          summary: `密码连续错误 ${failures} 次，冻结至 ${outcome.until.toISOString()}`,
          ip: meta.ip,
        });
      });
    } else {
      await writeAudit(db, { actor, action: "auth.login", outcome: "FAILURE", summary: `登录失败：密码错误（连续第 ${failures} 次）`, ip: meta.ip });
    }
    throw badRequest(LOGIN_FAILED);
  }
  // Right: the streak ends. A freeze earned by others cannot be cleared here: its third claim would have been
  // counted before ours and refused ours, so at most FREEZE_AFTER - 1 failures of this burst are counted now.
  await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, frozenUntil: null } });
  // The password is proven right: from here on the manual's own wording (001 §1.2).
  if (user.status === "DISABLED") {
    await writeAudit(db, { actor, action: "auth.login", outcome: "FAILURE", summary: "登录失败：账号已停用", ip: meta.ip });
    throw new AppError("FORBIDDEN", `账号已停用。${disabledMessage(user.role)}`);
  }
  // A stopped organization or school closes its accounts too.
  const tenantStopped =
    (user.orgId && (await db.evaluationOrg.findUnique({ where: { id: user.orgId }, select: { status: true } }))?.status === "DISABLED") ||
    (user.schoolId && (await db.school.findUnique({ where: { id: user.schoolId }, select: { status: true } }))?.status === "DISABLED");
  if (tenantStopped) throw new AppError("FORBIDDEN", "所属机构已停用，请联系平台管理员");
  if (!PORTAL_ROLES[input.portal].includes(user.role)) {
    throw badRequest(`该账号为${ROLE_LABELS[user.role]}账号，请从“${PORTAL_TITLES[portalOfRole(user.role)]}”登录`);
  }
  const token = randomToken();
  // No bound phone yet (first login): no SMS is possible; the session can only bind a phone, which
  // needs an SMS code to that phone, and change the one-time initial password.
  const needSms = !trusted && !!user.phone;
  let smsCodeId: string | null = null;
  if (needSms) {
    smsCodeId = (await sendSmsCode(deps, { phone: user.phone!, purpose: "LOGIN", userId: user.id, ip: meta.ip })).codeId;
  }
  await db.$transaction(async (tx) => {
    await tx.loginChallenge.create({
      data: {
        tokenHash: sha256(token),
        userId: user.id,
        portal: input.portal,
        smsCodeId,
        verifiedAt: needSms ? null : now,
        expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
        ip: meta.ip,
        createdAt: now,
      },
    });
    await writeAudit(tx, {
      actor,
      action: "auth.password",
      summary: needSms ? "密码验证通过，已发送登录短信验证码" : trusted ? "密码验证通过（已信任的浏览器）" : "密码验证通过（首次登录，待绑定手机号）",
      ip: meta.ip,
    });
  });
  return { challenge: token, needSms, phoneMasked: maskPhone(user.phone) };
}

function disabledMessage(role: string): string {
  if (role === "SCHOOL_ADMIN") return "请联系本校试点院校负责人账号重新启用";
  if (role === "SCHOOL_PRINCIPAL") return "请联系省级教育行政部门 1+X 证书试点项目负责人重新启用";
  return "请联系上级管理员重新启用";
}

export async function verifyLoginSms(
  deps: { db: Db; clock: Clock },
  input: { challenge: string; code: string; trustDevice: boolean },
  meta: RequestMeta,
): Promise<{ userId: string }> {
  const { db, clock } = deps;
  const now = clock.now();
  const ch = await db.loginChallenge.findUnique({ where: { tokenHash: sha256(input.challenge) } });
  if (!ch || ch.consumedAt || ch.expiresAt <= now) throw badRequest("登录已超时，请重新登录");
  if (ch.verifiedAt) return { userId: ch.userId };
  const user = await db.user.findUniqueOrThrow({ where: { id: ch.userId } });
  const actor = { id: user.id, account: user.account, role: user.role, schoolId: user.schoolId, orgId: user.orgId, departmentId: user.departmentId };
  try {
    await verifySmsCode(deps, { phone: user.phone ?? "", purpose: "LOGIN", code: input.code, codeId: ch.smsCodeId });
  } catch (e) {
    await writeAudit(db, { actor, action: "auth.sms.verify", outcome: "FAILURE", summary: `登录短信验证失败：${(e as Error).message}`, ip: meta.ip });
    throw e;
  }
  await db.$transaction(async (tx) => {
    await tx.loginChallenge.update({ where: { id: ch.id }, data: { verifiedAt: now, trustDevice: input.trustDevice } });
    await writeAudit(tx, { actor, action: "auth.sms.verify", summary: "登录短信验证通过", ip: meta.ip });
  });
  return { userId: user.id };
}

/** Remembers this browser for the account for 7 days; returns the device token to put in the cookie. */
export async function trustDevice({ db, clock }: { db: Db; clock: Clock }, userId: string, existingToken: string | null | undefined): Promise<string> {
  const token = existingToken && /^[A-Za-z0-9_-]{43}$/.test(existingToken) ? existingToken : randomToken();
  const expiresAt = new Date(clock.now().getTime() + TRUST_DAYS * 86400000);
  await db.trustedDevice.upsert({
    where: { tokenHash_userId: { tokenHash: sha256(token), userId } },
    create: { tokenHash: sha256(token), userId, expiresAt },
    update: { expiresAt, revokedAt: null },
  });
  return token;
}

/** Exchanges a fully verified challenge for a server-side session; single use. */
export async function consumeLoginChallenge(
  deps: { db: Db; clock: Clock },
  token: string,
  meta: RequestMeta,
): Promise<{ userId: string; sid: string; trustDevice: boolean } | null> {
  const { db, clock } = deps;
  const now = clock.now();
  const rows = await db.$queryRaw<{ userId: string; trustDevice: boolean }[]>`
    UPDATE "LoginChallenge" SET "consumedAt" = ${now}
    WHERE "tokenHash" = ${sha256(token)} AND "verifiedAt" IS NOT NULL AND "consumedAt" IS NULL AND "expiresAt" > ${now}
    RETURNING "userId", "trustDevice"`;
  if (rows.length === 0) return null;
  const user = await db.user.findUnique({ where: { id: rows[0].userId } });
  if (!user || user.status !== "ACTIVE") return null;
  const actor = { id: user.id, account: user.account, role: user.role, schoolId: user.schoolId, orgId: user.orgId, departmentId: user.departmentId };
  const session = await db.$transaction(async (tx) => {
    const s = await tx.authSession.create({
      data: {
        userId: user.id,
        sessionVersion: user.sessionVersion,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + env().SESSION_MAX_HOURS * 3600000),
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await writeAudit(tx, { actor, action: "auth.login", summary: "登录成功", ip: meta.ip, targetType: "AuthSession", targetId: s.id });
    return s;
  });
  return { userId: user.id, sid: session.id, trustDevice: rows[0].trustDevice };
}
