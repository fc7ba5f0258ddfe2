// 考试计划 (org): windows in order, subjects and their times, the pass rule as data, participating schools; edits
// only before 报考 opens; a school reads the plans it takes part in, with the rule, and no other school's.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import { makeCertificate, makeOrg, makePilot, makeSchoolAccounts, makeUser, PASSWORD } from "../support/factories";
import type { SessionUser } from "@/server/session-user";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
const s: Record<string, SessionUser> = {};
const day = 86_400_000;
const hour = 3_600_000;
const f = {} as { theory: string; practice: string; otherOrgSubject: string; pilot: string; notPilot: string; outsiderOrg: string };

beforeAll(async () => {
  const org = await makeOrg(t.db);
  const otherOrg = await makeOrg(t.db);
  const cert = await makeCertificate(t.db, org.id);
  const level = cert.levels[0];
  const practice = await t.db.examSubject.create({
    data: {
      code: `${level.code}201`,
      name: "实操技能（初级）",
      certificateLevelId: level.id,
      examMode: "PRACTICAL",
      durationMinutes: 120,
      fullScore: 150,
      passScore: 90,
    },
  });
  f.theory = level.subjects[0].id;
  f.practice = practice.id;
  f.otherOrgSubject = (await makeCertificate(t.db, otherOrg.id)).levels[0].subjects[0].id;
  const pilot = await makeSchoolAccounts(t.db);
  const notPilot = await makeSchoolAccounts(t.db);
  await makePilot(t.db, pilot.school.id, level.id, { year: clock.now().getUTCFullYear() });
  f.pilot = pilot.school.id;
  f.notPilot = notPilot.school.id;
  const users = {
    org: await makeUser(t.db, "ORG", { orgId: org.id }),
    other: await makeUser(t.db, "ORG", { orgId: otherOrg.id }),
    pilot: pilot.principal,
    notPilot: notPilot.principal,
  };
  for (const [k, u] of Object.entries(users)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
}, 60_000);
const api = (k: string) => caller(t.db, { clock, session: s[k] });

/** Notice 003's shape, starting `inDays` from the clock: 报考 and 排考 side by side, exam after, 成绩登记 beside 公示. */
function plan(inDays = 3, over: Record<string, unknown> = {}) {
  const at = (d: number, h = 0) => new Date(clock.now().getTime() + (inDays + d) * day + h * hour);
  const exam = at(24);
  return {
    name: "测试考试计划",
    year: exam.getUTCFullYear(),
    registrationStartsAt: at(0),
    registrationEndsAt: at(23),
    schedulingStartsAt: at(0),
    schedulingEndsAt: at(23),
    examStartsAt: exam,
    examEndsAt: at(24, 9),
    scoringStartsAt: at(25),
    scoringEndsAt: at(33),
    publicityStartsAt: at(25),
    publicityEndsAt: at(33),
    registrationMode: "BY_CERTIFICATE" as const,
    passRule: { kind: "ALL_SUBJECTS" as const },
    schoolIds: [f.pilot],
    subjects: [
      { subjectId: f.theory, startsAt: at(24, 1), endsAt: at(24, 2.5) },
      { subjectId: f.practice, startsAt: at(24, 5), endsAt: at(24, 7) },
    ],
    ...over,
  };
}

describe("exam plans", () => {
  it("publishes a plan with a 12-digit code; checks windows, subjects, times, rule and schools; nothing half-written", async () => {
    const before = await t.db.examPlan.count();
    await expect(api("org").examPlans.save(plan(3, { schedulingEndsAt: plan().examEndsAt }))).rejects.toThrow("排考须在考试开始前结束");
    await expect(api("org").examPlans.save(plan(-1))).rejects.toThrow("报考开始时间不能早于当前时间");
    const p = plan();
    await expect(api("org").examPlans.save({ ...p, subjects: [{ ...p.subjects[0], subjectId: f.otherOrgSubject }] })).rejects.toThrow("本机构");
    await expect(
      api("org").examPlans.save({ ...p, subjects: [p.subjects[0], { ...p.subjects[1], startsAt: p.subjects[0].startsAt, endsAt: p.subjects[1].endsAt }] }),
    ).rejects.toThrow("重叠");
    await expect(api("org").examPlans.save({ ...p, schoolIds: [f.notPilot] })).rejects.toThrow("试点院校");
    await expect(
      api("org").examPlans.save({ ...p, passRule: { kind: "WEIGHTED_TOTAL", weights: { [f.theory]: 40, [f.practice]: 50 }, passTotal: 60 } }),
    ).rejects.toThrow("之和须为 100%");
    expect(await t.db.examPlan.count()).toBe(before);
    const { id } = await api("org").examPlans.save({
      ...p,
      passRule: { kind: "WEIGHTED_TOTAL", weights: { [f.theory]: 40, [f.practice]: 60 }, passTotal: 60 },
    });
    const saved = await t.db.examPlan.findUniqueOrThrow({ where: { id }, include: { levels: true, subjects: true, schools: true } });
    expect(saved.code).toMatch(/^\d{12}$/);
    expect([saved.levels.length, saved.subjects.length, saved.schools.length]).toEqual([1, 2, 1]);
    const d = await api("org").examPlans.detail({ id });
    expect(d.status).toBe("NOT_STARTED");
    expect(d.levels[0].rule).toContain("加权总分达到 60 分");
    expect(d.schools.map((x) => x.id)).toEqual([f.pilot]);
  });

  it("edits only before 报考 opens; deletes only then; another org touches nothing", async () => {
    const { id } = await api("org").examPlans.save(plan(5, { name: "可编辑的计划" }));
    await expect(api("other").examPlans.save({ ...plan(5), id })).rejects.toThrow("考试计划不存在");
    await expect(api("other").examPlans.delete({ id })).rejects.toThrow("考试计划不存在");
    await expect(api("other").examPlans.detail({ id })).rejects.toThrow("考试计划不存在");
    expect((await api("other").lists.examPlans({ filter: {}, page: 1, pageSize: 50 })).all).toBe(0);
    await api("org").examPlans.save({ ...plan(5, { name: "改名后的计划" }), id });
    expect((await t.db.examPlan.findUniqueOrThrow({ where: { id } })).name).toBe("改名后的计划");
    clock.advance(6 * day);
    await expect(api("org").examPlans.save({ ...plan(0), id })).rejects.toThrow("已开始报考");
    await expect(api("org").examPlans.delete({ id })).rejects.toThrow("已开始报考");
    const tabs = await api("org").lists.examPlans({ filter: {}, page: 1, pageSize: 50 });
    expect(tabs.counts.IN_PROGRESS).toBeGreaterThan(0);
    clock.advance(-6 * day);
  });

  it("a school reads the plans it takes part in, with the rule, not the other schools; a non-participant reads none", async () => {
    const mine = await api("pilot").lists.examPlans({ filter: {}, page: 1, pageSize: 50 });
    expect(mine.all).toBeGreaterThan(0);
    const d = await api("pilot").examPlans.detail({ id: mine.rows[0].id });
    expect(d.schools).toEqual([]);
    expect(d.schoolCount).toBe(1);
    expect(d.levels[0].subjects.map((x) => x.name)).toEqual(["理论知识（初级）", "实操技能（初级）"]);
    expect((await api("notPilot").lists.examPlans({ filter: {}, page: 1, pageSize: 50 })).all).toBe(0);
    await expect(api("notPilot").examPlans.detail({ id: mine.rows[0].id })).rejects.toThrow("考试计划不存在");
    await expect(api("pilot").examPlans.save(plan())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api("pilot").examPlans.options()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const opts = await api("org").examPlans.options();
    expect(opts.schools.map((x) => x.id)).toEqual([f.pilot]);
    expect((await api("other").examPlans.options()).schools).toEqual([]);
  });
});
