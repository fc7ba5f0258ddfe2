// 证书通过率统计 on PostgreSQL: registered, sat, absent, passed and the rate per certificate and per level, counted in
// SQL within each caller's scope (school, org, province, city), filtered by year and plan, exported as a real .xlsx.
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { useTestDb } from "../support/db";
import { caller, exportNow, lastSmsCode, login } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import { getStorage } from "@/server/storage";
import {
  makeCertificate,
  makeDepartment,
  makeExamPlan,
  makeLevel,
  makeOrg,
  makeResultFor,
  makeSchoolAccounts,
  makeStudent,
  makeUser,
  PASSWORD,
} from "../support/factories";
import type { SessionUser } from "@/server/session-user";

const t = useTestDb();
const clock = fixedClock("2026-08-01T02:00:00Z");
const s: Record<string, SessionUser> = {};
const f = {} as { cert: string; certCode: string; junior: string; middle: string; plan: string; oldPlan: string; a: string; b: string };

/** Registrations of the school for the level in the plan, with these outcomes (null: no result yet). */
async function registrations(schoolId: string, planId: string, levelId: string, outcomes: (string | null)[]) {
  for (const outcome of outcomes) await makeResultFor(t.db, { schoolId, planId, levelId, outcome: outcome as never, at: clock.now() });
}

