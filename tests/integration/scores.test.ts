// 科目成绩 and 考证结果 on PostgreSQL: the org imports (a real .xlsx through the pipeline) and enters scores only inside
// 成绩登记; results follow the plan's pass rule; the school sees its own, the student only from 公示 on; corrections
// during 公示 keep the old value and recompute the result; after 公示 the database refuses any change. Another
// org, school or student gets nothing, whatever ids it sends.
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { useTestDb } from "../support/db";
import { caller, exportNow, importer, lastSmsCode, login } from "../support/trpc";
import { failedReasons, filledTemplate } from "../support/import-files";
import { fixedClock } from "@/server/clock";
import { getStorage } from "@/server/storage";
import { beginImport, runImport } from "@/server/imports/pipeline";
import { scoreImport, scoreImportProblem } from "@/server/scores/import-scores";
import { lockDueScores } from "@/server/scores/lock-scores";
import { makeCertificate, makeExamPlan, makeOrg, makePilot, makeSchoolAccounts, makeSite, makeStudent, makeUser, PASSWORD } from "../support/factories";
import type { SessionUser } from "@/server/session-user";

const t = useTestDb();
const day = 86_400_000;
const start = new Date("2026-04-01T00:00:00Z");
const at = (days: number) => new Date(start.getTime() + days * day);
const clock = fixedClock(at(1));
const storage = getStorage();
const s: Record<string, SessionUser> = {};
type Cand = { regId: string; idNumber: string; tickets: string[]; sittings: string[]; user: string };
const f = {} as { plan: string; otherPlan: string; theory: string; practice: string; theoryCode: string; practiceCode: string; a: Cand[]; b: Cand[] };

beforeAll(async () => {
  const org = await makeOrg(t.db);
  const otherOrg = await makeOrg(t.db);
  const cert = await makeCertificate(t.db, org.id);
  const level = cert.levels[0];
  f.theory = level.subjects[0].id;
  f.theoryCode = level.subjects[0].code;
  // A second subject: 实操, 满分 150, 合格 90.
  const practice = await t.db.examSubject.create({
    data: {
      code: `${level.code}102`,
      name: "实操技能（初级）",
      certificateLevelId: level.id,
      examMode: "PRACTICAL",
      durationMinutes: 90,
      fullScore: 150,
      passScore: 90,
    },
  });
  f.practice = practice.id;
  f.practiceCode = practice.code;
  const major = await t.db.major.findFirstOrThrow({ where: { code: "510201", catalogVersion: "NEW" } });
  await t.db.certificateMajor.create({ data: { certificateId: cert.id, majorId: major.id } });
  const [a, b] = [await makeSchoolAccounts(t.db), await makeSchoolAccounts(t.db)];
  for (const x of [a, b]) await makePilot(t.db, x.school.id, level.id, { year: 2026, approved: 50 });
  const plan = await makeExamPlan(t.db, org.id, { start, schoolIds: [a.school.id, b.school.id], levelIds: [level.id] });
  f.plan = plan.id;
  const otherCert = await makeCertificate(t.db, otherOrg.id);
  f.otherPlan = (await makeExamPlan(t.db, otherOrg.id, { start, schoolIds: [a.school.id], levelIds: [otherCert.levels[0].id] })).id;
  const users = {
    org: await makeUser(t.db, "ORG", { orgId: org.id }),
    otherOrg: await makeUser(t.db, "ORG", { orgId: otherOrg.id }),
    a: a.principal,
    b: b.principal,
  };
  for (const [k, u] of Object.entries(users)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
  const site = await makeSite(t.db, a.school.id, org.id, [level.id]);
  const room = await t.db.examRoom.create({
    data: {
      planId: plan.id,
      siteId: site.id,
      certificateLevelId: level.id,
      schoolId: a.school.id,
      name: "1 号机房",
      type: "COMPUTER",
      seats: 30,
      subjects: { create: [{ subjectId: f.theory }, { subjectId: f.practice }] },
    },
  });
  let seat = 0;
  const make = async (k: "a" | "b", schoolId: string, n: number) => {
    const out: Cand[] = [];
    for (let i = 0; i < n; i++) {
      const { candidate, user } = await makeStudent(t.db, schoolId, { photo: true });
      await t.db.candidate.update({ where: { id: candidate.id }, data: { status: "VERIFIED", majorId: major.id } });
      await caller(t.db, { clock, session: s[k] }).registrations.register({ planId: f.plan, candidateId: candidate.id, certificateLevelId: level.id });
      const reg = await t.db.registration.findFirstOrThrow({ where: { candidateId: candidate.id }, include: { subjects: { orderBy: { subjectId: "asc" } } } });
      // Seated as 排考 would (the scheduler has its own tests).
      const tickets: string[] = [];
      const sittings: string[] = [];
      for (const subjectId of [f.theory, f.practice]) {
        seat++;
        const ticket = `9${String(seat).padStart(19, "0")}`;
        await t.db.registrationSubject.update({
          where: { registrationId_subjectId: { registrationId: reg.id, subjectId } },
          data: { roomId: room.id, seat, ticketNumber: ticket, scheduledAt: at(6), siteId: site.id },
        });
        tickets.push(ticket);
        sittings.push((await t.db.registrationSubject.findUniqueOrThrow({ where: { registrationId_subjectId: { registrationId: reg.id, subjectId } } })).id);
      }
      out.push({ regId: reg.id, idNumber: candidate.idNumber, tickets, sittings, user: user.account });
    }
    return out;
  };
  f.a = await make("a", a.school.id, 4);
  f.b = await make("b", b.school.id, 1);
  for (const [k, c] of [...f.a.slice(0, 2), ...f.b].map((c, i) => [`student${i}`, c] as const)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, c.user, PASSWORD);
  }
}, 90_000);

