// A school that never piloted registers itself (001 §2.1.2): province, a school name that matches the
// Ministry's list (教育部院校名录) with its code, the phone (SMS code) and a contact. It gets the principal
// account (= school code) with a generated password, shown once and sent to that phone, and a school in
// 申报中 state that may only complete its information and apply until an application is approved.
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { SmsGateway } from "@/server/sms/gateway";
import type { RequestMeta } from "@/server/session-user";
import { writeAudit } from "@/server/audit/write";
import { AppError, badRequest, conflict } from "@/server/errors";
import { hitLimits } from "@/server/rate-limit";
import { checkCaptcha, type CaptchaReply } from "@/server/auth/captcha";
import { sendSmsCode, verifySmsCode } from "@/server/sms/codes";
import { hashPassword } from "@/server/auth/password";
import { randomInitialPassword } from "@/server/crypto";
import { notify } from "@/server/reviews/events";
import { PHONE_RE } from "@/domain/auth/mask";

type Deps = { db: Db; clock: Clock; sms: SmsGateway };
export type RegistrationInput = { provinceCode: string; name: string; code: string; phone: string };

const NOT_LISTED =
  "系统中未找到该院校。院校名称来自教育部官方数据，须与系统中的名称完全一致；如院校不在系统中或名称有误，请联系所在省级教育行政部门的 1+X 证书试点项目负责人";

/** Names of the province's listed schools that contain the text (for the 院校名称 picker). */
export async function searchDirectory({ ctx: { db }, input: { provinceCode, q } }: { ctx: { db: Db }; input: { provinceCode: string; q: string } }) {
  if (!/^\d{2}$/.test(provinceCode) || !q.trim()) return [];
  return db.schoolDirectoryEntry.findMany({
    where: { provinceCode, name: { contains: q.trim() } },
    select: { name: true },
    orderBy: { name: "asc" },
    take: 10,
  });
}

async function checkRegistrable(db: Db, input: RegistrationInput) {
  const name = input.name.trim();
  const code = input.code.trim();
  if (!/^\d{2}$/.test(input.provinceCode)) throw badRequest("请先选择院校所在省市");
  if (!name) throw badRequest("请填写院校名称");
  if (!/^\d{10}$/.test(code)) throw badRequest("院校代码为 10 位数字");
  if (!PHONE_RE.test(input.phone)) throw badRequest("请输入正确的 11 位手机号");
  const entry = await db.schoolDirectoryEntry.findUnique({ where: { provinceCode_name: { provinceCode: input.provinceCode, name } } });
  if (!entry) throw badRequest(NOT_LISTED);
  if (entry.code !== code) throw badRequest("院校代码与院校名称不符，请核对后重新填写");
  if (await db.school.count({ where: { OR: [{ code }, { name }] } })) throw conflict("该院校已注册，请直接登录；如忘记账号，请联系所在省级教育行政部门");
  return entry;
}

export const REGISTER_LIMITS = { perSchoolDay: 5, perClientHour: 5, perClientDay: 10, allDay: 500 };

export async function sendRegistrationCode(deps: Deps, input: RegistrationInput & CaptchaReply, meta: RequestMeta & { captchaToken?: string | null }) {
  if (!(await checkCaptcha(deps.db, deps.clock, input, meta.captchaToken))) throw badRequest("图形验证码错误或已过期，请重新输入");
  const entry = await checkRegistrable(deps.db, input);
  // Registration is rare (a few hundred schools a year) and anonymous: codes per school, per client and for
  // the whole platform are capped, so the form cannot be used to send SMS to arbitrary phones.
  const limits = [
    { key: `register:school:${entry.code}:1d`, windowSeconds: 86400, max: REGISTER_LIMITS.perSchoolDay },
    { key: "register:all:1d", windowSeconds: 86400, max: REGISTER_LIMITS.allDay },
    ...(meta.ip
      ? [
          { key: `register:ip:${meta.ip}:1h`, windowSeconds: 3600, max: REGISTER_LIMITS.perClientHour },
          { key: `register:ip:${meta.ip}:1d`, windowSeconds: 86400, max: REGISTER_LIMITS.perClientDay },
        ]
      : []),
  ];
  if (!(await hitLimits(deps.db, deps.clock, limits)))
    throw new AppError("TOO_MANY_REQUESTS", "注册验证码发送次数已达上限，请明天再试或联系所在省级教育行政部门");
  await sendSmsCode(deps, { phone: input.phone, purpose: "REGISTER", ip: meta.ip });
  return { ok: true };
}

export async function registerSchool(deps: Deps, input: RegistrationInput & { contactName: string; smsCode: string }, meta: RequestMeta) {
  const { db, clock } = deps;
  const contactName = input.contactName.trim();
  if (!contactName || contactName.length > 30) throw badRequest("请填写联系人姓名（不超过 30 字）");
  const entry = await checkRegistrable(db, input);
  await verifySmsCode(deps, { phone: input.phone, purpose: "REGISTER", code: input.smsCode });
  const province = await db.educationDepartment.findFirst({ where: { level: "PROVINCE", regionCode: `${entry.provinceCode}0000` }, select: { id: true } });
  const password = randomInitialPassword();
  const passwordHash = await hashPassword(password);
  const now = clock.now();
  const created = await db
    .$transaction(async (tx) => {
      const school = await tx.school.create({
        data: {
          code: entry.code,
          name: entry.name,
          type: entry.type,
          regionCode: entry.regionCode,
          supervisingDepartmentId: province?.id ?? null,
          status: "APPLYING",
          isPilot: false,
          contactName,
          contactPhone: input.phone,
        },
      });
      // The phone is verified by the code just used; the password went only to that phone, so no first-login binding.
      const user = await tx.user.create({
        data: {
          account: entry.code,
          passwordHash,
          mustChangePassword: false,
          passwordChangedAt: now,
          name: contactName,
          phone: input.phone,
          role: "SCHOOL_PRINCIPAL",
          schoolId: school.id,
        },
      });
      await writeAudit(tx, {
        actor: { id: user.id, account: user.account, role: "SCHOOL_PRINCIPAL", schoolId: school.id },
        action: "school.register",
        targetType: "School",
        targetId: school.id,
        summary: `院校注册：${entry.name}（${entry.code}）`,
        ip: meta.ip,
      });
      return { account: user.account };
    })
    .catch((e) => {
      if ((e as { code?: string }).code === "P2002") throw conflict("该院校已注册，请直接登录；如忘记账号，请联系所在省级教育行政部门");
      throw e;
    });
  await notify(deps.sms, input.phone, `${entry.name}已注册成功，账号：${created.account}，密码：${password}。请妥善保管并及时修改密码。`);
  return { account: created.account, password, schoolName: entry.name };
}
