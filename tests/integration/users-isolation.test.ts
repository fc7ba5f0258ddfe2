// Tenant isolation for account management: another tenant's user gets nothing, whatever ids it sends.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login } from "../support/trpc";
import { makeDepartment, makeSchool, makeUser, PASSWORD } from "../support/factories";
import { fixedClock } from "@/server/clock";
import type { SessionUser } from "@/server/session-user";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
let w: Record<string, { id: string; account: string }>;
let s: Record<string, SessionUser>;

beforeAll(async () => {
  const bj = await makeDepartment(t.db, { level: "PROVINCE", regionCode: "110000" });
  const hb = await makeDepartment(t.db, { level: "PROVINCE", regionCode: "420000" });
  const wh = await makeDepartment(t.db, { level: "CITY", regionCode: "420100", parentId: hb.id });
  const schoolA = await makeSchool(t.db, { regionCode: "110108" });
  const schoolB = await makeSchool(t.db, { regionCode: "110108" });
  const schoolWh = await makeSchool(t.db, { regionCode: "420111" });
  const schoolYc = await makeSchool(t.db, { regionCode: "420502" });
  w = {
    admin: await makeUser(t.db, "ADMIN"),
    bj: await makeUser(t.db, "EDU", { departmentId: bj.id }),
    hb: await makeUser(t.db, "EDU", { departmentId: hb.id }),
    wh: await makeUser(t.db, "EDU", { departmentId: wh.id }),
    pA: await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: schoolA.id }),
    pB: await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: schoolB.id }),
    pWh: await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: schoolWh.id }),
    pYc: await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: schoolYc.id }),
    subA: await makeUser(t.db, "SCHOOL_ADMIN", { schoolId: schoolA.id }),
    subB: await makeUser(t.db, "SCHOOL_ADMIN", { schoolId: schoolB.id }),
  };
  s = {};
  for (const k of ["admin", "bj", "hb", "wh", "pA", "pB", "subA"]) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, w[k].account, PASSWORD);
  }
});

const api = (k: string) => caller(t.db, { clock, session: s[k] });
const ids = async (k: string) => (await api(k).lists.users({ filter: {}, page: 1, pageSize: 50 })).rows.map((r) => r.id);

describe("users: who sees whom", () => {
  it("a principal lists only its own sub-accounts", async () => {
    expect(await ids("pA")).toEqual([w.subA.id]);
    expect(await ids("pB")).toEqual([w.subB.id]);
  });
  it("a province department lists the principals of its province, a city department only its city", async () => {
    const bj = await ids("bj");
    expect(bj).toEqual(expect.arrayContaining([w.pA.id, w.pB.id]));
    expect(bj).not.toContain(w.pWh.id);
    expect(bj).not.toContain(w.subA.id);
    expect((await ids("hb")).sort()).toEqual([w.pWh.id, w.pYc.id].sort());
    expect(await ids("wh")).toEqual([w.pWh.id]);
  });
  it("phones are masked in the response", async () => {
    const rows = (await api("pA").lists.users({ filter: {}, page: 1, pageSize: 10 })).rows;
    expect(rows[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });
  it("a sub-account and other roles cannot manage accounts at all", async () => {
    await expect(api("subA").lists.users({ filter: {}, page: 1, pageSize: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api("subA").users.enable({ userId: w.subA.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("users: another tenant's ids get nothing", () => {
  const actions = ["disable", "enable", "resetPassword", "resetBinding"] as const;
  it.each(actions)("%s on another school's sub-account is not found and changes nothing", async (action) => {
    const before = await t.db.user.findUniqueOrThrow({ where: { id: w.subB.id } });
    await expect(api("pA").users[action]({ userId: w.subB.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("bj").users[action]({ userId: w.pWh.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("wh").users[action]({ userId: w.pYc.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("pA").users[action]({ userId: w.pA.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const after = await t.db.user.findUniqueOrThrow({ where: { id: w.subB.id } });
    expect(after).toEqual(before);
  });
  it("nobody manages an admin, and no input can smuggle a tenant", async () => {
    await expect(api("admin").users.disable({ userId: w.admin.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // strict input: unknown keys (a tenant id) are refused
    await expect(api("pA").lists.users({ filter: { schoolId: "x" }, page: 1, pageSize: 10 } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("users: superior actions", () => {
  it("reset password shows a new one-time password once, forces a change and ends sessions", async () => {
    clock.advance(61_000);
    const subSession = await login(t.db, clock, w.subA.account, PASSWORD);
    const r = await api("pA").users.resetPassword({ userId: w.subA.id });
    expect(r.initialPassword).toMatch(/^.{12}$/);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: w.subA.id } });
    expect(row.mustChangePassword).toBe(true);
    expect(row.initialPasswordEnc).not.toContain(r.initialPassword!);
    const { resolveSession } = await import("@/server/auth/session");
    expect(await resolveSession(t.db, clock, subSession.sid)).toBeNull();
    const audit = await t.db.auditLog.findFirst({ where: { action: "user.reset.password", targetId: w.subA.id } });
    expect(audit?.userId).toBe(w.pA.id);
    expect(audit?.summary).not.toContain(r.initialPassword!);
  });
  it("reset binding erases name and phone", async () => {
    await api("bj").users.resetBinding({ userId: w.pB.id });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: w.pB.id } })).toMatchObject({ phone: null, name: null });
  });
  it("the admin can disable and enable any non-admin account", async () => {
    await api("admin").users.disable({ userId: w.pWh.id });
    await expect(api("admin").users.disable({ userId: w.pWh.id })).rejects.toThrow("已是停用状态");
    await api("admin").users.enable({ userId: w.pWh.id });
  });
});
