import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import { makeCertificate, makeDepartment, makeLevel, makeOrg, makePlan, makeSchoolAccounts, PASSWORD } from "../support/factories";
import type { SessionUser } from "@/server/session-user";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
const s: Record<string, SessionUser> = {};
let plan: { id: string; year: number; batch: string; startsAt: Date; endsAt: Date };
let sdPlan: { id: string };
let partial: { id: string; startsAt: Date };
let certificateCode = "";
const day = 86400000;

beforeAll(async () => {
  // 湖北: a plan open now, by major, with 武汉's review first, and a later one for one other certificate only;
  // 山东: a plan open now. Two 武汉 schools and a Beijing one.
  const now = clock.now().getTime();
  const hb = await makeDepartment(t.db, { regionCode: "420000" });
  await makeDepartment(t.db, { level: "CITY", regionCode: "420100", parentId: hb.id });
  const sd = await makeDepartment(t.db, { regionCode: "370000" });
  const org = await makeOrg(t.db);
  const cert = await makeCertificate(t.db, org.id);
  await makeLevel(t.db, cert.id, "SENIOR");
  const majors = await t.db.major.findMany({ where: { code: { in: ["470201", "420901"] } } });
  await t.db.certificateMajor.createMany({ data: majors.map((m) => ({ certificateId: cert.id, majorId: m.id })) });
  certificateCode = cert.code;
  const window = { startsAt: new Date(now - 5 * day), endsAt: new Date(now + 12 * day) };
  plan = await makePlan(t.db, hb.id, [], { ...window, byMajor: true, cityReviewFirst: true });
  sdPlan = await makePlan(t.db, sd.id, [], window);
  const other = await makeCertificate(t.db, org.id);
  partial = await makePlan(t.db, hb.id, [other.id], { startsAt: new Date(now + 20 * day), endsAt: new Date(now + 35 * day), byMajor: true, scope: "PARTIAL" });
  clock.set(new Date(plan.startsAt.getTime() + day));
  const schools = {
    wh: await makeSchoolAccounts(t.db, { regionCode: "420111" }),
    whOther: await makeSchoolAccounts(t.db, { regionCode: "420111" }),
    bj: await makeSchoolAccounts(t.db),
  };
  for (const [k, v] of Object.entries(schools)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, v.principal.account, PASSWORD);
  }
}, 60_000);
const api = (k: string) => caller(t.db, { clock, session: s[k] });

async function ids() {
  const level = await t.db.certificateLevel.findFirstOrThrow({ where: { certificate: { code: certificateCode }, level: "SENIOR" } });
  const majors = await t.db.major.findMany({ where: { code: { in: ["470201", "420901"] } } });
  return { levelId: level.id, majors: majors.map((m) => m.id) };
}
const text = { teacherSituation: "化工专业专任教师 8 人", siteSituation: "仿真实训室 2 间" };

