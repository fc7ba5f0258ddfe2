// 报考管理: single and imported registrations with every acceptance rule, the quota counted under its lock (also
// when imports and single registrations race for the last places), the snapshot, delete rules, the org's
// correction, candidate counts, and tenant isolation.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, importer, login, useCaseCtx } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import { makeCertificate, makeExamPlan, makeOrg, makePilot, makeSchoolAccounts, makeSite, makeStudent, makeUser, PASSWORD } from "../support/factories";
import { failedReasons, filledTemplate } from "../support/import-files";
import type { SessionUser } from "@/server/session-user";
import { LocalStorage } from "@/server/storage";
import { beginImport, runImport } from "@/server/imports/pipeline";
import { registrationByCertificateImport, registrationBySubjectImport } from "@/server/registrations/import-registrations";
import { registerCandidate } from "@/server/registrations/register";

const t = useTestDb();
const clock = fixedClock("2026-05-01T02:00:00Z");
const storage = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), "vslc-registrations-")));
const s: Record<string, SessionUser> = {};
const day = 86_400_000;
const f = {} as {
  schoolA: string;
  schoolB: string;
  level: string;
  levelCode: string;
  subjects: { id: string; code: string }[];
  plan: string;
  subjectPlan: string;
  laterPlan: string;
  majors: { id: string; code: string }[];
  org: string;
};

/** A 信息准确 candidate of the school in this major (a school candidate) or a social one. */
async function candidate(schoolId: string, opts: { majorId?: string | null; status?: "VERIFIED" | "PENDING_VERIFICATION"; type?: "SCHOOL" | "SOCIAL" } = {}) {
  const { candidate } = await makeStudent(t.db, schoolId, { photo: true });
  return t.db.candidate.update({
    where: { id: candidate.id },
    data: {
      status: opts.status ?? "VERIFIED",
      majorId: opts.majorId === undefined ? f.majors[0].id : opts.majorId,
      type: opts.type ?? "SCHOOL",
      phone: "13800000000",
    },
  });
}

