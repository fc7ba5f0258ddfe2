// 申报计划 (002 §4.3): a province, its city, another province, their schools and an org, all made here.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login } from "../support/trpc";
import { makeCertificate, makeDepartment, makeOrg, makeSchool, makeUser, PASSWORD } from "../support/factories";
import { fixedClock } from "@/server/clock";
import type { SessionUser } from "@/server/session-user";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
const YEAR = clock.now().getUTCFullYear();
const s: Record<string, SessionUser> = {};
let javaId = "";
beforeAll(async () => {
  const hb = await makeDepartment(t.db, { level: "PROVINCE", regionCode: "420000" });
  const wh = await makeDepartment(t.db, { level: "CITY", regionCode: "420100", parentId: hb.id });
  const bj = await makeDepartment(t.db, { level: "PROVINCE", regionCode: "110000" });
  const org = await makeOrg(t.db);
  const accounts = {
    hb: await makeUser(t.db, "EDU", { departmentId: hb.id }),
    wh: await makeUser(t.db, "EDU", { departmentId: wh.id }),
    bj: await makeUser(t.db, "EDU", { departmentId: bj.id }),
    whSchool: await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: (await makeSchool(t.db, { regionCode: "420111", departmentId: wh.id })).id }),
    bjSchool: await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: (await makeSchool(t.db, { regionCode: "110108", departmentId: bj.id })).id }),
    org: await makeUser(t.db, "ORG", { orgId: org.id }),
  };
  for (const [k, u] of Object.entries(accounts)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
  javaId = (await makeCertificate(t.db, org.id)).id;
}, 60_000);
const api = (k: string) => caller(t.db, { clock, session: s[k] });
const d = (iso: string) => new Date(iso);

describe("application plans", () => {
  it("a province publishes a plan; its cities and schools see it with the status of the window", async () => {
    const plan = {
      year: YEAR,
      batch: "第八批",
      startsAt: d("2026-11-25T00:00:00+08:00"),
      endsAt: d("2026-12-05T23:59:59+08:00"),
      byMajor: true,
      cityReviewFirst: true,
      scope: "PARTIAL" as const,
      certificateIds: [] as string[],
    };
    await expect(api("hb").plans.save(plan)).rejects.toThrow("至少选择一个证书");
    const java = await t.db.certificate.findUniqueOrThrow({ where: { id: javaId } });
    const { id } = await api("hb").plans.save({ ...plan, certificateIds: [java.id] });
    await expect(api("hb").plans.save({ ...plan, certificateIds: [java.id] })).rejects.toThrow(`${YEAR}年第八批已存在`);
    const forCity = await api("wh").lists.plans({ filter: {}, page: 1, pageSize: 50 });
    expect(forCity.rows.find((p) => p.id === id)).toMatchObject({ status: "NOT_STARTED", certificates: [{ name: java.name }] });
    expect((await api("wh").plans.access()).canManage).toBe(false);
    expect((await api("hb").plans.access()).canManage).toBe(true);
    expect((await api("whSchool").lists.plans({ filter: {}, page: 1, pageSize: 50 })).rows.some((p) => p.id === id)).toBe(true);
    expect((await api("bjSchool").lists.plans({ filter: {}, page: 1, pageSize: 50 })).rows.some((p) => p.id === id)).toBe(false);
    expect((await api("bj").lists.plans({ filter: {}, page: 1, pageSize: 50 })).rows.some((p) => p.id === id)).toBe(false);

    clock.set("2026-11-28T00:00:00+08:00");
    expect((await api("hb").lists.plans({ filter: {}, page: 1, pageSize: 50 })).rows.find((p) => p.id === id)?.status).toBe("OPEN");
    await expect(api("hb").plans.save({ ...plan, id, certificateIds: [java.id], startsAt: d("2026-11-26T00:00:00+08:00") })).rejects.toThrow(
      "不能修改开始时间",
    );
    await api("hb").plans.save({ ...plan, id, certificateIds: [java.id], endsAt: d("2026-12-10T23:59:59+08:00") });
    await expect(api("hb").plans.delete({ id })).rejects.toThrow("只能删除尚未开始");
    clock.set("2026-12-11T00:00:00+08:00");
    expect((await api("hb").lists.plans({ filter: {}, page: 1, pageSize: 50 })).rows.find((p) => p.id === id)?.status).toBe("ENDED");
    clock.set("2026-11-22T02:00:00Z");
  });

  it("cities, other provinces, schools and orgs cannot change a province's plans", async () => {
    const { id } = await api("hb").plans.save({
      year: YEAR,
      batch: "第九批",
      startsAt: new Date(clock.now().getTime() + 9 * 86400000),
      endsAt: new Date(clock.now().getTime() + 28 * 86400000),
      byMajor: true,
      cityReviewFirst: false,
      scope: "ALL",
      certificateIds: [],
    });
    const plan = await t.db.applicationPlan.findUniqueOrThrow({ where: { id } });
    const body = {
      id: plan.id,
      year: plan.year,
      batch: plan.batch,
      startsAt: plan.startsAt,
      endsAt: plan.endsAt,
      byMajor: false,
      cityReviewFirst: false,
      scope: "ALL" as const,
      certificateIds: [],
    };
    await expect(api("wh").plans.save(body)).rejects.toThrow("由省级教育行政部门发布");
    await expect(api("bj").plans.save(body)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("bj").plans.delete({ id: plan.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("whSchool").plans.save(body)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api("org").lists.plans({ filter: {}, page: 1, pageSize: 50 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api("org").plans.access()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.applicationPlan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ byMajor: plan.byMajor, scope: plan.scope });
  });
});

describe("the proposed batch", () => {
  it("is the province's next unused batch of the year; another province and a school get nothing of it", async () => {
    const hbPlans = await t.db.applicationPlan.findMany({ where: { department: { users: { some: { id: s.hb.id } } }, year: YEAR + 1 } });
    expect(hbPlans).toHaveLength(0);
    expect(await api("hb").plans.nextBatch({ year: YEAR + 1 })).toEqual({ batch: "第一批" });
    const dept = (await t.db.user.findUniqueOrThrow({ where: { id: s.hb.id } })).departmentId!;
    for (const batch of ["第一批", "第二批"])
      await t.db.applicationPlan.create({
        data: {
          departmentId: dept,
          year: YEAR + 1,
          batch,
          startsAt: d(`${YEAR + 1}-03-01T00:00:00Z`),
          endsAt: d(`${YEAR + 1}-03-20T00:00:00Z`),
          byMajor: false,
          cityReviewFirst: false,
          scope: "ALL",
        },
      });
    expect(await api("hb").plans.nextBatch({ year: YEAR + 1 })).toEqual({ batch: "第三批" });
    expect(await api("bj").plans.nextBatch({ year: YEAR + 1 })).toEqual({ batch: "第一批" });
    await expect(api("whSchool").plans.nextBatch({ year: YEAR + 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
