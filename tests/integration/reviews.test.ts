// Review of pilot applications: city first, then province with approved numbers; timeline, SMS, quota, isolation.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login, requester } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import { makeCertificate, makeDepartment, makeLevel, makeOrg, makePlan, makeSchoolAccounts, makeUser, PASSWORD } from "../support/factories";
import type { SessionUser } from "@/server/session-user";
import { quotaOf } from "@/server/applications/quota";
import { storeUpload } from "@/server/files/upload";
import { canDownload } from "@/server/files/access";
import { LocalStorage } from "@/server/storage";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
const s: Record<string, SessionUser> = {};
let plan: { id: string; year: number; startsAt: Date; endsAt: Date };
const storage = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), "vslc-ev-")));
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

// Certificates of this file by role: c2 (中级, 高级), c3 (中级, 高级), c9 (初级), each with two majors.
const cert: Record<"c2" | "c3" | "c9", string> = { c2: "", c3: "", c9: "" };
beforeAll(async () => {
  // 湖北 with 武汉 and 宜昌 below it, 山东; a plan of 湖北 open now, by major, 武汉 reviewing first.
  const hb = await makeDepartment(t.db, { regionCode: "420000" });
  const wh = await t.db.educationDepartment.update({
    where: { id: (await makeDepartment(t.db, { level: "CITY", regionCode: "420100", parentId: hb.id })).id },
    data: { name: "武汉教育局" },
  });
  const yc = await makeDepartment(t.db, { level: "CITY", regionCode: "420500", parentId: hb.id });
  const sd = await makeDepartment(t.db, { regionCode: "370000" });
  const org = await makeOrg(t.db);
  const majors = await t.db.major.findMany({ where: { level: "HIGHER_VOCATIONAL" }, take: 2, orderBy: { code: "asc" } });
  for (const [k, levels] of [
    ["c2", ["INTERMEDIATE", "SENIOR"]],
    ["c3", ["INTERMEDIATE", "SENIOR"]],
    ["c9", []],
  ] as const) {
    const c = await makeCertificate(t.db, org.id);
    for (const l of levels) await makeLevel(t.db, c.id, l);
    await t.db.certificateMajor.createMany({ data: majors.map((m) => ({ certificateId: c.id, majorId: m.id })) });
    cert[k] = c.code;
  }
  const now = clock.now().getTime();
  plan = await makePlan(t.db, hb.id, [], {
    startsAt: new Date(now - 5 * 86400000),
    endsAt: new Date(now + 12 * 86400000),
    byMajor: true,
    cityReviewFirst: true,
  });
  clock.set(new Date(plan.startsAt.getTime() + 86400000));
  const school = await makeSchoolAccounts(t.db, { regionCode: "420111" });
  await t.db.school.update({
    where: { id: school.school.id },
    data: { name: `武汉体育学院${school.school.code}`, contactName: "周联系", contactPhone: "13900001234" },
  });
  const accounts = {
    school: school.principal,
    yichangSchool: (await makeSchoolAccounts(t.db, { regionCode: "420502" })).principal,
    bjSchool: (await makeSchoolAccounts(t.db, { regionCode: "110108" })).principal,
    wh: await makeUser(t.db, "EDU", { departmentId: wh.id }),
    yc: await makeUser(t.db, "EDU", { departmentId: yc.id }),
    hb: await makeUser(t.db, "EDU", { departmentId: hb.id }),
    sd: await makeUser(t.db, "EDU", { departmentId: sd.id }),
  };
  for (const [k, u] of Object.entries(accounts)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
}, 90_000);
const api = (k: string) => caller(t.db, { clock, session: s[k] });
const text = { teacherSituation: "专任教师 8 人", siteSituation: "实训室 2 间" };

async function apply(k: string, certificate: keyof typeof cert, level: "JUNIOR" | "INTERMEDIATE" | "SENIOR", submit = true) {
  const lv = await t.db.certificateLevel.findFirstOrThrow({ where: { certificate: { code: cert[certificate] }, level } });
  const majors = await t.db.certificateMajor.findMany({ where: { certificateId: lv.certificateId }, take: 2 });
  const lines = majors.map((m, i) => ({ majorId: m.majorId, students: 100, teachers: 5, requested: 40 + i * 10 }));
  return { ...(await api(k).applications.save({ planId: plan.id, certificateLevelId: lv.id, lines, ...text, submit })), lines, levelId: lv.id };
}

describe("application review", () => {
  it("goes to the city first, then the province sets approved numbers per major; the applicant gets an SMS", async () => {
    const a = await apply("school", "c2", "INTERMEDIATE");
    let row = await t.db.pilotApplication.findUniqueOrThrow({ where: { id: a.id } });
    expect([row.status, row.reviewStage]).toEqual(["IN_REVIEW", "CITY"]);
    // The province waits for the city; another city and another province do not see it at all.
    await expect(api("hb").applications.decide({ id: a.id, approve: true })).rejects.toThrow("尚待地市级教育局初审");
    await expect(api("yc").applications.decide({ id: a.id, approve: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("sd").applications.detail({ id: a.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("bjSchool").applications.detail({ id: a.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("school").applications.decide({ id: a.id, approve: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await api("wh").applications.decide({ id: a.id, approve: true });
    await expect(api("wh").applications.decide({ id: a.id, approve: true })).rejects.toThrow("不在地市级初审环节");
    row = await t.db.pilotApplication.findUniqueOrThrow({ where: { id: a.id } });
    expect([row.status, row.reviewStage]).toEqual(["IN_REVIEW", "PROVINCE"]);
    // More than requested is refused and changes nothing.
    const over = a.lines.map((l) => ({ majorId: l.majorId, approved: l.requested + 1 }));
    await expect(api("hb").applications.decide({ id: a.id, approve: true, lines: over })).rejects.toThrow("不能超过");
    expect((await t.db.pilotApplication.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("IN_REVIEW");
    const reduced = a.lines.map((l) => ({ majorId: l.majorId, approved: l.requested - 5 }));
    const res = await api("hb").applications.decide({ id: a.id, approve: true, lines: reduced });
    expect(res.approvedTotal).toBe(reduced.reduce((x, l) => x + l.approved, 0));
    const d = await api("school").applications.detail({ id: a.id });
    expect(d.status).toBe("APPROVED");
    expect(d.lines.map((l) => l.approved).sort()).toEqual(reduced.map((l) => l.approved).sort());
    expect(d.events.map((e) => [e.action, e.stage])).toEqual([
      ["SUBMIT", "CITY"],
      ["APPROVE", "CITY"],
      ["APPROVE", "PROVINCE"],
    ]);
    expect(d.events[1].actor).toContain("武汉教育局");
    const phone = (await t.db.user.findUniqueOrThrow({ where: { id: s.school.id } })).phone!;
    const sms = await t.db.smsOutbox.findFirstOrThrow({ where: { phone }, orderBy: { createdAt: "desc" } });
    expect(sms.content).toContain(`已审核通过，批准培训人数 ${res.approvedTotal} 人`);
    // The quota: this year's approved numbers, nothing next year.
    const q = await quotaOf(t.db, s.school.schoolId!, a.levelId, plan.year);
    expect(q.approvedTotal).toBe(res.approvedTotal);
    expect(q.majors).toHaveLength(2);
    expect((await quotaOf(t.db, s.school.schoolId!, a.levelId, plan.year + 1)).approvedTotal).toBeNull();
    // The department's view masks the contact phone.
    expect((await api("hb").applications.detail({ id: a.id })).school.contactPhone).toMatch(/\*{4}/);
  });

  it("a return needs a reason; the school edits and resubmits, back to the city", async () => {
    const a = await apply("school", "c2", "SENIOR");
    await expect(api("wh").applications.decide({ id: a.id, approve: false, reason: " " })).rejects.toThrow("退回原因");
    await api("wh").applications.decide({ id: a.id, approve: false, reason: "请补充师资情况" });
    const phone = (await t.db.user.findUniqueOrThrow({ where: { id: s.school.id } })).phone!;
    expect((await t.db.smsOutbox.findFirstOrThrow({ where: { phone }, orderBy: { createdAt: "desc" } })).content).toContain("请补充师资情况");
    await api("school").applications.save({ id: a.id, planId: plan.id, certificateLevelId: a.levelId, lines: a.lines, ...text, submit: true });
    const row = await t.db.pilotApplication.findUniqueOrThrow({ where: { id: a.id }, include: { events: { orderBy: { at: "asc" } } } });
    expect([row.status, row.reviewStage]).toEqual(["IN_REVIEW", "CITY"]);
    expect(row.events.map((e) => e.action)).toEqual(["SUBMIT", "RETURN", "SUBMIT"]);
    expect(row.events[1].reason).toBe("请补充师资情况");
  });

  it("batch approval passes only what is at the caller's stage", async () => {
    const a = await apply("school", "c3", "SENIOR");
    const b = await apply("school", "c3", "INTERMEDIATE", false); // a draft: invisible to departments
    const res = await api("wh").applications.approveMany({ ids: [a.id, b.id] });
    expect(res.approved).toBe(1);
    expect(res.failed).toEqual([{ id: b.id, message: "申报记录不存在" }]);
    const r2 = await api("hb").applications.approveMany({ ids: [a.id] });
    expect(r2.approved).toBe(1);
    const row = await t.db.pilotApplication.findUniqueOrThrow({ where: { id: a.id }, include: { lines: true } });
    expect(row.approvedTotal).toBe(row.requestedTotal);
    expect(row.lines.every((l) => l.approved === l.requested)).toBe(true);
  });

  it("review lists: a city sees its city's submitted applications, the province its province's, never drafts", async () => {
    const page = { page: 1, pageSize: 50 as const };
    const wh = await api("wh").lists.applicationReviews({ filter: {}, ...page });
    const whSchools = await t.db.school.findMany({ where: { id: { in: [...new Set(wh.rows.map((r) => r.schoolId))] } } });
    expect(whSchools.every((x) => x.regionCode.startsWith("4201"))).toBe(true);
    expect(wh.rows.every((r) => r.status !== "DRAFT")).toBe(true);
    expect(wh.counts.CITY).toBeGreaterThan(0);
    const yc = await api("yc").lists.applicationReviews({ filter: {}, ...page });
    expect(yc.rows.some((r) => r.schoolId === s.school.schoolId)).toBe(false);
    const hb = await api("hb").lists.applicationReviews({ filter: { school: "武汉体育" }, ...page });
    expect(hb.total).toBeGreaterThanOrEqual(3);
    expect((await api("sd").lists.applicationReviews({ filter: { school: "武汉体育" }, ...page })).total).toBe(0);
    await expect(api("school").lists.applicationReviews({ filter: {}, ...page })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const mine = await api("school").lists.pilotApplications({ filter: {}, ...page });
    expect(mine.rows.every((r) => r.schoolId === s.school.schoolId)).toBe(true);
    expect(mine.counts.DRAFT).toBeGreaterThanOrEqual(1);
    // Plan statistics, within the reader's scope.
    const plans = await api("hb").lists.plans({ filter: {}, page: 1, pageSize: 10 });
    const st = plans.rows.find((p) => p.id === plan.id)!.stats!;
    expect(st.submitted).toBeGreaterThanOrEqual(3);
    expect(st.approvedTrainees).toBeGreaterThan(0);
    const ycStats = (await api("yc").lists.plans({ filter: {}, page: 1, pageSize: 10 })).rows.find((p) => p.id === plan.id)!.stats!;
    expect(ycStats.submitted).toBeLessThan(st.submitted);
  });

  it("evidence follows the application: the school and the reviewing region may read it, others not", async () => {
    const f = await storeUpload({ db: t.db, clock, storage }, requester(s.school), "APPLICATION_EVIDENCE", { name: "佐证.pdf", size: PDF.length, bytes: PDF });
    const lv = await t.db.certificateLevel.findFirstOrThrow({ where: { certificate: { code: cert.c9 }, level: "JUNIOR" } });
    const majors = await t.db.certificateMajor.findMany({ where: { certificateId: lv.certificateId }, take: 1 });
    const lines = [{ majorId: majors[0].majorId, students: 50, teachers: 3, requested: 20 }];
    // Another school cannot attach this file.
    await expect(
      api("yichangSchool").applications.save({ planId: plan.id, certificateLevelId: lv.id, lines, ...text, evidenceFileId: f.id, submit: false }),
    ).rejects.toThrow("佐证材料不存在");
    const a = await api("school").applications.save({ planId: plan.id, certificateLevelId: lv.id, lines, ...text, evidenceFileId: f.id, submit: true });
    const file = await t.db.storedFile.findUniqueOrThrow({ where: { id: f.id } });
    expect(await canDownload(t.db, requester(s.wh), file, clock.now())).toBe(true);
    expect(await canDownload(t.db, requester(s.hb), file, clock.now())).toBe(true);
    expect(await canDownload(t.db, requester(s.yc), file, clock.now())).toBe(false);
    expect(await canDownload(t.db, requester(s.sd), file, clock.now())).toBe(false);
    expect(await canDownload(t.db, requester(s.bjSchool), file, clock.now())).toBe(false);
    expect(await canDownload(t.db, null, file, clock.now())).toBe(false);
    expect((await api("wh").applications.detail({ id: a.id })).evidence?.filename).toBe("佐证.pdf");
    // Word is accepted, an image is not.
    await expect(
      storeUpload({ db: t.db, clock, storage }, requester(s.school), "APPLICATION_EVIDENCE", {
        name: "x.png",
        size: 8,
        bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      }),
    ).rejects.toThrow("PDF/Word");
  });
});