describe("pilot applications", () => {
  it("saves a draft, then submits; the total is the sum of the major lines; submitted ones are locked", async () => {
    const { levelId, majors } = await ids();
    const lines = [
      { majorId: majors[0], students: 200, teachers: 8, requested: 60 },
      { majorId: majors[1], students: 90, teachers: 4, requested: 30 },
    ];
    await expect(api("wh").applications.save({ planId: plan.id, certificateLevelId: levelId, lines: [], ...text, submit: false })).rejects.toThrow(
      "要求按专业填报",
    );
    const draft = await api("wh").applications.save({ planId: plan.id, certificateLevelId: levelId, lines, ...text, submit: false });
    expect(await t.db.pilotApplication.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: "DRAFT",
      requestedTotal: 90,
      year: plan.year,
      batch: plan.batch,
    });
    await api("wh").applications.save({ id: draft.id, planId: plan.id, certificateLevelId: levelId, lines: [lines[0]], ...text, submit: true });
    expect(await t.db.pilotApplication.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "IN_REVIEW", requestedTotal: 60 });
    await expect(api("wh").applications.save({ id: draft.id, planId: plan.id, certificateLevelId: levelId, lines, ...text, submit: true })).rejects.toThrow(
      "已提交的申报不能修改",
    );
    await expect(api("wh").applications.save({ planId: plan.id, certificateLevelId: levelId, lines, ...text, submit: false })).rejects.toThrow(
      "本年度已申报该证书等级",
    );
  });

  it("refuses outside the window, outside the province and outside the plan's scope", async () => {
    const { levelId, majors } = await ids();
    const lines = [{ majorId: majors[0], students: 50, teachers: 2, requested: 20 }];
    await expect(api("bj").applications.save({ planId: plan.id, certificateLevelId: levelId, lines, ...text, submit: false })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(api("wh").applications.save({ planId: sdPlan.id, certificateLevelId: levelId, lines, ...text, submit: false })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const saved = clock.now();
    clock.set(new Date(plan.endsAt.getTime() + 1));
    await expect(api("whOther").applications.save({ planId: plan.id, certificateLevelId: levelId, lines, ...text, submit: false })).rejects.toThrow(
      "申报时间已过",
    );
    clock.set(saved);
    clock.set(new Date(partial.startsAt.getTime() + 1000));
    await expect(api("whOther").applications.save({ planId: partial.id, certificateLevelId: levelId, lines, ...text, submit: false })).rejects.toThrow(
      "不在本申报计划的开放范围内",
    );
    clock.set(saved);
  });

  it("another school's application id gets nothing", async () => {
    const mine = await t.db.pilotApplication.findFirstOrThrow({ where: { schoolId: s.wh.schoolId!, planId: plan.id } });
    const { levelId, majors } = await ids();
    const before = await t.db.pilotApplication.findUniqueOrThrow({ where: { id: mine.id } });
    await expect(
      api("whOther").applications.save({
        id: mine.id,
        planId: plan.id,
        certificateLevelId: levelId,
        lines: [{ majorId: majors[0], students: 10, teachers: 1, requested: 5 }],
        ...text,
        submit: false,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.pilotApplication.findUniqueOrThrow({ where: { id: mine.id } })).toEqual(before);
  });
});

describe("pilot applications as the manuals describe them (issue 12)", () => {
  it("a 未提交 application can be deleted by its school only; a submitted one cannot", async () => {
    const { levelId } = await ids();
    const lines = [{ majorId: (await ids()).majors[0], students: 50, teachers: 2, requested: 20 }];
    const draft = await api("whOther").applications.save({ planId: plan.id, certificateLevelId: levelId, lines, ...text, submit: false });
    await expect(api("wh").applications.delete({ id: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("bj").applications.delete({ id: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await api("whOther").applications.delete({ id: draft.id });
    expect(await t.db.pilotApplication.count({ where: { id: draft.id } })).toBe(0);
    expect(await t.db.auditLog.count({ where: { action: "application.delete", targetId: draft.id } })).toBe(1);
    const submitted = await t.db.pilotApplication.findFirstOrThrow({ where: { schoolId: s.wh.schoolId!, status: "IN_REVIEW" } });
    await expect(api("wh").applications.delete({ id: submitted.id })).rejects.toThrow("只能删除未提交的申报");
    expect(await t.db.pilotApplication.count({ where: { id: submitted.id } })).toBe(1);
  });

  it("a school without its basic information may save but not submit (001 §2.1.3)", async () => {
    const fresh = await makeSchoolAccounts(t.db, { regionCode: "420111" });
    await t.db.school.update({ where: { id: fresh.school.id }, data: { uscc: null, contactEmail: null } });
    clock.advance(61_000);
    const sess = await login(t.db, clock, fresh.principal.account, PASSWORD);
    const me = caller(t.db, { clock, session: sess });
    const { levelId, majors } = await ids();
    const lines = [{ majorId: majors[0], students: 50, teachers: 2, requested: 20 }];
    await expect(me.applications.save({ planId: plan.id, certificateLevelId: levelId, lines, ...text, submit: true })).rejects.toThrow(
      "请先在「院校信息」中补全统一社会信用代码、电子邮箱，再提交申报",
    );
    expect(await t.db.pilotApplication.count({ where: { schoolId: fresh.school.id } })).toBe(0);
    const draft = await me.applications.save({ planId: plan.id, certificateLevelId: levelId, lines, ...text, submit: false });
    expect((await t.db.pilotApplication.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });

  it("保存并提交 shows 待初审; the detail names 院校网址 and 主管单位; the export has 004's headers", async () => {
    const mine = await t.db.pilotApplication.findFirstOrThrow({ where: { schoolId: s.wh.schoolId!, status: "IN_REVIEW" } });
    const d = await api("wh").applications.detail({ id: mine.id });
    expect(d.statusText).toBe("待初审");
    expect(d.school).toHaveProperty("website");
    expect(d.school).toHaveProperty("supervisingDepartment");
    const { pilotApplicationList } = await import("@/server/applications/list");
    expect(pilotApplicationList.columns.map((c) => c.header)).toEqual(expect.arrayContaining(["证书编号", "申请总培训人数", "批准总培训人数", "申报状态"]));
  });
});

describe("pilot application reads", () => {
  it("a school lists only its own applications and the open plans of its province", async () => {
    const mine = await api("wh").lists.pilotApplications({ filter: {}, page: 1, pageSize: 50 });
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(await t.db.pilotApplication.count({ where: { schoolId: s.wh.schoolId! } })).toBe(mine.total);
    const others = await api("whOther").lists.pilotApplications({ filter: {}, page: 1, pageSize: 50 });
    expect(others.rows.some((r) => mine.rows.some((m) => m.id === r.id))).toBe(false);
    const whPlans = await api("wh").applications.applicable();
    expect(whPlans.map((p) => p.id)).toContain(plan.id);
    // The level applied for this year is marked with that application; another school still has it free.
    const { levelId } = await ids();
    const levels = whPlans.find((p) => p.id === plan.id)!.levels;
    const mineThisYear = await t.db.pilotApplication.findFirstOrThrow({ where: { schoolId: s.wh.schoolId!, certificateLevelId: levelId, year: plan.year } });
    expect(levels.find((l) => l.id === levelId)!.appliedId).toBe(mineThisYear.id);
    expect(levels.filter((l) => l.id !== levelId).every((l) => l.appliedId === null)).toBe(true);
    const otherLevels = (await api("whOther").applications.applicable()).find((p) => p.id === plan.id)!.levels;
    expect(otherLevels.find((l) => l.id === levelId)!.appliedId).toBeNull();
    expect((await api("bj").applications.applicable()).map((p) => p.id)).not.toContain(plan.id);
  });
});