beforeAll(async () => {
  const org = await makeOrg(t.db);
  f.org = org.id;
  const otherOrg = await makeOrg(t.db);
  const cert = await makeCertificate(t.db, org.id);
  const level = cert.levels[0];
  f.level = level.id;
  f.levelCode = level.code;
  const practice = await t.db.examSubject.create({
    data: {
      code: `${level.code}201`,
      name: "实操技能（初级）",
      certificateLevelId: level.id,
      examMode: "PRACTICAL",
      durationMinutes: 90,
      targetGroup: "院校考生",
    },
  });
  f.subjects = [
    { id: level.subjects[0].id, code: level.subjects[0].code },
    { id: practice.id, code: practice.code },
  ];
  f.majors = await t.db.major.findMany({
    where: { code: { in: ["510201", "510203"] }, catalogVersion: "NEW" },
    orderBy: { code: "asc" },
    select: { id: true, code: true },
  });
  await t.db.certificateMajor.create({ data: { certificateId: cert.id, majorId: f.majors[0].id } });
  const a = await makeSchoolAccounts(t.db);
  const b = await makeSchoolAccounts(t.db);
  f.schoolA = a.school.id;
  f.schoolB = b.school.id;
  await makePilot(t.db, a.school.id, level.id, { year: 2026, approved: 5 });
  await makePilot(t.db, b.school.id, level.id, { year: 2026, approved: 50 });
  const start = new Date(clock.now().getTime() - day);
  const schoolIds = [a.school.id, b.school.id];
  f.plan = (await makeExamPlan(t.db, org.id, { start, schoolIds, levelIds: [level.id] })).id;
  f.subjectPlan = (await makeExamPlan(t.db, org.id, { start, schoolIds, levelIds: [level.id], mode: "BY_SUBJECT" })).id;
  f.laterPlan = (await makeExamPlan(t.db, org.id, { start: new Date(clock.now().getTime() + 3 * day), schoolIds, levelIds: [level.id] })).id;
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
const register = (k: string, candidateId: string, over: Record<string, unknown> = {}) =>
  api(k).registrations.register({ planId: f.plan, candidateId, certificateLevelId: f.level, ...over });

async function importFile(k: string, bySubject: boolean, params: object, rows: string[][]) {
  const spec = bySubject ? registrationBySubjectImport : registrationByCertificateImport;
  const bytes = await filledTemplate(spec, rows);
  const rec = await beginImport({ db: t.db, clock, storage }, importer(s[k]), spec.kind, { name: "报考.xlsx", bytes }, params as never);
  const done = await runImport({ db: t.db, clock, storage }, importer(s[k]), spec, rec.id, bytes);
  const reasons = done.failedFileId
    ? await failedReasons(await storage.readBuffer((await t.db.storedFile.findUniqueOrThrow({ where: { id: done.failedFileId } })).key))
    : [];
  return { done, reasons };
}
const usedQuota = (schoolId: string) =>
  t.db.registration
    .findMany({ where: { schoolId, certificateLevelId: f.level, year: 2026 }, distinct: ["candidateId"], select: { candidateId: true } })
    .then((r) => r.length);

describe("single registration", () => {
  it("registers a 信息准确 candidate of the certificate's majors for every subject, keeping a snapshot", async () => {
    const c = await candidate(f.schoolB);
    const r = await register("b", c.id);
    const saved = await t.db.registration.findUniqueOrThrow({ where: { id: r.id }, include: { subjects: true } });
    expect(saved).toMatchObject({
      name: c.name,
      idNumber: c.idNumber,
      phone: "13800000000",
      photoFileId: c.photoFileId,
      majorId: f.majors[0].id,
      mode: "BY_CERTIFICATE",
      year: 2026,
    });
    expect(saved.majorName).toMatch(/^510201 /);
    expect(saved.subjects.map((x) => x.subjectId).sort()).toEqual(f.subjects.map((x) => x.id).sort());
    // Later edits of the candidate leave the snapshot.
    await t.db.candidate.update({ where: { id: c.id }, data: { name: "改过的名字", phone: "13900000000" } });
    const detail = await api("b").registrations.detail({ id: r.id });
    expect(detail).toMatchObject({ name: c.name, status: "UNSCHEDULED", paidAt: null });
    expect(detail.subjects).toHaveLength(2);
    await expect(register("b", c.id)).rejects.toThrow("考生已报考该证书，请勿重复报考");
    // The candidate list counts it and the candidate can no longer be deleted.
    const list = await api("b").lists.candidates({ filter: { idNumber: c.idNumber }, page: 1, pageSize: 10 });
    expect(list.rows[0].registeredCount).toBe(1);
    await expect(api("b").candidates.delete({ ids: [c.id] })).rejects.toThrow("已报考证书的考生不能删除");
  });

  it("refuses a candidate not 信息准确, outside the certificate's majors, without a major, or another school's", async () => {
    const pending = await candidate(f.schoolB, { status: "PENDING_VERIFICATION" });
    await expect(register("b", pending.id)).rejects.toThrow("考生信息状态为「信息待认证」，须为「信息准确」方可报考");
    const wrongMajor = await candidate(f.schoolB, { majorId: f.majors[1].id });
    await expect(register("b", wrongMajor.id)).rejects.toThrow("考生所学专业不在该证书对应的专业范围内");
    const noMajor = await candidate(f.schoolB, { majorId: null });
    await expect(register("b", noMajor.id)).rejects.toThrow("考生未填写所学专业");
    const theirs = await candidate(f.schoolA);
    await expect(register("b", theirs.id)).rejects.toThrow("考生不存在");
    // A social candidate has no major to check, but the level's 院校考生 subject does not fit: by subject only.
    const social = await candidate(f.schoolB, { majorId: null, type: "SOCIAL" });
    await expect(register("b", social.id)).rejects.toThrow("科目「实操技能（初级）」的参考对象为「院校考生」，该证书请按科目报考");
    expect(await t.db.registration.count({ where: { candidateId: { in: [pending.id, wrongMajor.id, noMajor.id, theirs.id, social.id] } } })).toBe(0);
  });

  it("only inside the plan's 报考 window", async () => {
    const c = await candidate(f.schoolB);
    await expect(register("b", c.id, { planId: f.laterPlan })).rejects.toThrow("考试计划尚未开始报考");
    const late = caller(t.db, { clock: fixedClock(new Date(clock.now().getTime() + 10 * day)), session: s.b });
    await expect(late.registrations.register({ planId: f.plan, candidateId: c.id, certificateLevelId: f.level })).rejects.toThrow("报考时间已结束");
    const plans = await api("b").registrations.plans();
    expect(plans.map((p) => p.id)).toEqual(expect.arrayContaining([f.plan, f.subjectPlan]));
    expect(plans.map((p) => p.id)).not.toContain(f.laterPlan);
  });

  it("by subject: the chosen subjects that fit the candidate", async () => {
    const social = await candidate(f.schoolB, { majorId: null, type: "SOCIAL" });
    await expect(register("b", social.id, { planId: f.subjectPlan, subjectCodes: [f.subjects[1].code] })).rejects.toThrow("考生不符");
    const r = await register("b", social.id, { planId: f.subjectPlan, subjectCodes: [f.subjects[0].code] });
    const saved = await t.db.registration.findUniqueOrThrow({ where: { id: r.id }, include: { subjects: true } });
    expect(saved).toMatchObject({ mode: "BY_SUBJECT", candidateType: "SOCIAL" });
    expect(saved.subjects.map((x) => x.subjectId)).toEqual([f.subjects[0].id]);
    await expect(register("b", social.id, { planId: f.subjectPlan, subjectCodes: [] })).rejects.toThrow("请填写报考科目编号");
  });
});

describe("import by certificate", () => {
  it("accepts the good rows and refuses each bad one with its reason, the quota last", async () => {
    const before = await usedQuota(f.schoolA);
    expect(before).toBe(0);
    const good = await Promise.all([1, 2, 3, 4, 5, 6].map(() => candidate(f.schoolA)));
    const pending = await candidate(f.schoolA, { status: "PENDING_VERIFICATION" });
    const wrongMajor = await candidate(f.schoolA, { majorId: f.majors[1].id });
    const theirs = await candidate(f.schoolB);
    const misnamed = await candidate(f.schoolA);
    const row = (c: { name: string; idNumber: string }, code = f.levelCode) => [c.name, c.idNumber, code];
    const { done, reasons } = await importFile("a", false, { planId: f.plan }, [
      row(good[0]),
      row(pending),
      row(wrongMajor),
      row(good[1]),
      row(theirs),
      [good[2].name, good[2].idNumber, "99999991"],
      ["别的名字", misnamed.idNumber, f.levelCode],
      row(good[2]),
      row(good[1]),
      row(good[3]),
      row(good[4]),
      row(good[5]),
    ]);
    // Quota 5: good 0, 1, 2, 3, 4 fit, good 5 is one too many.
    expect(done).toMatchObject({ status: "DONE", total: 12, succeeded: 5, failed: 7 });
    expect(reasons).toEqual([
      "考生信息状态为「信息待认证」，须为「信息准确」方可报考",
      "考生所学专业不在该证书对应的专业范围内",
      "考生不存在或不属于本校，请先在考生管理中添加考生",
      "证书编号 99999991 不在该考试计划中",
      `姓名与考生信息不一致（考生信息为「${misnamed.name}」）`,
      "与第 6 行重复",
      "报名人数超出2026年度试点名额（5 人，已用 5 人）",
    ]);
    expect(await usedQuota(f.schoolA)).toBe(5);
    const rows = await t.db.registration.findMany({ where: { schoolId: f.schoolA }, select: { importId: true, createdById: true } });
    expect(rows.every((r) => r.importId === done.id && r.createdById === s.a.id)).toBe(true);
  });

  it("is refused whole for a plan outside its window or in the other mode", async () => {
    const c = await candidate(f.schoolA);
    await expect(importFile("a", false, { planId: f.laterPlan }, [[c.name, c.idNumber, f.levelCode]])).rejects.toThrow("考试计划尚未开始报考");
    await expect(importFile("a", false, { planId: f.subjectPlan }, [[c.name, c.idNumber, f.levelCode]])).rejects.toThrow("请使用「按科目导入」");
    await expect(importFile("a", true, { planId: f.plan, certificateLevelId: f.level }, [[c.name, c.idNumber, f.subjects[0].code, ""]])).rejects.toThrow(
      "请使用「按证书导入」",
    );
    await expect(importFile("a", false, {}, [[c.name, c.idNumber, f.levelCode]])).rejects.toThrow("请先选择考试计划");
    expect(await t.db.registration.count({ where: { candidateId: c.id } })).toBe(0);
  });
});

describe("import by subject", () => {
  it("takes the chosen subjects and the declared 参考对象", async () => {
    const direction = await t.db.examSubject.create({
      data: {
        code: `${f.levelCode}301`,
        name: "方向实操",
        certificateLevelId: f.level,
        examMode: "PRACTICAL",
        durationMinutes: 60,
        targetGroup: "Web 前端方向",
      },
    });
    const plan = await t.db.examPlan.findUniqueOrThrow({ where: { id: f.subjectPlan } });
    await t.db.examPlanSubject.create({
      data: { planId: plan.id, subjectId: direction.id, startsAt: plan.examEndsAt, endsAt: new Date(plan.examEndsAt.getTime() + 3_600_000) },
    });
    const [x, y] = await Promise.all([candidate(f.schoolB), candidate(f.schoolB)]);
    const { done, reasons } = await importFile("b", true, { planId: f.subjectPlan, certificateLevelId: f.level }, [
      [x.name, x.idNumber, `${f.subjects[0].code}、${direction.code}`, "Web 前端方向"],
      [y.name, y.idNumber, direction.code, ""],
    ]);
    expect(done).toMatchObject({ succeeded: 1, failed: 1 });
    expect(reasons).toEqual(["科目「方向实操」的参考对象为「Web 前端方向」，考生不符"]);
    const saved = await t.db.registration.findFirstOrThrow({ where: { candidateId: x.id, planId: f.subjectPlan }, include: { subjects: true } });
    expect(saved.targetGroup).toBe("Web 前端方向");
    expect(saved.subjects.map((z) => z.subjectId).sort()).toEqual([f.subjects[0].id, direction.id].sort());
  });
});

describe("the quota under concurrency", () => {
  it("two imports and ten single registrations racing for the last places never exceed the quota", async () => {
    const org = await makeOrg(t.db);
    const cert = await makeCertificate(t.db, org.id);
    await t.db.certificateMajor.create({ data: { certificateId: cert.id, majorId: f.majors[0].id } });
    const level = cert.levels[0];
    const school = await makeSchoolAccounts(t.db);
    await makePilot(t.db, school.school.id, level.id, { year: 2026, approved: 12 });
    const plan = await makeExamPlan(t.db, org.id, { start: new Date(clock.now().getTime() - day), schoolIds: [school.school.id], levelIds: [level.id] });
    clock.advance(61_000);
    const who = await login(t.db, clock, school.principal.account, PASSWORD);
    const people = await Promise.all(Array.from({ length: 30 }, () => candidate(school.school.id)));
    const files = await Promise.all(
      [people.slice(0, 10), people.slice(10, 20)].map((group) =>
        filledTemplate(
          registrationByCertificateImport,
          group.map((c) => [c.name, c.idNumber, level.code]),
        ),
      ),
    );
    const imports = files.map(async (bytes) => {
      const rec = await beginImport(
        { db: t.db, clock, storage },
        importer(who),
        "REGISTRATIONS_BY_CERTIFICATE",
        { name: "并发.xlsx", bytes },
        { planId: plan.id },
      );
      return runImport({ db: t.db, clock, storage }, importer(who), registrationByCertificateImport, rec.id, bytes);
    });
    const singles = people.slice(20).map((c) =>
      registerCandidate({
        ctx: useCaseCtx(t.db, who, "school", clock),
        input: { planId: plan.id, candidateId: c.id, certificateLevelId: level.id, subjectCodes: [] },
      }).then(
        () => "ok",
        (e: Error) => e.message,
      ),
    );
    const [i1, i2, ...single] = await Promise.all([...imports, ...singles]);
    const placed = await t.db.registration.count({ where: { schoolId: school.school.id, certificateLevelId: level.id } });
    expect(placed).toBe(12);
    const ok = (i1 as { succeeded: number }).succeeded + (i2 as { succeeded: number }).succeeded + single.filter((x) => x === "ok").length;
    expect(ok).toBe(12);
    for (const m of single.filter((x) => x !== "ok")) expect(m).toMatch(/超出2026年度试点名额|正在导入报考/);
  }, 60_000);
});

describe("delete", () => {
  it("only unpaid, unscheduled, off any order and inside the window; the database keeps a paid one", async () => {
    const [c1, c2, c3] = await Promise.all([candidate(f.schoolB), candidate(f.schoolB), candidate(f.schoolB)]);
    const [r1, r2, r3] = [await register("b", c1.id), await register("b", c2.id), await register("b", c3.id)];
    await t.db.registration.update({ where: { id: r2.id }, data: { paidAt: clock.now() } });
    await expect(api("b").registrations.delete({ ids: [r1.id, r2.id] })).rejects.toThrow(`${c2.name}：已缴费的报考信息不能删除`);
    // 排考 gave it a seat (as the scheduler writes it) and published it.
    const site = await makeSite(t.db, f.schoolB, f.org, [f.level]);
    const room = await t.db.examRoom.create({
      data: { planId: f.plan, siteId: site.id, certificateLevelId: f.level, schoolId: f.schoolB, name: "1 号机房", type: "COMPUTER", seats: 10 },
    });
    const sittings = await t.db.registrationSubject.findMany({ where: { registrationId: r3.id } });
    for (const [k, x] of sittings.entries())
      await t.db.registrationSubject.update({
        where: { registrationId_subjectId: { registrationId: x.registrationId, subjectId: x.subjectId } },
        data: { scheduledAt: clock.now(), roomId: room.id, seat: 1, ticketNumber: `2660000${k}${r3.id.replace(/\D/g, "").slice(0, 12)}` },
      });
    await t.db.examPlanSubject.updateMany({ where: { planId: f.plan }, data: { publishedAt: clock.now() } });
    await expect(api("b").registrations.delete({ ids: [r3.id] })).rejects.toThrow("已排考的报考信息不能删除");
    const late = caller(t.db, { clock: fixedClock(new Date(clock.now().getTime() + 10 * day)), session: s.b });
    await expect(late.registrations.delete({ ids: [r1.id] })).rejects.toThrow("不能删除报考信息");
    expect(await api("b").registrations.delete({ ids: [r1.id] })).toEqual({ deleted: 1 });
    await expect(t.db.registration.delete({ where: { id: r2.id } })).rejects.toThrow(/已缴费的报考信息不能删除/);
    await expect(t.db.registration.update({ where: { id: r2.id }, data: { paidAt: null } })).rejects.toThrow(/不能取消缴费/);
  });
});

describe("the org's correction", () => {
  it("changes only pinyin and phone; the database refuses the rest of the snapshot", async () => {
    const c = await candidate(f.schoolB);
    const r = await register("b", c.id);
    await api("org").registrations.update({ id: r.id, pinyin: "Zhang San", phone: "13700000001" });
    expect(await t.db.registration.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ pinyin: "zhang san", phone: "13700000001", name: c.name });
    await expect(api("org").registrations.update({ id: r.id, pinyin: "张三", phone: "" })).rejects.toThrow("姓名拼音只能包含字母和空格");
    await expect(api("otherOrg").registrations.update({ id: r.id, pinyin: "a", phone: "" })).rejects.toThrow("报考信息不存在");
    await expect(t.db.registration.update({ where: { id: r.id }, data: { name: "改名" } })).rejects.toThrow(/只能修改姓名拼音和手机号/);
    expect((await api("org").registrations.detail({ id: r.id })).phone).toBe("13700000001");
  });
});

describe("tenant isolation", () => {
  it("another school or org gets nothing, whatever ids it sends", async () => {
    const c = await candidate(f.schoolB);
    const r = await register("b", c.id);
    await expect(api("a").registrations.detail({ id: r.id })).rejects.toThrow("报考信息不存在");
    await expect(api("a").registrations.delete({ ids: [r.id] })).rejects.toThrow("报考信息不存在");
    await expect(api("otherOrg").registrations.detail({ id: r.id })).rejects.toThrow("报考信息不存在");
    await expect(api("a").registrations.register({ planId: f.plan, candidateId: c.id, certificateLevelId: f.level })).rejects.toThrow("考生不存在");
    const mine = await api("a").lists.registrations({ filter: {}, page: 1, pageSize: 50 });
    expect(mine.rows.every((x) => x.schoolId === f.schoolA)).toBe(true);
    expect((await api("otherOrg").lists.registrations({ filter: {}, page: 1, pageSize: 10 })).total).toBe(0);
    const orgRows = await api("org").lists.registrations({ filter: { idNumber: c.idNumber }, page: 1, pageSize: 10 });
    expect(orgRows.rows.map((x) => x.id)).toEqual([r.id]);
    expect(orgRows.rows[0].fullIdNumber).toBe("");
    expect((await api("a").registrations.candidates({ q: c.name })).length).toBe(0);
  });
});
