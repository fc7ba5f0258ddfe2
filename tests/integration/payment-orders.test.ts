// 缴费管理: the org's fee standards, orders by certificate and by subject priced from them, one live order per
// registration, delete while unconfirmed, confirmation marking 已缴费, the database refusing any change to a
// confirmed order, and tenant isolation.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import { makeCertificate, makeExamPlan, makeOrg, makePilot, makeSchoolAccounts, makeStudent, makeUser, PASSWORD } from "../support/factories";
import type { SessionUser } from "@/server/session-user";

const t = useTestDb();
const clock = fixedClock("2026-05-01T02:00:00Z");
const s: Record<string, SessionUser> = {};
const day = 86_400_000;
const f = {} as { a: string; b: string; level: string; subjects: string[]; byCert: string; bySubject: string; major: string };

async function candidate(schoolId: string) {
  const { candidate } = await makeStudent(t.db, schoolId, { photo: true });
  return t.db.candidate.update({ where: { id: candidate.id }, data: { status: "VERIFIED", majorId: f.major } });
}

beforeAll(async () => {
  const org = await makeOrg(t.db);
  const otherOrg = await makeOrg(t.db);
  const cert = await makeCertificate(t.db, org.id);
  const level = cert.levels[0];
  const practice = await t.db.examSubject.create({
    data: { code: `${level.code}201`, name: "实操技能（初级）", certificateLevelId: level.id, examMode: "PRACTICAL", durationMinutes: 60 },
  });
  f.level = level.id;
  f.subjects = [level.subjects[0].id, practice.id];
  f.major = (await t.db.major.findFirstOrThrow({ where: { code: "510201", catalogVersion: "NEW" } })).id;
  await t.db.certificateMajor.create({ data: { certificateId: cert.id, majorId: f.major } });
  const a = await makeSchoolAccounts(t.db);
  const b = await makeSchoolAccounts(t.db);
  f.a = a.school.id;
  f.b = b.school.id;
  for (const x of [a, b]) await makePilot(t.db, x.school.id, level.id, { year: 2026, approved: 100 });
  const start = new Date(clock.now().getTime() - day);
  f.byCert = (await makeExamPlan(t.db, org.id, { start, schoolIds: [f.a, f.b], levelIds: [level.id] })).id;
  f.bySubject = (await makeExamPlan(t.db, org.id, { start, schoolIds: [f.a, f.b], levelIds: [level.id], mode: "BY_SUBJECT" })).id;
  const users = {
    a: a.principal,
    b: b.principal,
    org: await makeUser(t.db, "ORG", { orgId: org.id }),
    otherOrg: await makeUser(t.db, "ORG", { orgId: otherOrg.id }),
  };
  for (const [k, u] of Object.entries(users)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
}, 60_000);
const api = (k: string) => caller(t.db, { clock, session: s[k] });
const codes = () =>
  t.db.examSubject.findMany({ where: { id: { in: f.subjects } }, orderBy: { code: "asc" }, select: { code: true } }).then((r) => r.map((x) => x.code));

async function registerMany(k: "a" | "b", n: number, planId = f.byCert, subjectCodes: string[] = []) {
  const school = k === "a" ? f.a : f.b;
  const ids = [];
  for (let i = 0; i < n; i++) {
    const c = await candidate(school);
    ids.push((await api(k).registrations.register({ planId, candidateId: c.id, certificateLevelId: f.level, subjectCodes })).id);
  }
  return ids;
}

describe("fee standards", () => {
  it("are the org's own, in yuan with two decimals, per level and per subject", async () => {
    await expect(api("a").payments.create({ planId: f.byCert, certificateLevelId: f.level, mode: "BY_CERTIFICATE" })).rejects.toThrow(/没有可生成|尚未设置/);
    await api("org").payments.saveFee({ certificateLevelId: f.level, amount: "380" });
    await api("org").payments.saveFee({ subjectId: f.subjects[0], amount: "150.50" });
    await expect(api("org").payments.saveFee({ subjectId: f.subjects[1], amount: "12.345" })).rejects.toThrow("最多两位小数");
    await expect(api("otherOrg").payments.saveFee({ certificateLevelId: f.level, amount: "1" })).rejects.toThrow("证书等级不存在");
    const fees = await api("org").payments.fees();
    const level = fees.flatMap((c) => c.levels).find((l) => l.id === f.level)!;
    expect(level.fee).toBe(38000);
    expect(level.subjects.map((x) => x.fee)).toEqual([15050, null]);
    expect((await api("otherOrg").payments.fees()).flatMap((c) => c.levels).some((l) => l.id === f.level)).toBe(false);
  });
});

describe("orders by certificate", () => {
  it("one order for every registration not yet on one, priced then; confirmed, they are 已缴费 and the order is immutable", async () => {
    const regs = await registerMany("a", 3);
    await expect(api("a").payments.create({ planId: f.byCert, certificateLevelId: f.level, mode: "BY_SUBJECT" })).rejects.toThrow("请按证书报考生成缴费申请单");
    const o = await api("a").payments.create({ planId: f.byCert, certificateLevelId: f.level, mode: "BY_CERTIFICATE" });
    expect(o).toMatchObject({ quantity: 3, total: 3 * 38000, registrations: 3 });
    expect(o.number).toMatch(/^JF20260501\d{6}$/);
    expect(await t.db.registration.count({ where: { id: { in: regs }, paymentOrderId: o.id } })).toBe(3);
    await expect(api("a").payments.create({ planId: f.byCert, certificateLevelId: f.level, mode: "BY_CERTIFICATE" })).rejects.toThrow("没有可生成缴费申请单");
    await expect(api("a").registrations.delete({ ids: [regs[0]] })).rejects.toThrow("报考信息已生成缴费申请单，请先删除缴费申请单");
    // A later change of the standard leaves the order as it was priced.
    await api("org").payments.saveFee({ certificateLevelId: f.level, amount: "400" });
    const detail = await api("a").payments.detail({ id: o.id });
    expect(detail).toMatchObject({ total: 114000, status: "UNCONFIRMED", _count: { registrations: 3 } });
    expect(detail.lines).toEqual([expect.objectContaining({ quantity: 3, unitFee: 38000, amount: 114000 })]);

    expect(await api("org").payments.confirm({ ids: [o.id] })).toEqual({ confirmed: 1, skipped: 0, registrations: 3 });
    expect(await t.db.registration.count({ where: { id: { in: regs }, paidAt: { not: null } } })).toBe(3);
    const list = await api("a").lists.registrations({ filter: { paid: "yes" }, page: 1, pageSize: 10 });
    expect(list.rows.map((r) => r.id).sort()).toEqual([...regs].sort());
    await expect(api("a").registrations.delete({ ids: [regs[1]] })).rejects.toThrow("已缴费的报考信息不能删除");
    await expect(api("a").payments.delete({ id: o.id })).rejects.toThrow("已确认缴费的缴费申请单不能删除");
    expect(await api("org").payments.confirm({ ids: [o.id] })).toMatchObject({ confirmed: 0, skipped: 1 });
    // The database itself refuses any change to a confirmed order, its lines and its registrations' link.
    await expect(t.db.paymentOrder.update({ where: { id: o.id }, data: { total: 1 } })).rejects.toThrow(/已确认的缴费申请单不能修改或删除/);
    await expect(t.db.paymentOrder.delete({ where: { id: o.id } })).rejects.toThrow(/已确认的缴费申请单不能修改或删除/);
    await expect(t.db.paymentOrderLine.updateMany({ where: { orderId: o.id }, data: { quantity: 9, amount: 9 * 38000 } })).rejects.toThrow(/不能修改/);
    await expect(t.db.paymentOrderLine.create({ data: { orderId: o.id, seq: 2, label: "x", quantity: 1, unitFee: 1, amount: 1 } })).rejects.toThrow(/不能修改/);
    await expect(t.db.registration.update({ where: { id: regs[0] }, data: { paymentOrderId: null } })).rejects.toThrow(/不能移出缴费申请单/);
  });

  it("deleting an unconfirmed order frees its registrations for the next", async () => {
    const regs = await registerMany("b", 2);
    const o = await api("b").payments.create({ planId: f.byCert, certificateLevelId: f.level, mode: "BY_CERTIFICATE" });
    expect(o.total).toBe(2 * 40000);
    expect(await api("b").payments.delete({ id: o.id })).toEqual({ deleted: 1 });
    expect(await t.db.registration.count({ where: { id: { in: regs }, paymentOrderId: null } })).toBe(2);
    const again = await api("b").payments.create({ planId: f.byCert, certificateLevelId: f.level, mode: "BY_CERTIFICATE" });
    expect(again.registrations).toBe(2);
  });
});

describe("orders by subject", () => {
  it("count subject sittings priced per subject, and refuse a subject without a standard", async () => {
    const [theory, practice] = await codes();
    await registerMany("a", 2, f.bySubject, [theory]);
    await registerMany("a", 1, f.bySubject, [theory, practice]);
    await expect(api("a").payments.create({ planId: f.bySubject, certificateLevelId: f.level, mode: "BY_SUBJECT" })).rejects.toThrow(
      "培训评价组织尚未设置「实操技能（初级）",
    );
    expect(await t.db.paymentOrder.count({ where: { planId: f.bySubject } })).toBe(0);
    await api("org").payments.saveFee({ subjectId: f.subjects[1], amount: "200" });
    const o = await api("a").payments.create({ planId: f.bySubject, certificateLevelId: f.level, mode: "BY_SUBJECT" });
    expect(o).toMatchObject({ quantity: 4, total: 3 * 15050 + 20000, registrations: 3 });
    const detail = await api("org").payments.detail({ id: o.id });
    expect(detail.lines.map((l) => [l.quantity, l.unitFee, l.amount])).toEqual([
      [3, 15050, 45150],
      [1, 20000, 20000],
    ]);
  });

  it("only inside the plan's 报考 window", async () => {
    const late = caller(t.db, { clock: fixedClock(new Date(clock.now().getTime() + 10 * day)), session: s.a });
    await expect(late.payments.create({ planId: f.byCert, certificateLevelId: f.level, mode: "BY_CERTIFICATE" })).rejects.toThrow("不在报考时间内");
  });
});

describe("workbench", () => {
  it("shows the school its open 报考 and unordered registrations, the org its orders to confirm", async () => {
    await registerMany("b", 1);
    const school = await api("b").workbench.get();
    expect(school.items.map((i) => i.title)).toEqual(expect.arrayContaining([expect.stringMatching(/^报考进行中：/), "尚未生成缴费申请单的报考"]));
    await api("b").payments.create({ planId: f.byCert, certificateLevelId: f.level, mode: "BY_CERTIFICATE" });
    const org = await api("org").workbench.get();
    expect(org.items.find((i) => i.title === "待确认的缴费申请单")?.count).toBeGreaterThan(0);
    expect((await api("otherOrg").workbench.get()).items.some((i) => i.title === "待确认的缴费申请单")).toBe(false);
  });
});

describe("tenant isolation", () => {
  it("another school or org gets nothing, whatever ids it sends", async () => {
    await registerMany("a", 1);
    const o = await api("a").payments.create({ planId: f.byCert, certificateLevelId: f.level, mode: "BY_CERTIFICATE" });
    await expect(api("b").payments.detail({ id: o.id })).rejects.toThrow("缴费申请单不存在");
    await expect(api("b").payments.delete({ id: o.id })).rejects.toThrow("缴费申请单不存在");
    await expect(api("otherOrg").payments.detail({ id: o.id })).rejects.toThrow("缴费申请单不存在");
    await expect(api("otherOrg").payments.confirm({ ids: [o.id] })).rejects.toThrow("缴费申请单不存在");
    expect((await api("otherOrg").lists.paymentOrders({ filter: {}, page: 1, pageSize: 10 })).total).toBe(0);
    const bList = await api("b").lists.paymentOrders({ filter: {}, page: 1, pageSize: 50 });
    expect(bList.rows.every((r) => r.schoolId === f.b)).toBe(true);
    const orgList = await api("org").lists.paymentOrders({ filter: { number: o.number }, tab: "UNCONFIRMED", page: 1, pageSize: 10 });
    expect(orgList.rows.map((r) => r.id)).toEqual([o.id]);
    const options = await api("b").payments.options();
    expect(options.flatMap((p) => p.levels).every((l) => l.open > 0)).toBe(true);
    expect(await t.db.paymentOrder.count({ where: { id: o.id, status: "UNCONFIRMED" } })).toBe(1);
  });
});
