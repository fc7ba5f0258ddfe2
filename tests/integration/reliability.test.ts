import { describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { makeSchool, makeUser, PASSWORD } from "../support/factories";
import { fixedClock } from "@/server/clock";
import { startLogin } from "@/server/auth/login";
import { loadEnv, demoInboxEnabled } from "@/server/env";
import type { SmsGateway } from "@/server/sms/gateway";
import { caller, newBrowser, solvedCaptcha } from "../support/trpc";
import { managedUsersWhere } from "@/server/accounts/queries";

const t = useTestDb();

describe("reliability and configuration", () => {
  it("an SMS outage fails closed: no challenge, no session, a clear message", async () => {
    const school = await makeSchool(t.db);
    const u = await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: school.id });
    const clock = fixedClock("2026-11-22T02:00:00Z");
    const down: SmsGateway = {
      name: "down",
      send: async () => {
        throw new Error("gateway timeout");
      },
    };
    const browser = newBrowser();
    const cap = await solvedCaptcha(caller(t.db, { clock, browser }));
    await expect(
      startLogin(
        { db: t.db, clock, sms: down },
        { portal: "school", account: u.account, password: PASSWORD, ...cap },
        { ip: null, userAgent: null, captchaToken: browser.captchaToken },
      ),
    ).rejects.toThrow("短信发送失败，请稍后重试");
    expect(await t.db.loginChallenge.count({ where: { userId: u.id } })).toBe(0);
    expect(await t.db.smsCode.count({ where: { userId: u.id, consumedAt: null } })).toBe(0);
  });

  it("a where with an undefined tenant id throws instead of matching every row", async () => {
    await expect(t.db.user.findMany({ where: { schoolId: undefined } })).rejects.toThrow();
    expect(() => managedUsersWhere({ role: "SCHOOL_PRINCIPAL", schoolId: null } as never)).toThrow("无权执行此操作");
  });

  it("production mode refuses the demo shortcuts", () => {
    const base = { AUTH_SECRET: "x".repeat(40), DATABASE_URL: "postgresql://db.internal/vslc", LEDGER_SIGNING_KEY: "ab".repeat(32) };
    expect(() => loadEnv({ ...base, APP_MODE: "production", CAPTCHA_PROVIDER: "fixed" })).toThrow("生产模式不允许固定验证码");
    expect(() => loadEnv({ ...base, APP_MODE: "production", SMS_DEMO_INBOX: "on" })).toThrow("演示短信收件箱");
    expect(demoInboxEnabled(loadEnv({ ...base, APP_MODE: "production" }))).toBe(false);
    expect(demoInboxEnabled(loadEnv({ ...base, APP_MODE: "demo" }))).toBe(true);
    expect(() => loadEnv({ APP_MODE: "demo" })).toThrow("AUTH_SECRET");
    expect(() => loadEnv({ ...base, APP_MODE: "production" as const, DATABASE_URL: undefined })).toThrow("生产模式需要 DATABASE_URL");
    expect(() => loadEnv({ ...base, APP_MODE: "production", LEDGER_SIGNING_KEY: undefined })).toThrow("LEDGER_SIGNING_KEY");
    expect(() => loadEnv({ ...base, LEDGER_SIGNING_KEY: "short" })).toThrow("64 位十六进制");
    expect(() => loadEnv({ ...base, DATABASE_URL: "mysql://x" })).toThrow("postgresql://");
    expect(() => loadEnv({ ...base, STORAGE_DRIVER: "s3" })).toThrow("S3_BUCKET");
    expect(() => loadEnv({ ...base, STORAGE_DRIVER: "ftp" })).toThrow("STORAGE_DRIVER");
  });
});
