import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { useTestDb } from "../support/db";
import { caller, lastSmsCode, login, newBrowser, solvedCaptcha } from "../support/trpc";
import { makeSchool, makeUser, nextPhone, PASSWORD } from "../support/factories";
import { fixedClock } from "@/server/clock";
import { resolveSession } from "@/server/auth/session";

const t = useTestDb();
const T0 = "2026-11-22T02:00:00Z";

describe("first login", () => {
  it("forbids every procedure but binding until name, phone and a new password are set", async () => {
    const school = await makeSchool(t.db);
    const u = await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: school.id }, { bound: false });
    const clock = fixedClock(T0);
    const s = await login(t.db, clock, u.account, PASSWORD); // no phone yet: no SMS possible
    expect(s.needsBinding).toBe(true);
    const api = caller(t.db, { clock, session: s });
    await expect(api.workbench.get()).rejects.toMatchObject({ code: "FORBIDDEN", message: "请先完成账号绑定并修改初始密码" });
    await expect(api.lists.users({ filter: {}, page: 1, pageSize: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await api.auth.me()).needsBinding).toBe(true);

    const phone = nextPhone();
    await api.auth.sendBindCode({ phone });
    const code = await lastSmsCode(t.db, phone);
    // Bad input changes nothing.
    await expect(api.auth.completeFirstLogin({ name: "黄老师", phone, smsCode: code, newPassword: "short", confirmPassword: "short" })).rejects.toThrow(
      "密码至少 8 位",
    );
    await expect(
      api.auth.completeFirstLogin({ name: "黄老师", phone, smsCode: code, newPassword: "Good@2026a", confirmPassword: "Good@2026b" }),
    ).rejects.toThrow("不一致");
    await expect(api.auth.completeFirstLogin({ name: "黄老师", phone, smsCode: code, newPassword: PASSWORD, confirmPassword: PASSWORD })).rejects.toThrow(
      "不能与初始密码相同",
    );
    await expect(
      api.auth.completeFirstLogin({ name: "黄老师", phone, smsCode: "000000", newPassword: "Good@2026a", confirmPassword: "Good@2026a" }),
    ).rejects.toThrow("短信验证码错误");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).phone).toBeNull();

    await api.auth.completeFirstLogin({ name: "黄老师", phone, smsCode: code, newPassword: "Good@2026a", confirmPassword: "Good@2026a" });
    const fresh = await resolveSession(t.db, clock, s.sid);
    expect(fresh).toMatchObject({ needsBinding: false, mustChangePassword: false });
    await expect(caller(t.db, { clock, session: fresh }).workbench.get()).resolves.toHaveProperty("items");
    // The next login needs the SMS code to the newly bound phone.
    clock.advance(61_000);
    const api2 = caller(t.db, { clock });
    const st = await api2.auth.login({ portal: "school", account: u.account, password: "Good@2026a", ...(await solvedCaptcha(api2)) });
    expect(st.needSms).toBe(true);
  });
});

describe("change password and profile", () => {
  it("needs the current password and an SMS code, and ends the other sessions", async () => {
    const school = await makeSchool(t.db);
    const u = await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: school.id });
    const clock = fixedClock(T0);
    const a = await login(t.db, clock, u.account, PASSWORD, { browser: newBrowser("198.51.100.1"), trust: true });
    clock.advance(61_000);
    const b = await login(t.db, clock, u.account, PASSWORD, { browser: newBrowser("198.51.100.2") });
    const api = caller(t.db, { clock, session: a });
    clock.advance(61_000);
    await api.auth.sendOwnCode({ purpose: "CHANGE_PASSWORD" });
    const code = await lastSmsCode(t.db, u.phone!);
    await expect(
      api.auth.changePassword({ oldPassword: "Wrong@1234", newPassword: "Next@2026x", confirmPassword: "Next@2026x", smsCode: code }),
    ).rejects.toThrow("原始密码错误");
    await api.auth.changePassword({ oldPassword: PASSWORD, newPassword: "Next@2026x", confirmPassword: "Next@2026x", smsCode: code });
    expect(await resolveSession(t.db, clock, a.sid)).not.toBeNull();
    expect(await resolveSession(t.db, clock, b.sid)).toBeNull();
    // Trusted browsers are forgotten too.
    expect(await t.db.trustedDevice.count({ where: { userId: u.id, revokedAt: null } })).toBe(0);
  });

  it("changing the bound phone needs the password and codes to both phones", async () => {
    const school = await makeSchool(t.db);
    const u = await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: school.id });
    const clock = fixedClock(T0);
    const s = await login(t.db, clock, u.account, PASSWORD);
    const api = caller(t.db, { clock, session: s });
    clock.advance(61_000);
    await api.auth.sendOwnCode({ purpose: "CHANGE_PROFILE" });
    const oldCode = await lastSmsCode(t.db, u.phone!);
    const phone = nextPhone();
    await api.auth.sendNewPhoneCode({ phone });
    const newCode = await lastSmsCode(t.db, phone);
    // 邮箱 is required (001 §1.4).
    await expect(api.auth.updateProfile({ name: "新名字", smsCode: oldCode, password: PASSWORD })).rejects.toThrow("请填写邮箱");
    await expect(
      api.auth.updateProfile({ name: "新名字", email: "a@b.cn", smsCode: oldCode, newPhone: phone, newPhoneCode: newCode, password: "Wrong@1234" }),
    ).rejects.toThrow("登录密码");
    await api.auth.updateProfile({ name: "新名字", email: "a@b.cn", smsCode: oldCode, newPhone: phone, newPhoneCode: newCode, password: PASSWORD });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({ name: "新名字", phone, email: "a@b.cn" });
  });
});

