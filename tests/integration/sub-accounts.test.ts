import { levelCode } from "@/domain/catalogue/codes";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, lastSmsCode, login } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import { makeCertificate, makeDepartment, makeLevel, makeOrg, makePilot, makeSchoolAccounts, makeUser, PASSWORD } from "../support/factories";
import type { SessionUser } from "@/server/session-user";
import { resolveSession } from "@/server/auth/session";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
const s: Record<string, SessionUser> = {};

// A Beijing pilot school (principal, an active and a stopped sub-account) of two certificates' levels, a school
// of another province, and Beijing's department.
const d = { principal: "", sub: "", stopped: "", otherPrincipal: "", java: "", other: "", foreign: "" };
beforeAll(async () => {
  const bj = await makeDepartment(t.db, { regionCode: "110000" });
  const a = await makeSchoolAccounts(t.db, { regionCode: "110108" });
  const stopped = await makeUser(t.db, "SCHOOL_ADMIN", { schoolId: a.school.id }, { status: "DISABLED" });
  const hb = await makeSchoolAccounts(t.db, { regionCode: "420111" });
  const bjUser = await makeUser(t.db, "EDU", { departmentId: bj.id });
  const org = await makeOrg(t.db);
  const [java, other, foreign] = [await makeCertificate(t.db, org.id), await makeCertificate(t.db, org.id), await makeCertificate(t.db, org.id)];
  const javaMid = await makeLevel(t.db, java.id, "INTERMEDIATE");
  for (const levelId of [java.levels[0].id, javaMid.id, other.levels[0].id])
    await makePilot(t.db, a.school.id, levelId, { year: clock.now().getUTCFullYear() });
  Object.assign(d, {
    principal: a.principal.account,
    sub: a.sub.account,
    stopped: stopped.account,
    otherPrincipal: hb.principal.account,
    java: java.code,
    other: other.code,
    foreign: foreign.levels[0].id,
  });
  for (const [k, account] of Object.entries({ principal: a.principal.account, other: hb.principal.account, sub: a.sub.account, bj: bjUser.account })) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, account, PASSWORD);
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
    expect(levels.map((l) => `${l.certificate.code}:${l.level}`).sort()).toEqual([`${d.java}:INTERMEDIATE`, `${d.java}:JUNIOR`, `${d.other}:JUNIOR`].sort());
    const java = levels.filter((l) => l.certificate.code === d.java).map((l) => l.id);
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
    expect(detail.scopes.map((x) => x.code)).toEqual([levelCode(d.java, "JUNIOR"), levelCode(d.java, "INTERMEDIATE")]);

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
    expect(certs.rows.map((r) => r.code)).toEqual([levelCode(d.java, "JUNIOR"), levelCode(d.java, "INTERMEDIATE")]);
    expect((await api("principal").users.detail({ userId: created.id })).initialPassword).toBeNull();
  });

  it("refuses a duplicate account, certificates the school does not pilot, and callers that are not principals", async () => {
    await expect(
      api("principal").users.create({
        account: d.sub,
        name: "重复",
        accessRoleId: roleId,
        certificateOwner: false,
        smsCode: await code("principal"),
      }),
    ).rejects.toThrow("该账号已存在");
    await expect(
      api("principal").users.create({
        account: "bfgy-x",
        name: "钱老师",
        accessRoleId: roleId,
        certificateOwner: true,
        certificateLevelIds: [d.foreign],
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
    const target = await t.db.user.findUniqueOrThrow({ where: { account: d.sub } });
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
    const mine = await t.db.user.findUniqueOrThrow({ where: { account: d.stopped } });
    for (const k of ["other", "bj"]) {
      await expect(api(k).users.detail({ userId: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(api(k).users.delete({ userId: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(api(k).users.update({ userId: mine.id, name: "篡改", smsCode: "123456" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await t.db.user.findUniqueOrThrow({ where: { id: mine.id } })).name).toBe(mine.name);
    // A department manages the principals of its region the same way.
    const principal = await t.db.user.findUniqueOrThrow({ where: { account: d.principal } });
    expect((await api("bj").users.detail({ userId: principal.id })).account).toBe(d.principal);
    await expect(api("bj").users.update({ userId: principal.id, name: "改名", smsCode: "123456" })).rejects.toThrow("请先停用该账号");
  });
});
