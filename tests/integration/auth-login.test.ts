import { describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { LOGIN_FAILED } from "@/domain/auth/lockout";
import { CAPTCHAS_PER_MINUTE } from "@/server/auth/captcha";
import { caller, lastSmsCode, login, newBrowser, solvedCaptcha } from "../support/trpc";
import { solveWork, workHash } from "@/domain/auth/work";
import { makeSchool, makeUser, PASSWORD } from "../support/factories";
import { fixedClock } from "@/server/clock";
import { consumeLoginChallenge } from "@/server/auth/login";
import { resolveSession } from "@/server/auth/session";

const t = useTestDb();
const T0 = "2026-11-22T02:00:00Z";

async function principal() {
  const school = await makeSchool(t.db);
  return makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: school.id });
}

async function start(
  account: string,
  password: string,
  opts: { clock?: ReturnType<typeof fixedClock>; browser?: ReturnType<typeof newBrowser>; answer?: string; portal?: "school" | "admin" } = {},
) {
  const api = caller(t.db, { clock: opts.clock, browser: opts.browser });
  return api.auth.login({ portal: opts.portal ?? "school", account, password, ...(await solvedCaptcha(api, opts.answer)) });
}

describe("login", () => {
  it("needs the image captcha, and a captcha answers once", async () => {
    const u = await principal();
    await expect(start(u.account, PASSWORD, { answer: "1234" })).rejects.toThrow("图形验证码错误或已过期");
    const api = caller(t.db);
    expect((await api.auth.captcha()).svg).toContain("<svg");
    const cap = await solvedCaptcha(api);
    await api.auth.login({ portal: "school", account: u.account, password: PASSWORD, ...cap });
    await expect(api.auth.login({ portal: "school", account: u.account, password: PASSWORD, ...cap })).rejects.toThrow("图形验证码");
  });

  it("a correct password with a wrong or missing SMS code never yields a session", async () => {
    const u = await principal();
    const clock = fixedClock(T0);
    const s = await start(u.account, PASSWORD, { clock });
    expect(s.needSms).toBe(true);
    expect(s.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    // No SMS step at all:
    expect(await consumeLoginChallenge({ db: t.db, clock }, s.challenge, { ip: null, userAgent: null })).toBeNull();
    const api = caller(t.db, { clock });
    await expect(api.auth.verifyLoginSms({ challenge: s.challenge, code: "000000", trustDevice: false })).rejects.toThrow("短信验证码错误");
    await expect(api.auth.verifyLoginSms({ challenge: s.challenge, code: "", trustDevice: false })).rejects.toThrow("6 位");
    expect(await consumeLoginChallenge({ db: t.db, clock }, s.challenge, { ip: null, userAgent: null })).toBeNull();
    // The right code then works once, and the challenge is single use.
    await api.auth.verifyLoginSms({ challenge: s.challenge, code: await lastSmsCode(t.db, u.phone!), trustDevice: false });
    const ok = await consumeLoginChallenge({ db: t.db, clock }, s.challenge, { ip: null, userAgent: null });
    expect(ok?.userId).toBe(u.id);
    expect(await consumeLoginChallenge({ db: t.db, clock }, s.challenge, { ip: null, userAgent: null })).toBeNull();
    const audit = await t.db.auditLog.findMany({ where: { userId: u.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toEqual(
      expect.arrayContaining(["auth.password:SUCCESS", "auth.sms.verify:FAILURE", "auth.sms.verify:SUCCESS", "auth.login:SUCCESS"]),
    );
    // Audit rows never hold the code.
    const code = await lastSmsCode(t.db, u.phone!);
    expect(audit.some((a) => a.summary.includes(code))).toBe(false);
  });

  it("SMS codes die after 5 wrong tries and after 5 minutes", async () => {
    const u = await principal();
    const clock = fixedClock(T0);
    const s = await start(u.account, PASSWORD, { clock });
    const api = caller(t.db, { clock });
    for (let i = 0; i < 5; i++) await expect(api.auth.verifyLoginSms({ challenge: s.challenge, code: "000001", trustDevice: false })).rejects.toThrow();
    const right = await lastSmsCode(t.db, u.phone!);
    await expect(api.auth.verifyLoginSms({ challenge: s.challenge, code: right, trustDevice: false })).rejects.toThrow("错误次数过多");

    clock.advance(61_000);
    const s2 = await start(u.account, PASSWORD, { clock });
    const code2 = await lastSmsCode(t.db, u.phone!);
    clock.advance(5 * 60_000 + 1);
    await expect(api.auth.verifyLoginSms({ challenge: s2.challenge, code: code2, trustDevice: false })).rejects.toThrow("已失效");
  });

  it("throttles SMS per phone: one a minute", async () => {
    const u = await principal();
    const clock = fixedClock(T0);
    await start(u.account, PASSWORD, { clock });
    await expect(start(u.account, PASSWORD, { clock })).rejects.toThrow("过于频繁");
    clock.advance(60_000);
    await expect(start(u.account, PASSWORD, { clock })).resolves.toMatchObject({ needSms: true });
  });

  it("a trusted browser skips SMS for 7 days, then asks again", async () => {
    const u = await principal();
    const clock = fixedClock(T0);
    const browser = newBrowser();
    await login(t.db, clock, u.account, PASSWORD, { browser, trust: true });
    expect(browser.deviceToken).toBeTruthy();
    expect(browser.cookies.find((c) => c.startsWith("vslc_device="))).toMatch(/HttpOnly; SameSite=Lax/);
    clock.advance(86_400_000);
    expect((await start(u.account, PASSWORD, { clock, browser })).needSms).toBe(false);
    // Another browser still needs the code.
    expect((await start(u.account, PASSWORD, { clock, browser: newBrowser() })).needSms).toBe(true);
    clock.advance(7 * 86_400_000);
    expect((await start(u.account, PASSWORD, { clock, browser })).needSms).toBe(true);
  });

  it("refuses an account from another portal's login with a pointer to the right one", async () => {
    const u = await principal();
    await expect(start(u.account, PASSWORD, { portal: "admin" })).rejects.toThrow("试点院校业务平台");
  });
});

describe("captcha binding and proof of work", () => {
  it("answers only for the client it was drawn for, and only with its proof of work", async () => {
    const u = await principal();
    const clock = fixedClock(T0);
    const mine = newBrowser("198.51.100.90");
    const api = caller(t.db, { clock, browser: mine });
    // Another client (its own captcha cookie, or none) sends this browser's captcha with the right answer and work.
    const stolen = await solvedCaptcha(api);
    const thief = newBrowser("198.51.100.91");
    await solvedCaptcha(caller(t.db, { clock, browser: thief }));
    for (const b of [thief, newBrowser("198.51.100.92")])
      await expect(caller(t.db, { clock, browser: b }).auth.login({ portal: "school", account: u.account, password: PASSWORD, ...stolen })).rejects.toThrow(
        "图形验证码错误或已过期",
      );
    // The refused attempts did not consume it, but a wrong proof of work does (one try per captcha).
    const wrongWork = await solvedCaptcha(api);
    await expect(
      api.auth.login({ portal: "school", account: u.account, password: PASSWORD, ...wrongWork, captchaWork: wrongWork.captchaWork + 1 }),
    ).rejects.toThrow("图形验证码错误或已过期");
    await expect(api.auth.login({ portal: "school", account: u.account, password: PASSWORD, ...wrongWork })).rejects.toThrow("图形验证码错误或已过期");
    await expect(api.auth.login({ portal: "school", account: u.account, password: PASSWORD, ...stolen })).resolves.toMatchObject({ needSms: true });
    // The cookie: HttpOnly, this site only; a client keeps one binding for all its captchas.
    expect(mine.cookies.at(-1)).toMatch(/^vslc_captcha=[0-9a-f]{32}; Path=\/; Max-Age=300; HttpOnly; SameSite=Strict$/);
    expect(new Set(mine.cookies.map((c) => c.split(";")[0])).size).toBe(1);
  });

  it("publishes a challenge whose secret is below its bound, and the work is not guessable from the challenge", async () => {
    const api = caller(t.db, { clock: fixedClock(T0) });
    const a = await api.auth.captcha();
    const b = await api.auth.captcha();
    expect(a.work.max).toBe(2000); // CAPTCHA_WORK in vitest.config.ts
    expect(a.work.salt).not.toBe(b.work.salt);
    const n = await solveWork(a.work);
    expect(n).not.toBeNull();
    expect(n!).toBeLessThan(a.work.max);
    expect(workHash(a.work.salt, n!)).toBe(a.work.hash);
    expect(await solveWork({ ...a.work, max: 0 })).toBeNull();
  });
});

describe("captcha creation", () => {
  it("is throttled per client address; another address is not affected", async () => {
    const clock = fixedClock(T0);
    const from = (ip: string) => caller(t.db, { clock, browser: newBrowser(ip) }).auth.captcha();
    const before = await t.db.captcha.count();
    const results = await Promise.allSettled(Array.from({ length: CAPTCHAS_PER_MINUTE + 20 }, () => from("198.51.100.77")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(CAPTCHAS_PER_MINUTE);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "请求过于频繁，请稍后再试" });
    expect((await t.db.captcha.count()) - before).toBe(CAPTCHAS_PER_MINUTE);
    await expect(from("198.51.100.78")).resolves.toMatchObject({ id: expect.any(String) });
    clock.advance(60_000);
    await expect(from("198.51.100.77")).resolves.toMatchObject({ id: expect.any(String) });
  });
});

describe("lockout", () => {
  it("freezes after 3 wrong passwords and refuses even the right one while frozen, answering as for a stranger", async () => {
    const u = await principal();
    const clock = fixedClock(T0);
    for (let i = 0; i < 3; i++) await expect(start(u.account, "Wrong@1234", { clock })).rejects.toThrow(LOGIN_FAILED);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).frozenUntil!.getTime()).toBeGreaterThan(clock.now().getTime());
    // Frozen: the right password is not even checked, and the answer is the one a stranger gets.
    await expect(start(u.account, PASSWORD, { clock })).rejects.toThrow(LOGIN_FAILED);
    await expect(start("no-such-account", PASSWORD, { clock })).rejects.toThrow(LOGIN_FAILED);
    clock.advance(900_000);
    await expect(start(u.account, PASSWORD, { clock })).resolves.toMatchObject({ needSms: true });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).failedLoginCount).toBe(0);
  });

  it("disables after 5 in a row from the account's own browser; a superior re-enables it", async () => {
    const school = await makeSchool(t.db);
    const p = await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: school.id });
    const sub = await makeUser(t.db, "SCHOOL_ADMIN", { schoolId: school.id });
    const clock = fixedClock(T0);
    const browser = newBrowser();
    await login(t.db, clock, sub.account, PASSWORD, { browser, trust: true });
    for (let i = 0; i < 5; i++) {
      await start(sub.account, "Wrong@1234", { clock, browser }).catch(() => {});
      clock.advance(3_600_000); // past each freeze
    }
    const row = await t.db.user.findUniqueOrThrow({ where: { id: sub.id } });
    expect(row.status).toBe("DISABLED");
    await expect(start(sub.account, PASSWORD, { clock, browser })).rejects.toThrow("请联系本校试点院校负责人账号重新启用");

    const boss = await login(t.db, clock, p.account, PASSWORD);
    await caller(t.db, { clock, session: boss }).users.enable({ userId: sub.id });
    await expect(start(sub.account, PASSWORD, { clock, browser })).resolves.toMatchObject({ needSms: false });
  });

  it("a stranger's failures only freeze, never disable", async () => {
    const u = await principal();
    const clock = fixedClock(T0);
    for (let i = 0; i < 8; i++) {
      await start(u.account, "Wrong@1234", { clock }).catch(() => {});
      clock.advance(86_400_000);
    }
    expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).status).toBe("ACTIVE");
  });

  it("20 wrong passwords in parallel get at most 3 hash checks and freeze; the right one after them is refused", async () => {
    const u = await principal();
    const clock = fixedClock(T0);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => start(u.account, "Wrong@1234", { clock })));
    expect(results.every((r) => r.status === "rejected" && (r.reason as Error).message === LOGIN_FAILED)).toBe(true);
    // Each hash check of a wrong password leaves a 密码错误 or 冻结 audit row; the refused ones say 未校验密码.
    const audit = await t.db.auditLog.findMany({ where: { userId: u.id, action: { in: ["auth.login", "auth.lockout.freeze"] } } });
    expect(audit.filter((a) => !a.summary.includes("未校验密码")).length).toBeLessThanOrEqual(3);
    expect(audit.filter((a) => a.summary.includes("未校验密码")).length).toBeGreaterThanOrEqual(17);
    await expect(start(u.account, PASSWORD, { clock })).rejects.toThrow(LOGIN_FAILED);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.failedLoginCount).toBe(3);
    expect(row.frozenUntil!.getTime()).toBeGreaterThan(clock.now().getTime());
  });

  it("a right password proven during a burst does not clear the freeze the burst's failures earned", async () => {
    const u = await principal();
    const clock = fixedClock(T0);
    // Two failures, then the right password and a third failure at once: whichever claims first, the
    // right one succeeds only if fewer than 3 failures are counted when it is proven; it never erases them.
    for (let i = 0; i < 2; i++) await start(u.account, "Wrong@1234", { clock }).catch(() => {});
    const [right, wrong] = await Promise.allSettled([start(u.account, PASSWORD, { clock }), start(u.account, "Wrong@1234", { clock })]);
    expect(wrong.status).toBe("rejected");
    const row = await t.db.user.findUniqueOrThrow({ where: { id: u.id } });
    if (right.status === "fulfilled") expect(row.failedLoginCount).toBeLessThan(3);
    else expect(row.frozenUntil!.getTime()).toBeGreaterThan(clock.now().getTime());
  });
});