describe("forgot password", () => {
  it("resets through the bound phone without revealing whether account and phone match", async () => {
    const school = await makeSchool(t.db);
    const u = await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: school.id });
    const clock = fixedClock(T0);
    const api = caller(t.db, { clock });
    const other = nextPhone();
    const r1 = await api.auth.forgotRequest({ account: u.account, phone: other, ...(await solvedCaptcha(api)) });
    expect(await t.db.smsOutbox.count({ where: { phone: other } })).toBe(0);
    const r2 = await api.auth.forgotRequest({ account: u.account, phone: u.phone!, ...(await solvedCaptcha(api)) });
    expect(r1.message).toBe(r2.message);
    const code = await lastSmsCode(t.db, u.phone!);
    await api.auth.forgotReset({ account: u.account, phone: u.phone!, smsCode: code, newPassword: "Reset@2026x", confirmPassword: "Reset@2026x" });
    await expect(login(t.db, clock, u.account, PASSWORD)).rejects.toThrow("账号或密码错误");
    clock.advance(61_000);
    await expect(login(t.db, clock, u.account, "Reset@2026x")).resolves.toMatchObject({ id: u.id });
  });
});

describe("forgot password guesses", () => {
  it("answers a wrong phone, a wrong code and an unknown account alike, and limits tries per account", async () => {
    const school = await makeSchool(t.db);
    const u = await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: school.id });
    const clock = fixedClock(T0);
    const api = caller(t.db, { clock });
    await api.auth.forgotRequest({ account: u.account, phone: u.phone!, ...(await solvedCaptcha(api)) });
    const reset = (account: string, phone: string, smsCode: string) =>
      api.auth.forgotReset({ account, phone, smsCode, newPassword: "Reset@2026x", confirmPassword: "Reset@2026x" }).catch((e: Error) => e.message);
    const right = await lastSmsCode(t.db, u.phone!);
    const wrong = right === "000000" ? "111111" : "000000";
    const answers = [await reset(u.account, nextPhone(), wrong), await reset(u.account, u.phone!, wrong), await reset("no-such-account", u.phone!, wrong)];
    expect(new Set(answers)).toEqual(new Set(["短信验证码错误或已失效，请重新获取"]));
    // A second account's phone with no code sent: the same answer again.
    const v = await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: (await makeSchool(t.db)).id });
    expect(await reset(v.account, v.phone!, wrong)).toBe(answers[0]);
    // Ten tries an hour per account, whatever the phone; the eleventh is refused before any check.
    for (let i = 0; i < 8; i++) await reset(u.account, nextPhone(), wrong);
    expect(await reset(u.account, u.phone!, right)).toBe("尝试过于频繁，请 1 小时后再试");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash).toBe(u.passwordHash);
  });
});

describe("errors", () => {
  it("input errors come back in Chinese and change nothing", async () => {
    const api = caller(t.db);
    const err = await api.auth.login({ portal: "school", account: "", password: "x", captchaId: "x", captchaAnswer: "1", captchaWork: 0 }).catch((e) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect(err.code).toBe("BAD_REQUEST");
  });
});