const api = (k: string) => caller(t.db, { clock, session: s[k] });

async function importScores(rows: string[][], planId = f.plan, who = "org") {
  const bytes = await filledTemplate(scoreImport, rows);
  const imp = importer(s[who], "org");
  const problem = await scoreImportProblem(t.db, imp, { planId }, clock.now());
  if (problem) return { problem };
  const rec = await beginImport({ db: t.db, clock, storage }, imp, "SUBJECT_SCORES", { name: "成绩.xlsx", bytes }, { planId });
  const done = await runImport({ db: t.db, clock, storage }, imp, scoreImport, rec.id, bytes);
  const reasons = done.failedFileId
    ? await failedReasons(await storage.readBuffer((await t.db.storedFile.findUniqueOrThrow({ where: { id: done.failedFileId } })).key))
    : [];
  return { done, reasons };
}
const outcome = (regId: string) => t.db.certificationResult.findUnique({ where: { registrationId: regId } }).then((r) => r?.outcome ?? null);

describe("成绩登记", () => {
  it("is refused before the window, for another org's plan and through the route check", async () => {
    clock.set(at(14.5));
    expect((await importScores([[f.a[0].tickets[0], "", "", "", "80", ""]])).problem).toMatch(/不在成绩登记时间内/);
    clock.set(at(15.5));
    expect((await importScores([[f.a[0].tickets[0], "", "", "", "80", ""]], f.otherPlan)).problem).toBe("考试计划不存在");
    expect((await importScores([[f.a[0].tickets[0], "", "", "", "80", ""]], f.plan, "otherOrg")).problem).toBe("考试计划不存在");
    expect(await t.db.subjectScore.count({ where: { planId: f.plan } })).toBe(0);
  });

  it("imports a real .xlsx: by ticket or by ID and subject, 缺考 and 违纪, bad rows back with their reasons", async () => {
    const [p, q, r, w] = f.a;
    const { done, reasons } = await importScores([
      [p.tickets[0], "", "", "", "60", "正常"], // pass: 60 ≥ 60
      ["", "", p.idNumber, f.practiceCode, "90", ""], // pass: 90 ≥ 90 of 150
      [q.tickets[0], "", "", "", "59.5", ""], // fails 理论
      [q.tickets[1], "", "", "", "140", ""],
      [r.tickets[0], "", "", "", "", "缺考"],
      [r.tickets[1], "", "", "", "", "缺考"],
      [w.tickets[0], "", "", "", "", "违纪"],
      [w.tickets[1], "", "", "", "151", ""], // over 满分
      ["99999999999999999999", "", "", "", "70", ""],
      [f.b[0].tickets[0], "", "", "", "八十", ""],
      [f.b[0].tickets[1], "", "", "", "70", "迟到"],
      [p.tickets[0], "", "", "", "61", ""], // the same ticket twice
    ]);
    expect(done).toMatchObject({ status: "DONE", total: 12, succeeded: 7, failed: 5 });
    expect(reasons).toEqual(["成绩须在 0 至 150（满分）之间", "该考试计划中没有该准考证号", "成绩须为数字", "考试状态只能为正常、缺考或违纪", "与第 3 行重复"]);
    expect(await outcome(p.regId)).toBe("PASSED");
    expect(await outcome(q.regId)).toBe("FAILED");
    expect(await outcome(r.regId)).toBe("ABSENT");
    expect(await outcome(w.regId)).toBe("DISQUALIFIED");
    expect(await outcome(f.b[0].regId)).toBeNull();
    const rec = await api("org").imports.status({ id: done!.id });
    expect(rec).toMatchObject({ kind: "SUBJECT_SCORES", succeeded: 7 });
    expect((await api("org").workbench.get()).items.find((i) => i.title.startsWith("成绩登记中"))).toMatchObject({ count: 3, href: "/org/scores" });
    // The org's import record is not a school's.
    await expect(api("a").imports.status({ id: done!.id })).rejects.toThrow();
  });

  it("single entry inside 成绩登记; re-entering keeps the old value; bad input changes nothing", async () => {
    const b = f.b[0];
    await api("org").scores.enter({ sittingId: b.sittings[0], mark: "SCORED", score: "75" });
    expect(await outcome(b.regId)).toBe("PENDING");
    await api("org").scores.enter({ sittingId: b.sittings[1], mark: "SCORED", score: "80" });
    expect(await outcome(b.regId)).toBe("FAILED"); // 80 < 90
    await api("org").scores.enter({ sittingId: b.sittings[1], mark: "SCORED", score: "95" });
    expect(await outcome(b.regId)).toBe("PASSED");
    const score = await t.db.subjectScore.findFirstOrThrow({ where: { registrationId: b.regId, subjectId: f.practice }, include: { corrections: true } });
    expect(score.corrections.map((c) => [Number(c.oldScore), Number(c.newScore), c.reason])).toEqual([[80, 95, "重新录入"]]);
    await expect(api("org").scores.enter({ sittingId: b.sittings[1], mark: "SCORED", score: "95" })).rejects.toThrow("成绩与原成绩相同");
    await expect(api("org").scores.enter({ sittingId: b.sittings[1], mark: "SCORED", score: "200" })).rejects.toThrow("成绩须在 0 至 150");
    await expect(api("org").scores.enter({ sittingId: b.sittings[1], mark: "ABSENT", score: "50" })).rejects.toThrow("缺考的科目不填写成绩");
    await expect(api("org").scores.correct({ sittingId: b.sittings[1], mark: "SCORED", score: "96", reason: "复核" })).rejects.toThrow(/成绩公示期间/);
    expect(Number((await t.db.subjectScore.findUniqueOrThrow({ where: { id: score.id } })).score)).toBe(95);
  });

  it("the school sees its own candidates' scores and results; another school, org or student none", async () => {
    const a = await api("a").lists.scores({ filter: { planId: f.plan }, page: 1, pageSize: 50 });
    expect(a.total).toBe(8);
    expect(a.counts).toMatchObject({ NONE: 1, SCORED: 4, ABSENT: 2, DISQUALIFIED: 1 });
    const b = await api("b").lists.scores({ filter: {}, page: 1, pageSize: 50 });
    expect(b.rows.map((r) => r.id).sort()).toEqual([...f.b[0].sittings].sort());
    expect((await api("otherOrg").lists.scores({ filter: { planId: f.plan }, page: 1, pageSize: 50 })).total).toBe(0);
    const results = await api("a").lists.results({ filter: { planId: f.plan }, page: 1, pageSize: 50 });
    expect(results.counts).toMatchObject({ PASSED: 1, FAILED: 1, ABSENT: 1, DISQUALIFIED: 1, PENDING: 0 });
    const detail = await api("a").scores.result({ id: f.a[1].regId });
    expect(detail).toMatchObject({
      outcome: "未通过",
      subjects: [
        { score: "59.5", passScore: 60 },
        { score: "140", fullScore: 150 },
      ],
    });
    expect(detail.rule).toMatch(/各科目成绩均达到合格分数/);
    // 成绩登记's plans: the org's own only.
    expect((await api("org").scores.plans()).map((p) => p.id)).toContain(f.plan);
    expect((await api("otherOrg").scores.plans()).map((p) => p.id)).not.toContain(f.plan);
    for (const k of ["b", "otherOrg"]) await expect(api(k).scores.result({ id: f.a[1].regId })).rejects.toThrow("考证结果不存在");
    for (const id of [f.b[0].sittings[0], f.a[0].sittings[0]])
      await expect(api("otherOrg").scores.enter({ sittingId: id, mark: "SCORED", score: "10" })).rejects.toThrow("考生成绩记录不存在");
    await expect(api("a").scores.enter({ sittingId: f.a[0].sittings[0], mark: "SCORED", score: "10" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // 我的报考: the student's own registration only, whatever else exists.
    expect((await api("student0").student.registrations()).map((r) => r.id)).toEqual([f.a[0].regId]);
    expect((await api("student2").student.registrations()).map((r) => r.id)).toEqual([f.b[0].regId]);
    // Before 公示 the student sees nothing.
    expect(await api("student0").student.results()).toEqual([]);
    await expect(api("student0").student.result({ id: f.a[0].regId })).rejects.toThrow("考证结果不存在");
  });

  it("exports 证书考核详情 as a real .xlsx", async () => {
    clock.advance(61_000);
    await api("a").auth.sendOwnCode({ purpose: "EXPORT" });
    const smsCode = await lastSmsCode(t.db, (await t.db.user.findUniqueOrThrow({ where: { id: s.a.id } })).phone!);
    const { fileId, rows } = await exportNow(api("a"), t.db, clock, { list: "results", filter: { planId: f.plan }, smsCode });
    expect(rows).toBe(4);
    const file = await t.db.storedFile.findUniqueOrThrow({ where: { id: fileId } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await storage.readBuffer(file.key)) as never);
    const text = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(text).toContain("未通过");
    expect(text).toContain(f.a[1].idNumber);
  });
});

describe("成绩公示", () => {
  it("the student sees their own only; an import over a published score fails; a correction with a reason recomputes", async () => {
    clock.set(at(21.5));
    expect((await api("a").workbench.get()).items.find((i) => i.title === "成绩公示中的考证结果")).toMatchObject({ count: 4 });
    const mine = await api("student1").student.results();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ outcome: "未通过", subjects: [{ score: "59.5" }, { score: "140" }] });
    expect((await api("student1").student.result({ id: f.a[1].regId })).subjects[0].corrections).toEqual([]);
    for (const id of [f.a[0].regId, f.b[0].regId]) await expect(api("student1").student.result({ id })).rejects.toThrow("考证结果不存在");
    expect((await importScores([[f.a[1].tickets[0], "", "", "", "61", ""]])).problem).toMatch(/不在成绩登记时间内/);
    await expect(api("org").scores.enter({ sittingId: f.a[1].sittings[0], mark: "SCORED", score: "61" })).rejects.toThrow(/不在成绩登记时间内/);
    await expect(api("org").scores.correct({ sittingId: f.a[1].sittings[0], mark: "SCORED", score: "61", reason: "" })).rejects.toThrow("请填写更正原因");
    await api("org").scores.correct({ sittingId: f.a[1].sittings[0], mark: "SCORED", score: "61", reason: "复核试卷，漏计第 12 题 1.5 分" });
    expect(await outcome(f.a[1].regId)).toBe("PASSED");
    const detail = await api("org").scores.result({ id: f.a[1].regId });
    expect(detail.subjects[0].corrections).toEqual([expect.objectContaining({ from: "59.5", to: "61", reason: "复核试卷，漏计第 12 题 1.5 分" })]);
    expect((await api("student1").student.results())[0].outcome).toBe("通过");
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "score.correct", targetId: f.a[1].sittings[0] } });
    expect(audit.summary).toMatch(/59\.5 → 61，原因：复核试卷/);
  });

  it("after 公示 the scores are locked: the use case refuses, and so does the database", async () => {
    clock.set(at(28));
    await expect(api("org").scores.correct({ sittingId: f.a[1].sittings[0], mark: "SCORED", score: "62", reason: "再次复核" })).rejects.toThrow(
      "成绩已永久锁定",
    );
    expect(await lockDueScores(t.db, clock.now())).toBeGreaterThanOrEqual(1);
    expect(await lockDueScores(t.db, clock.now())).toBe(0);
    const plan = await t.db.examPlan.findUniqueOrThrow({ where: { id: f.plan } });
    expect(plan.scoresLockedAt).toEqual(clock.now());
    await expect(t.db.$executeRaw`UPDATE "SubjectScore" SET score = 100 WHERE "planId" = ${f.plan}::uuid`).rejects.toThrow(/永久锁定/);
    await expect(t.db.$executeRaw`DELETE FROM "SubjectScore" WHERE "planId" = ${f.plan}::uuid`).rejects.toThrow(/永久锁定/);
    await expect(t.db.$executeRaw`UPDATE "CertificationResult" SET outcome = 'PASSED' WHERE "planId" = ${f.plan}::uuid`).rejects.toThrow(/锁定/);
    await expect(t.db.$executeRaw`UPDATE "ExamPlan" SET "scoresLockedAt" = NULL WHERE id = ${f.plan}::uuid`).rejects.toThrow(/不可撤销/);
    await expect(t.db.$executeRaw`UPDATE "ScoreCorrection" SET reason = '改' `).rejects.toThrow(/不可修改/);
    // Not even a registration's deletion takes its scores with it.
    await expect(t.db.$executeRaw`DELETE FROM "RegistrationSubject" WHERE "registrationId" = ${f.a[0].regId}::uuid`).rejects.toThrow();
    expect(await outcome(f.a[1].regId)).toBe("PASSED");
    // The student still sees the final result.
    expect((await api("student1").student.results())[0]).toMatchObject({ outcome: "通过", phase: "成绩已锁定" });
  });
});