describe("sessions", () => {
  it("end after 30 idle minutes and after the absolute lifetime", async () => {
    const u = await principal();
    const clock = fixedClock(T0);
    const s = await login(t.db, clock, u.account, PASSWORD);
    clock.advance(29 * 60_000);
    expect(await resolveSession(t.db, clock, s.sid)).not.toBeNull();
    clock.advance(31 * 60_000);
    expect(await resolveSession(t.db, clock, s.sid)).toBeNull();

    const s2 = await login(t.db, clock, u.account, PASSWORD, { trust: true });
    for (let i = 0; i < 25; i++) {
      clock.advance(29 * 60_000);
      if (!(await resolveSession(t.db, clock, s2.sid))) break;
    }
    // 12 hours at most, however active.
    expect(await resolveSession(t.db, clock, s2.sid)).toBeNull();
  });

  it("disabling the account ends its existing sessions on the next request", async () => {
    const school = await makeSchool(t.db);
    const p = await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: school.id });
    const sub = await makeUser(t.db, "SCHOOL_ADMIN", { schoolId: school.id });
    const clock = fixedClock(T0);
    const subSession = await login(t.db, clock, sub.account, PASSWORD);
    const boss = await login(t.db, clock, p.account, PASSWORD);
    await caller(t.db, { clock, session: boss }).users.disable({ userId: sub.id });
    expect(await resolveSession(t.db, clock, subSession.sid)).toBeNull();
  });

  it("logout revokes the server-side session", async () => {
    const u = await principal();
    const clock = fixedClock(T0);
    const s = await login(t.db, clock, u.account, PASSWORD);
    await caller(t.db, { clock, session: s }).auth.logout();
    expect(await resolveSession(t.db, clock, s.sid)).toBeNull();
  });
});