beforeAll(async () => {
  const org = await makeOrg(t.db);
  const otherOrg = await makeOrg(t.db);
  const cert = await makeCertificate(t.db, org.id);
  f.cert = cert.id;
  f.certCode = cert.code;
  f.junior = cert.levels[0].id;
  f.middle = (await makeLevel(t.db, cert.id, "INTERMEDIATE")).id;
  const otherCert = await makeCertificate(t.db, otherOrg.id);
  const province = await makeDepartment(t.db, { regionCode: "420000" });
  const wuhan = await makeDepartment(t.db, { level: "CITY", regionCode: "420100", parentId: province.id });
  const a = await makeSchoolAccounts(t.db, { regionCode: "420102" }); // 武汉
  const b = await makeSchoolAccounts(t.db, { regionCode: "420502" }); // 宜昌
  [f.a, f.b] = [a.school.id, b.school.id];
  const plan = await makeExamPlan(t.db, org.id, { start: new Date("2026-05-01T00:00:00Z"), schoolIds: [f.a, f.b], levelIds: [f.junior, f.middle] });
  const oldPlan = await makeExamPlan(t.db, org.id, { start: new Date("2025-05-01T00:00:00Z"), schoolIds: [f.a], levelIds: [f.junior] });
  const otherPlan = await makeExamPlan(t.db, otherOrg.id, { start: new Date("2026-05-01T00:00:00Z"), schoolIds: [f.a], levelIds: [otherCert.levels[0].id] });
  [f.plan, f.oldPlan] = [plan.id, oldPlan.id];
  // A: 初级 3 passed, 1 failed, 1 absent, 1 pending; 中级 1 passed, 1 disqualified. B: 初级 2 passed, 2 failed. A in 2025: 初级 1 failed.
  await registrations(f.a, plan.id, f.junior, ["PASSED", "PASSED", "PASSED", "FAILED", "ABSENT", null]);
  await registrations(f.a, plan.id, f.middle, ["PASSED", "DISQUALIFIED"]);
  await registrations(f.b, plan.id, f.junior, ["PASSED", "PASSED", "FAILED", "FAILED"]);
  await registrations(f.a, oldPlan.id, f.junior, ["FAILED"]);
  await registrations(f.a, otherPlan.id, otherCert.levels[0].id, ["PASSED"]);
  const users = {
    org: await makeUser(t.db, "ORG", { orgId: org.id }),
    otherOrg: await makeUser(t.db, "ORG", { orgId: otherOrg.id }),
    province: await makeUser(t.db, "EDU", { departmentId: province.id }),
    wuhan: await makeUser(t.db, "EDU", { departmentId: wuhan.id }),
    a: a.principal,
    b: b.principal,
  };
  for (const [k, u] of Object.entries(users)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
}, 90_000);

const api = (k: string) => caller(t.db, { clock, session: s[k] });
const rates = async (k: string, filter: Record<string, string>) =>
  (await api(k).lists.passRates({ filter: { by: "level", ...filter } as never, page: 1, pageSize: 50 })).rows.map((r) => [
    r.level,
    r.registered,
    r.sat,
    r.absent,
    r.passed,
    r.rate,
  ]);

describe("证书通过率统计", () => {
  it("counts by level within the school, the org and the departments, in SQL", async () => {
    expect(await rates("org", { planId: f.plan })).toEqual([
      ["初级", 10, 8, 1, 5, 62.5],
      ["中级", 2, 2, 0, 1, 50],
    ]);
    expect(await rates("a", { year: "2026", certificate: f.certCode })).toEqual([
      ["初级", 6, 4, 1, 3, 75],
      ["中级", 2, 2, 0, 1, 50],
    ]);
    // Another org's plan is A's too, but not this org's.
    expect((await api("a").lists.passRates({ filter: { by: "certificate", year: "2026" }, page: 1, pageSize: 50 })).total).toBe(2);
    expect((await api("org").lists.passRates({ filter: { by: "certificate" }, page: 1, pageSize: 50 })).rows.map((r) => [r.registered, r.passed])).toEqual([
      [13, 6],
    ]);
    expect(await rates("b", {})).toEqual([["初级", 4, 4, 0, 2, 50]]);
    expect(await rates("wuhan", { planId: f.plan })).toEqual([
      ["初级", 6, 4, 1, 3, 75],
      ["中级", 2, 2, 0, 1, 50],
    ]);
    // The province may narrow to one of its cities, never to another province's.
    expect(await rates("province", { planId: f.plan, city: "4205" })).toEqual([["初级", 4, 4, 0, 2, 50]]);
    expect((await rates("province", { planId: f.plan, city: "1101" })).map((r) => r[1])).toEqual([10, 2]);
    expect(await rates("otherOrg", { planId: f.plan })).toEqual([]);
    expect(await api("a").statistics.totals({ by: "level", year: "2025" })).toMatchObject({ registered: 1, sat: 1, passed: 0, rate: 0 });
    expect((await api("org").statistics.options()).years).toEqual([2026, 2025]);
    expect((await api("b").statistics.options()).plans.map((p) => p.id)).toEqual([f.plan]);
    // Only a province is offered its cities.
    expect((await api("province").statistics.options()).cities).toEqual(expect.arrayContaining([{ value: "4201", label: "武汉市" }]));
    expect((await api("wuhan").statistics.options()).cities).toEqual([]);
  });

  it("refuses bad filters with a Chinese message and other portals outright", async () => {
    await expect(api("a").lists.passRates({ filter: { by: "level", year: "26" }, page: 1, pageSize: 10 })).rejects.toThrow("统计年度格式不正确");
    const student = await makeStudent(t.db, f.a);
    clock.advance(61_000);
    const st = await login(t.db, clock, student.user.account, PASSWORD);
    await expect(caller(t.db, { clock, session: st }).statistics.totals({ by: "level" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("exports the table as a real .xlsx", async () => {
    clock.advance(61_000);
    await api("org").auth.sendOwnCode({ purpose: "EXPORT" });
    const smsCode = await lastSmsCode(t.db, (await t.db.user.findUniqueOrThrow({ where: { id: s.org.id } })).phone!);
    const { fileId, rows } = await exportNow(api("org"), t.db, clock, { list: "passRates", filter: { by: "level", planId: f.plan }, smsCode });
    expect(rows).toBe(2);
    const file = await t.db.storedFile.findUniqueOrThrow({ where: { id: fileId } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await getStorage().readBuffer(file.key)) as never);
    const text = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(text).toContain("62.5%");
    expect(text).toContain("通过率");
  });
});
