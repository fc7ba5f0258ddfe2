// One-time SMS codes: 6 digits from a secure source, stored keyed-hashed, 5 minutes, single use,
// dead after 5 wrong tries; sending is throttled per phone, per IP and per account.
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { SmsPurpose } from "@/generated/prisma/enums";
import { AppError, badRequest } from "@/server/errors";
import { keyedHash, randomDigits, safeEqualHex } from "@/server/crypto";
import { hitLimits } from "@/server/rate-limit";
import type { SmsGateway } from "./gateway";
import { log } from "@/server/log";

export const SMS_CODE_TTL_MS = 5 * 60 * 1000;
export const SMS_MAX_ATTEMPTS = 5;

const PURPOSE_TEXT: Record<SmsPurpose, string> = {
  LOGIN: "登录",
  BIND_PHONE: "绑定手机号",
  RESET_PASSWORD: "重置密码",
  CHANGE_PASSWORD: "修改密码",
  CHANGE_PROFILE: "修改资料",
  SENSITIVE_ACTION: "身份验证",
  EXPORT: "数据导出",
  MANAGE_USERS: "用户管理",
  REGISTER: "院校注册",
  ACTIVATE: "激活账号",
  SIGN_ISSUANCE: "证书签发确认",
};

export async function sendSmsCode(
  deps: { db: Db; clock: Clock; sms: SmsGateway },
  input: { phone: string; purpose: SmsPurpose; userId?: string | null; ip?: string | null },
): Promise<{ codeId: string }> {
  const { db, clock, sms } = deps;
  const allowed = await hitLimits(db, clock, [
    // One code a minute per phone and purpose (logging in, then exporting, is fine); ten an hour per phone.
    { key: `sms:phone:${input.phone}:${input.purpose}:1m`, windowSeconds: 60, max: 1 },
    { key: `sms:phone:${input.phone}:1h`, windowSeconds: 3600, max: 10 },
    // Per IP generously: a whole campus can sit behind one NAT address.
    ...(input.ip ? [{ key: `sms:ip:${input.ip}:1h`, windowSeconds: 3600, max: 300 }] : []),
    ...(input.userId ? [{ key: `sms:user:${input.userId}:1h`, windowSeconds: 3600, max: 10 }] : []),
  ]);
  if (!allowed) throw new AppError("TOO_MANY_REQUESTS", "验证码发送过于频繁，请稍后再试");
  const code = randomDigits(6);
  const now = clock.now();
  const row = await db.smsCode.create({
    data: {
      phone: input.phone,
      purpose: input.purpose,
      userId: input.userId ?? null,
      codeHash: keyedHash(`${input.phone}:${input.purpose}:${code}`),
      expiresAt: new Date(now.getTime() + SMS_CODE_TTL_MS),
      createdAt: now,
    },
  });
  try {
    await sms.send(
      input.phone,
      `【职业技能等级证书信息管理服务平台】您的${PURPOSE_TEXT[input.purpose]}验证码为 ${code}，5 分钟内有效。如非本人操作，请忽略本短信。`,
    );
  } catch (e) {
    // Fail closed: the code is void, the user retries; the second factor is never skipped.
    await db.smsCode.update({ where: { id: row.id }, data: { consumedAt: now } });
    log.error({ err: e }, "sms send failed");
    throw new AppError("SERVICE_UNAVAILABLE", "短信发送失败，请稍后重试");
  }
  return { codeId: row.id };
}

/**
 * Checks and consumes the newest live code for phone+purpose (or the given code id).
 * Throws a Chinese message on any failure.
 */
export async function verifySmsCode(
  deps: { db: Db; clock: Clock },
  input: { phone: string; purpose: SmsPurpose; code: string; codeId?: string | null },
): Promise<void> {
  const { db, clock } = deps;
  const now = clock.now();
  const code = input.code.trim();
  if (!/^\d{6}$/.test(code)) throw badRequest("请输入 6 位短信验证码");
  const live = await db.smsCode.findFirst({
    where: {
      phone: input.phone,
      purpose: input.purpose,
      consumedAt: null,
      expiresAt: { gt: now },
      ...(input.codeId ? { id: input.codeId } : {}),
    },
    orderBy: { createdAt: "desc" },
  });
  if (!live) throw badRequest("短信验证码已失效，请重新获取");
  // Count the attempt first, atomically, so parallel guesses cannot exceed the limit.
  const counted = await db.smsCode.updateMany({
    where: { id: live.id, consumedAt: null, attempts: { lt: SMS_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count === 0) throw badRequest("短信验证码错误次数过多，请重新获取");
  if (!safeEqualHex(live.codeHash, keyedHash(`${input.phone}:${input.purpose}:${code}`))) {
    throw badRequest("短信验证码错误");
  }
  const used = await db.smsCode.updateMany({ where: { id: live.id, consumedAt: null }, data: { consumedAt: now } });
  if (used.count === 0) throw badRequest("短信验证码已使用，请重新获取");
}
