// 激活学生账号: ID number + the phone on the candidate record + an SMS code → the first password, without the school
// resetting it; then the usual login. The answers never tell whether a record matched; an activated account, a
// disabled one or another role cannot be taken over this way.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, lastSmsCode, login, newBrowser, solvedCaptcha } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import { NO_PASSWORD } from "@/server/candidates/save-candidate";
import { ACTIVATE_SENT } from "@/server/auth/activate";
import { makeSchool, makeUser, nextPhone } from "../support/factories";

const t = useTestDb();
const clock = fixedClock("2026-06-01T02:00:00Z");
const NEW_PASSWORD = "Xuesheng#2026a";
const f = {} as { idNumber: string; phone: string; userId: string };

/** A candidate as 添加考生 leaves it: a student account without a password, the phone on the record. */
async function candidate(schoolId: string) {
  const idNumber = `E${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const phone = nextPhone();
  const user = await t.db.user.create({
    data: { account: idNumber, passwordHash: NO_PASSWORD, mustChangePassword: true, name: "孙小美", phone, idNumber, role: "STUDENT" },
  });
  await t.db.candidate.create({
    data: {
      number: `2${Date.now()}${Math.floor(Math.random() * 1e12)}`.padEnd(26, "0").slice(0, 26),
      type: "SCHOOL",
      schoolId,
      name: "孙小美",
      pinyin: "sun xiao mei",
      gender: "FEMALE",
      idType: "PASSPORT",
      idNumber,
      phone,
      userId: user.id,
    },
  });
  return { idNumber, phone, userId: user.id };
}

beforeAll(async () => {
  Object.assign(f, await candidate((await makeSchool(t.db)).id));
});

const sent = (phone: string) => t.db.smsOutbox.count({ where: { phone } });

describe("激活学生账号", () => {
  it("a wrong phone or an unknown ID number gets the same answer and no SMS", async () => {
    const api = caller(t.db, { clock, browser: newBrowser() });
    const other = nextPhone();
    expect(await api.auth.activateRequest({ idNumber: f.idNumber, phone: other, ...(await solvedCaptcha(api)) })).toEqual({ message: ACTIVATE_SENT });
    expect(await api.auth.activateRequest({ idNumber: "E00000000", phone: f.phone, ...(await solvedCaptcha(api)) })).toEqual({ message: ACTIVATE_SENT });
    expect(await sent(other)).toBe(0);
    expect(await sent(f.phone)).toBe(0);
    const wrongCaptcha = { ...(await solvedCaptcha(api)), captchaAnswer: "0000" };
    await expect(api.auth.activateRequest({ idNumber: f.idNumber, phone: f.phone, ...wrongCaptcha })).rejects.toThrow(/图形验证码/);
  });

  it("the right phone gets a code; a wrong code changes nothing; the right one sets the password and the usual login works", async () => {
    const api = caller(t.db, { clock, browser: newBrowser() });
    expect(await api.auth.activateRequest({ idNumber: f.idNumber.toLowerCase(), phone: f.phone, ...(await solvedCaptcha(api)) })).toEqual({
      message: ACTIVATE_SENT,
    });
    const code = await lastSmsCode(t.db, f.phone);
    const wrong = code === "000000" ? "111111" : "000000";
    const input = { idNumber: f.idNumber, phone: f.phone, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    await expect(api.auth.activate({ ...input, smsCode: wrong })).rejects.toThrow("短信验证码错误或已失效");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: f.userId } })).passwordHash).toBe(NO_PASSWORD);
    await expect(api.auth.activate({ ...input, smsCode: code, confirmPassword: "Other#2026abc" })).rejects.toThrow();
    expect(await api.auth.activate({ ...input, smsCode: code })).toEqual({ ok: true });
    const u = await t.db.user.findUniqueOrThrow({ where: { id: f.userId } });
    expect(u).toMatchObject({ mustChangePassword: false, phone: f.phone, name: "孙小美" });
    clock.advance(61_000);
    const session = await login(t.db, clock, f.idNumber, NEW_PASSWORD);
    expect(session).toMatchObject({ role: "STUDENT", needsBinding: false, mustChangePassword: false });
    await expect(caller(t.db, { clock, session }).student.registrations()).resolves.toEqual([]);
    // Activated: the way is closed (the code is used, and no new one is sent).
    clock.advance(61_000);
    const before = await sent(f.phone);
    await api.auth.activateRequest({ idNumber: f.idNumber, phone: f.phone, ...(await solvedCaptcha(api)) });
    expect(await sent(f.phone)).toBe(before);
    await expect(api.auth.activate({ ...input, smsCode: code })).rejects.toThrow("短信验证码错误或已失效");
    const audit = await t.db.auditLog.findMany({ where: { action: "account.activate" }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.outcome)).toEqual(["FAILURE", "SUCCESS", "FAILURE"]);
  });

  it("never another role's or a disabled student's account", async () => {
    const school = await makeSchool(t.db);
    const principal = await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: school.id }, { mustChangePassword: true });
    const disabled = await candidate(school.id);
    await t.db.user.update({ where: { id: disabled.userId }, data: { status: "DISABLED" } });
    const api = caller(t.db, { clock, browser: newBrowser("203.0.113.77") });
    await api.auth.activateRequest({ idNumber: principal.account, phone: principal.phone!, ...(await solvedCaptcha(api)) });
    await api.auth.activateRequest({ idNumber: disabled.idNumber, phone: disabled.phone, ...(await solvedCaptcha(api)) });
    expect(await sent(principal.phone!)).toBe(0);
    expect(await sent(disabled.phone)).toBe(0);
  });
});
