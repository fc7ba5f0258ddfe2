// 激活账号 (学生个人空间): a student sets the first password without the school resetting it — the ID number, the
// phone on the candidate record and an SMS code to that phone. Only an account not activated yet (never had a
// password, or must still change the school's initial one); the answers never tell whether a record matched.
// After it the usual login (password, captcha, SMS) applies; the school's 重置密码 stays.
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { SmsGateway } from "@/server/sms/gateway";
import type { RequestMeta } from "@/server/session-user";
import { AppError, badRequest } from "@/server/errors";
import { hitLimits } from "@/server/rate-limit";
import { writeAudit } from "@/server/audit/write";
import { sendSmsCode, verifySmsCode } from "@/server/sms/codes";
import { cleanIdNumber } from "@/domain/candidates/identity";
import { PHONE_RE } from "@/domain/auth/mask";
import { NO_PASSWORD } from "@/server/candidates/save-candidate";
import { hashPassword } from "./password";
import { checkCaptcha, type CaptchaReply } from "./captcha";
import { checkNewPassword, endOtherSessions } from "./account";

type Deps = { db: Db; clock: Clock; sms: SmsGateway };
export const ACTIVATE_SENT = "如果证件号码与考生信息中的手机号匹配且账号尚未激活，验证码已发送到该手机";
const ACTIVATE_FAILED = "短信验证码错误或已失效，或账号信息不匹配，请重新获取";

/** The student account of this ID number that may be activated with this phone, or null. */
async function activatable(db: Db, idNumber: string, phone: string) {
  const user = await db.user.findUnique({
    where: { account: idNumber },
    select: {
      id: true,
      account: true,
      role: true,
      status: true,
      passwordHash: true,
      mustChangePassword: true,
      candidateStudentAccounts: { select: { name: true, phone: true, schoolId: true } },
    },
  });
  const candidate = user?.candidateStudentAccounts[0];
  if (!user || user.role !== "STUDENT" || user.status !== "ACTIVE" || !candidate || candidate.phone !== phone) return null;
  if (user.passwordHash !== NO_PASSWORD && !user.mustChangePassword) return null;
  return { ...user, candidate };
}

export async function requestActivation(
  deps: Deps,
  input: { idNumber: string; phone: string } & CaptchaReply,
  meta: RequestMeta & { captchaToken?: string | null },
) {
  const { db, clock } = deps;
  if (!(await checkCaptcha(db, clock, input, meta.captchaToken))) throw badRequest("图形验证码错误或已过期，请重新输入");
  if (!PHONE_RE.test(input.phone)) throw badRequest("请输入正确的 11 位手机号");
  const idNumber = cleanIdNumber(input.idNumber);
  const user = await activatable(db, idNumber, input.phone);
  if (user) await sendSmsCode(deps, { phone: input.phone, purpose: "ACTIVATE", userId: user.id, ip: meta.ip });
  await writeAudit(db, {
    action: "account.activate.request",
    summary: `学生激活账号申请（证件号码 ${idNumber.slice(0, 4)}****）`,
    ip: meta.ip,
    outcome: user ? "SUCCESS" : "FAILURE",
  });
  return { message: ACTIVATE_SENT };
}

export async function activateAccount(
  deps: Deps,
  input: { idNumber: string; phone: string; smsCode: string; newPassword: string; confirmPassword: string },
  meta: RequestMeta,
) {
  const { db, clock } = deps;
  const idNumber = cleanIdNumber(input.idNumber);
  checkNewPassword(input.newPassword, input.confirmPassword, { account: idNumber, phone: input.phone });
  if (!/^\d{6}$/.test(input.smsCode.trim())) throw badRequest("请输入 6 位短信验证码");
  const limits = [{ key: `activate:account:${idNumber.slice(0, 64)}`, windowSeconds: 3600, max: 10 }];
  if (meta.ip) limits.push({ key: `activate:ip:${meta.ip}`, windowSeconds: 3600, max: 30 });
  if (!(await hitLimits(db, clock, limits))) throw new AppError("TOO_MANY_REQUESTS", "尝试过于频繁，请 1 小时后再试");
  const user = await activatable(db, idNumber, input.phone);
  try {
    if (!user) throw badRequest(ACTIVATE_FAILED);
    await verifySmsCode(deps, { phone: input.phone, purpose: "ACTIVATE", code: input.smsCode });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    await writeAudit(db, { action: "account.activate", outcome: "FAILURE", summary: `学生激活账号失败（证件号码 ${idNumber.slice(0, 4)}****）`, ip: meta.ip });
    throw badRequest(ACTIVATE_FAILED);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    // The phone is bound as the candidate record has it, the name too: the account is complete at once.
    await tx.user.update({
      where: { id: user.id },
      data: {
        passwordHash,
        phone: input.phone,
        name: user.candidate.name,
        mustChangePassword: false,
        initialPasswordEnc: null,
        failedLoginCount: 0,
        frozenUntil: null,
        passwordChangedAt: clock.now(),
      },
    });
    await endOtherSessions(tx, user.id, null);
    await writeAudit(tx, {
      actor: { id: user.id, account: user.account, role: "STUDENT" },
      action: "account.activate",
      targetType: "User",
      targetId: user.id,
      summary: "学生通过考生信息中的手机号激活账号并设置密码",
      ip: meta.ip,
    });
  });
  return { ok: true };
}
