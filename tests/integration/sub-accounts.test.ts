import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, lastSmsCode, login } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import { seedDemo } from "@/server/seed";
import { DEMO_PASSWORD } from "@/server/seed/demo-data";
import type { SessionUser } from "@/server/session-user";
import { resolveSession } from "@/server/auth/session";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
const s: Record<string, SessionUser> = {};

beforeAll(async () => {
  await seedDemo(t.db);
  for (const [k, account] of Object.entries({ principal: "4111010009", other: "4142010522", sub: "4111010009-02", bj: "bjjw", admin: "admin" })) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, account, DEMO_PASSWORD);
  }
}, 60_000);

const api = (k: string) => caller(t.db, { clock, session: s[k] });
let roleId = "";
beforeAll(async () => {
  roleId = (await t.db.accessRole.create({ data: { portal: "school", name: "测试业务管理员", permissions: ["school.certificates", "school.candidates"] } })).id;
});
async function code(k: string) {
  clock.advance(61_000);
  await api(k).auth.sendOwnCode({ purpose: "MANAGE_USERS" });
  return lastSmsCode(t.db, (await t.db.user.findUniqueOrThrow({ where: { id: s[k].id } })).phone!);
}

describe("sub-accounts", () => {
  it("a principal creates a scoped sub-account with an SMS code; the initial password shows until first change", async () => {
    const levels = await api("principal").users.assignableLevels();
    expect(levels.map((l) => `${l.certificate.code}:${l.level}`).sort()).toEqual([
      "60000001:INTERMEDIATE",
      "60000001:JUNIOR",
      "60000003:INTERMEDIATE",
      "60000005:JUNIOR",
    ]);
    const java = levels.filter((l) => l.certificate.code === "60000001").map((l) => l.id);
    await expect(
      api("principal").users.create({
        account: "bfgy-java",
        name: "赵老师",
        accessRoleId: roleId,
        certificateOwner: true,
        certificateLevelIds: java,
        smsCode: "000000",
      }),
    ).rejects.toThrow("短信验证码");
    expect(await t.db.user.count({ where: { account: "bfgy-java" } })).toBe(0);
    const created = await api("principal").users.create({
      account: "bfgy-java",
      name: "赵老师",
      accessRoleId: roleId,
      certificateOwner: true,
      certificateLevelIds: java,
      smsCode: await code("principal"),
    });
    expect(created.initialPassword).toHaveLength(12);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: created.id }, include: { certificateScopes: true } });
    expect(row).toMatchObject({ role: "SCHOOL_ADMIN", accessRoleId: roleId, schoolId: s.principal.schoolId, mustChangePassword: true });
    expect(row.certificateScopes).toHaveLength(2);
    const detail = await api("principal").users.detail({ userId: created.id });
    expect(detail.initialPassword).toBe(created.initialPassword);
    expect(detail.scopes.map((x) => x.code)).toEqual(["60000001", "60000001"]);

    // The new account logs in with it, binds, and then sees only JAVA.
    clock.advance(61_000);
    const sub = await login(t.db, clock, "bfgy-java", created.initialPassword);
    expect(sub.needsBinding).toBe(true);
    const subApi = caller(t.db, { clock, session: sub });
    await subApi.auth.sendBindCode({ phone: "13512345678" });
    await subApi.auth.completeFirstLogin({
      name: "赵老师",
      phone: "13512345678",
      smsCode: await lastSmsCode(t.db, "13512345678"),
      newPassword: "Java@2026ok",
      confirmPassword: "Java@2026ok",
    });
    const fresh = (await resolveSession(t.db, clock, sub.sid))!;
    const certs = await caller(t.db, { clock, session: fresh }).lists.certificates({ filter: {}, page: 1, pageSize: 10 });
    expect(certs.rows.map((r) => r.code)).toEqual(["60000001"]);
    expect((await api("principal").users.detail({ userId: created.id })).initialPassword).toBeNull();
  });

  it("refuses a duplicate account, certificates the school does not pilot, and callers that are not principals", async () => {
    await expect(
      api("principal").users.create({
        account: "4111010009-01",
        name: "重复",
        accessRoleId: roleId,
        certificateOwner: false,
        smsCode: await code("principal"),
      }),
    ).rejects.toThrow("该账号已存在");
    const foreign = await t.db.certificateLevel.findFirstOrThrow({ where: { certificate: { code: "60000008" } } });
    await expect(
      api("principal").users.create({
        account: "bfgy-x",
        name: "钱老师",
        accessRoleId: roleId,
        certificateOwner: true,
        certificateLevelIds: [foreign.id],
        smsCode: await code("principal"),
      }),
    ).rejects.toThrow("只能选择本校已参与试点的证书");
    await expect(
      api("sub").users.create({ account: "bfgy-y", name: "孙老师", accessRoleId: roleId, certificateOwner: false, smsCode: "123456" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      api("bj").users.create({ account: "bfgy-z", name: "李老师", accessRoleId: roleId, certificateOwner: false, smsCode: "123456" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("edits and deletes only a stopped account", async () => {
    const target = await t.db.user.findUniqueOrThrow({ where: { account: "4111010009-02" } });
    await expect(api("principal").users.update({ userId: target.id, name: "张改名", smsCode: await code("principal") })).rejects.toThrow("请先停用该账号");
    await expect(api("principal").users.delete({ userId: target.id })).rejects.toThrow("请先停用该账号");
    await api("principal").users.disable({ userId: target.id });
    await api("principal").users.update({ userId: target.id, name: "张改名", certificateOwner: false, smsCode: await code("principal") });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: target.id } })).name).toBe("张改名");
    await api("principal").users.delete({ userId: target.id });
    expect(await t.db.user.findUnique({ where: { id: target.id } })).toBeNull();
    expect(await t.db.auditLog.count({ where: { action: { in: ["user.update", "user.delete"] }, targetId: target.id } })).toBe(2);
  });

  it("another tenant's ids get nothing: detail, update, delete", async () => {
    const mine = await t.db.user.findUniqueOrThrow({ where: { account: "4111010009-03" } }); // stopped in the seed
    for (const k of ["other", "bj"]) {
      await expect(api(k).users.detail({ userId: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(api(k).users.delete({ userId: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(api(k).users.update({ userId: mine.id, name: "篡改", smsCode: "123456" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await t.db.user.findUniqueOrThrow({ where: { id: mine.id } })).name).toBe("王停用");
    // A department manages the principals of its region the same way.
    const principal = await t.db.user.findUniqueOrThrow({ where: { account: "4111010008" } });
    expect((await api("bj").users.detail({ userId: principal.id })).account).toBe("4111010008");
    await expect(api("bj").users.update({ userId: principal.id, name: "改名", smsCode: "123456" })).rejects.toThrow("请先停用该账号");
  });
});
