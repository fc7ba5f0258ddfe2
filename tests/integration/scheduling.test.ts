// 自动排考 on PostgreSQL: sittings at the school's own site or the allocated one, seats and tickets, duties, what
// could not be placed and why; nothing shows to the school before 发布; a re-run keeps published tickets; only
// inside 排考; another org gets nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { caller, login, runJobs } from "../support/trpc";
import { getStorage } from "@/server/storage";
import { checkTicket, ticketSignature } from "@/server/scheduling/ticket-check";
import { fixedClock } from "@/server/clock";
import { makeCertificate, makeExamPlan, makeOrg, makePilot, makeSchoolAccounts, makeSite, makeStudent, makeUser, PASSWORD } from "../support/factories";
import type { SessionUser } from "@/server/session-user";

const t = useTestDb();
const clock = fixedClock("2026-05-07T02:00:00Z");
const s: Record<string, SessionUser> = {};
const day = 86_400_000;
const f = {} as { plan: string; level: string; subject: string; a: string; b: string; c: string; site: string };

beforeAll(async () => {
  const org = await makeOrg(t.db);
  const otherOrg = await makeOrg(t.db);
  const cert = await makeCertificate(t.db, org.id);
  const level = cert.levels[0];
  f.level = level.id;
  f.subject = level.subjects[0].id;
  const major = await t.db.major.findFirstOrThrow({ where: { code: "510201", catalogVersion: "NEW" } });
  await t.db.certificateMajor.create({ data: { certificateId: cert.id, majorId: major.id } });
  const [a, b, c, d] = [await makeSchoolAccounts(t.db), await makeSchoolAccounts(t.db), await makeSchoolAccounts(t.db), await makeSchoolAccounts(t.db)];
  [f.a, f.b, f.c] = [a.school.id, b.school.id, c.school.id];
  for (const x of [a, b, c]) await makePilot(t.db, x.school.id, level.id, { year: 2026, approved: 50 });
  // 排考 [5, 12) from the plan's start: open now; 报考 still open too.
  const plan = await makeExamPlan(t.db, org.id, { start: new Date(clock.now().getTime() - 6 * day), schoolIds: [f.a, f.b, f.c], levelIds: [level.id] });
  f.plan = plan.id;
  const site = await makeSite(t.db, f.a, org.id, [level.id]);
  f.site = site.id;
  // 北方 lends its site to B for this plan; C has none.
  await t.db.siteAllocation.create({ data: { planId: plan.id, siteId: site.id, schoolId: f.b, certificateLevelId: level.id } });
  for (const name of ["13 号机房", "2 号机房"])
    await t.db.examRoom.create({
      data: {
        planId: plan.id,
        siteId: site.id,
        certificateLevelId: level.id,
        schoolId: f.a,
        name,
        type: "COMPUTER",
        seats: 2,
        subjects: { create: [{ subjectId: f.subject }] },
      },
    });
  // Five certified invigilators of another school, one of the host school.
  for (const [k, schoolId] of [f.a, d.school.id, d.school.id, d.school.id, d.school.id, d.school.id].entries()) {
    const teacher = await t.db.teacher.create({
      data: { schoolId, name: `监考${k}`, gender: "FEMALE", idType: "PASSPORT", idNumber: `T${k}${schoolId.slice(0, 6)}`, phone: "13600000000" },
    });
    const inv = await t.db.invigilator.create({ data: { schoolId, teacherId: teacher.id } });
    await t.db.invigilatorCertificate.create({ data: { invigilatorId: inv.id, certificateId: cert.id, orgId: org.id, status: "CERTIFIED" } });
  }
  const users = {
    org: await makeUser(t.db, "ORG", { orgId: org.id }),
    otherOrg: await makeUser(t.db, "ORG", { orgId: otherOrg.id }),
    a: a.principal,
    b: b.principal,
    c: c.principal,
  };
  for (const [k, u] of Object.entries(users)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
  // Registrations: A 3, B 2, C 1.
  for (const [k, n] of [
    ["a", 3],
    ["b", 2],
    ["c", 1],
  ] as const) {
    const school = { a: f.a, b: f.b, c: f.c }[k];
    for (let i = 0; i < n; i++) {
      const { candidate } = await makeStudent(t.db, school, { photo: true });
      await t.db.candidate.update({ where: { id: candidate.id }, data: { status: "VERIFIED", majorId: major.id } });
      await caller(t.db, { clock, session: s[k] }).registrations.register({ planId: f.plan, candidateId: candidate.id, certificateLevelId: f.level });
    }
  }
}, 60_000);
const api = (k: string) => caller(t.db, { clock, session: s[k] });
/** 自动排考 as the page does it: the request, the worker's job, then the finished run it polls. */
async function runNow(planId: string) {
  const { runId } = await api("org").scheduling.run({ planId });
  await runJobs(t.db, clock);
  return api("org").scheduling.runStatus({ id: runId });
}

describe("自动排考", () => {
  it("places sittings at their site, explains the rest, staffs rooms, and shows nothing before 发布", async () => {
    const r = await runNow(f.plan);
    expect(r).toMatchObject({ status: "DONE", placed: 4, unplaced: 2 });
    expect(r.reasons.sort((x, y) => x.reason.localeCompare(y.reason))).toEqual(
      [
        { reason: "本校没有该证书的考核站点，也未分配借考考核站点", count: 1 },
        { reason: "考核站点的考场座位不足（该科目 5 人，考场共 4 个座位）", count: 1 },
      ].sort((x, y) => x.reason.localeCompare(y.reason)),
    );
    const seats = await t.db.registrationSubject.findMany({ where: { planId: f.plan, roomId: { not: null } }, include: { room: true, registration: true } });
    expect(seats).toHaveLength(4);
    expect(new Set(seats.map((x) => x.ticketNumber)).size).toBe(4);
    expect(seats.every((x) => /^\d{20}$/.test(x.ticketNumber!))).toBe(true);
    // 2 号机房 fills first, one school's candidates together (by school, then candidate number).
    const first = seats.filter((x) => x.room!.name === "2 号机房");
    expect(first.map((x) => x.seat).sort()).toEqual([1, 2]);
    expect(new Set(first.map((x) => x.registration.schoolId)).size).toBe(1);
    const duties = await t.db.examDuty.findMany({ where: { planId: f.plan }, include: { invigilator: true } });
    expect(duties.filter((d) => d.role === "INVIGILATOR")).toHaveLength(4);
    expect(duties.filter((d) => d.role === "PATROL")).toHaveLength(1);
    expect(duties.every((d) => d.invigilator.schoolId !== f.a)).toBe(true);
    // Unpublished: the school still reads 未排考.
    const mine = await api("a").lists.registrations({ filter: { planId: f.plan }, page: 1, pageSize: 10 });
    expect(mine.rows.every((x) => x.status === "UNSCHEDULED")).toBe(true);
    expect((await api("org").workbench.get()).items.find((i) => i.title === "已排考未发布的科目")).toMatchObject({ count: 1 });
  });

  it("after 发布 the school sees 待考试; a re-run keeps the published tickets", async () => {
    await api("org").scheduling.publish({ planId: f.plan });
    const mine = await api("b").lists.registrations({ filter: { planId: f.plan }, page: 1, pageSize: 10 });
    const seated = new Set((await t.db.registrationSubject.findMany({ where: { planId: f.plan, roomId: { not: null } } })).map((x) => x.registrationId));
    expect(mine.rows.map((x) => x.status)).toEqual(mine.rows.map((x) => (seated.has(x.id) ? "WAITING" : "UNSCHEDULED")));
    expect(mine.rows.some((x) => x.status === "WAITING")).toBe(true);
    const before = await t.db.registrationSubject.findMany({ where: { planId: f.plan, ticketNumber: { not: null } }, orderBy: { registrationId: "asc" } });
    expect(await runNow(f.plan)).toMatchObject({ status: "DONE", placed: 4 });
    const after = await t.db.registrationSubject.findMany({ where: { planId: f.plan, ticketNumber: { not: null } }, orderBy: { registrationId: "asc" } });
    expect(after.map((x) => [x.registrationId, x.roomId, x.seat, x.ticketNumber])).toEqual(
      before.map((x) => [x.registrationId, x.roomId, x.seat, x.ticketNumber]),
    );
    // A scheduled registration can no longer be deleted.
    const reg = await t.db.registration.findFirstOrThrow({ where: { schoolId: f.a, subjects: { some: { roomId: { not: null } } } } });
    await expect(api("a").registrations.delete({ ids: [reg.id] })).rejects.toThrow("已排考的报考信息不能删除");
  });

  it("考核站点编排, 考场编排 and 排考明细: the org sees all, a host school its rooms' candidates, a borrower its own", async () => {
    const seated = await t.db.registrationSubject.findMany({ where: { planId: f.plan }, include: { registration: true } });
    const placedOf = (school: string) => seated.filter((x) => x.registration.schoolId === school && x.roomId).length;
    const org = await api("org").lists.siteSchedules({ filter: { planId: f.plan }, page: 1, pageSize: 10 });
    expect(org.rows).toHaveLength(1);
    expect(org.rows[0]).toMatchObject({ sittings: 6, placed: 4, rooms: 2, sites: 1, status: "SCHEDULING" });
    expect(org.counts).toMatchObject({ SCHEDULING: 1, DONE: 0, UNSCHEDULED: 0 });
    // C has no site: nothing placed, the reason in its 排考明细.
    const c = await api("c").lists.siteSchedules({ filter: {}, page: 1, pageSize: 10 });
    expect(c.rows[0]).toMatchObject({ sittings: 1, placed: 0, rooms: 0, status: "SCHEDULING" });
    const cSittings = await api("c").lists.sittings({ filter: {}, tab: "UNPLACED", page: 1, pageSize: 10 });
    expect(cSittings.rows.map((x) => x.unplacedReason)).toEqual(["本校没有该证书的考核站点，也未分配借考考核站点"]);
    expect(cSittings.rows[0].idNumberMasked).toMatch(/^\w{3}\*{4}\w{4}$/);
    expect(cSittings.rows[0].fullIdNumber).toBe("");
    const sites = await api("org").scheduling.sites({ id: org.rows[0].id });
    expect(sites.sites.map((x) => [x.name === "未找到考核站点", x.sittings, x.placed])).toEqual([
      [false, 5, 4],
      [true, 1, 0],
    ]);
    // The host A sees both rooms with every candidate in them; B (borrowing) only the rooms and candidates of its own.
    const aRooms = await api("a").lists.roomSchedules({ filter: {}, page: 1, pageSize: 10 });
    expect(aRooms.rows).toHaveLength(2);
    const all = await Promise.all(aRooms.rows.map((r) => api("a").scheduling.room({ id: r.id })));
    expect(all.flatMap((r) => r.sittings)).toHaveLength(4);
    expect(all.every((r) => r.runsRoom && r.duties.filter((d) => d.role === "INVIGILATOR").length === 2)).toBe(true);
    const bRooms = await api("b").lists.roomSchedules({ filter: {}, page: 1, pageSize: 10 });
    expect(bRooms.rows.length).toBeGreaterThan(0);
    const bSeen = (await Promise.all(bRooms.rows.map((r) => api("b").scheduling.room({ id: r.id })))).flatMap((r) => r.sittings);
    expect(bSeen).toHaveLength(placedOf(f.b));
    expect((await api("b").scheduling.room({ id: bRooms.rows[0].id })).runsRoom).toBe(false);
    const bSittings = await api("b").lists.sittings({ filter: {}, tab: "PLACED", page: 1, pageSize: 10 });
    expect(bSittings.total).toBe(placedOf(f.b));
    // Another school and another org get nothing, whatever ids they send.
    expect((await api("c").lists.roomSchedules({ filter: {}, page: 1, pageSize: 10 })).total).toBe(0);
    await expect(api("c").scheduling.room({ id: aRooms.rows[0].id })).rejects.toThrow("考场编排不存在");
    await expect(api("otherOrg").scheduling.room({ id: aRooms.rows[0].id })).rejects.toThrow("考场编排不存在");
    await expect(api("otherOrg").scheduling.sites({ id: org.rows[0].id })).rejects.toThrow("考试科目不存在");
    for (const list of ["siteSchedules", "roomSchedules", "sittings"] as const)
      expect((await api("otherOrg").lists[list]({ filter: { planId: f.plan }, page: 1, pageSize: 10 })).total).toBe(0);
    expect(await api("otherOrg").scheduling.plans()).toEqual([]);
    // The workbench: the host school's published rooms; another org nothing of this plan.
    expect((await api("a").workbench.get()).items.find((i) => i.title === "已发布排考的考场")).toMatchObject({ count: 2, href: "/school/scheduling/rooms" });
    expect((await api("c").workbench.get()).items.some((i) => i.title === "已发布排考的考场")).toBe(false);
  });

  it("one run per plan at a time; 发布 waits for it; another org cannot follow the run", async () => {
    const { runId } = await api("org").scheduling.run({ planId: f.plan });
    await expect(api("org").scheduling.run({ planId: f.plan })).rejects.toThrow("该考试计划正在排考");
    await expect(api("org").scheduling.publish({ planId: f.plan })).rejects.toThrow("正在排考");
    expect((await api("org").scheduling.plans())[0].running).toBe(runId);
    await expect(api("otherOrg").scheduling.runStatus({ id: runId })).rejects.toThrow("排考记录不存在");
    await runJobs(t.db, clock);
    expect(await api("org").scheduling.runStatus({ id: runId })).toMatchObject({ status: "DONE", placed: 4 });
  });

  it("准考证, 门贴, 桌贴 and 签到表 as PDFs: the host school its rooms, a borrower its own tickets, a student their own", async () => {
    const text = async (session: string, request: () => Promise<{ exportId: string }>) => {
      const { exportId } = await request();
      await runJobs(t.db, clock);
      const st = await api(session).exports.status({ id: exportId });
      expect(st).toMatchObject({ status: "DONE" });
      const file = await t.db.storedFile.findUniqueOrThrow({ where: { id: st.fileId! } });
      expect(file.contentType).toBe("application/pdf");
      const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vslc-pdf-")), "doc.pdf");
      fs.writeFileSync(pdf, await getStorage().readBuffer(file.key));
      expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
      return {
        text: execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }),
        pages: Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]),
      };
    };
    const rooms = await api("a").lists.roomSchedules({ filter: {}, page: 1, pageSize: 10 });
    const room = await api("a").scheduling.room({ id: rooms.rows[0].id });
    const tickets = await text("a", () => api("a").scheduling.document({ kind: "TICKETS", roomScheduleId: room.id }));
    expect(tickets.pages).toBe(room.sittings.length);
    for (const x of room.sittings) expect(tickets.text).toContain(x.ticketNumber);
    expect(tickets.text).toContain("考生须知");
    expect(tickets.text).toContain(room.room);
    const door = await text("a", () => api("a").scheduling.document({ kind: "DOOR_SIGNS", roomScheduleId: room.id }));
    expect(door.text).toContain(room.ticketRange.split("~")[0]);
    const desks = await text("a", () => api("a").scheduling.document({ kind: "DESK_STICKERS", roomScheduleId: room.id }));
    for (const x of room.sittings) expect(desks.text).toContain(x.name);
    const signIn = await text("a", () => api("a").scheduling.document({ kind: "SIGN_IN_SHEETS", planId: f.plan, subjectId: f.subject, siteId: f.site }));
    expect(signIn.text).toContain("考生签名");
    expect(signIn.pages).toBe(2); // both rooms of the site
    // The borrower: its own candidates' tickets only, none of the room documents.
    const bRoom = (await api("b").lists.roomSchedules({ filter: {}, page: 1, pageSize: 10 })).rows[0];
    const bTickets = await text("b", () => api("b").scheduling.document({ kind: "TICKETS", roomScheduleId: bRoom.id }));
    const bOwn = await t.db.registrationSubject.findMany({ where: { roomId: bRoom.roomId, registration: { schoolId: f.b } } });
    expect(bTickets.pages).toBe(bOwn.length);
    await expect(api("b").scheduling.document({ kind: "DOOR_SIGNS", roomScheduleId: bRoom.id })).rejects.toThrow("由承办考场的院校下载");
    await expect(api("c").scheduling.document({ kind: "TICKETS", roomScheduleId: room.id })).rejects.toThrow("考场编排不存在");
    await expect(api("otherOrg").scheduling.document({ kind: "TICKETS", planId: f.plan, subjectId: f.subject, siteId: f.site })).rejects.toThrow(
      "考场编排不存在",
    );
    // Only the requester downloads the file.
    const { exportId } = await api("a").scheduling.document({ kind: "TICKETS", roomScheduleId: room.id });
    await expect(api("b").exports.status({ id: exportId })).rejects.toThrow();
    // A student: their own published ticket; the QR link verifies, a forged signature reads nothing.
    const seatedB = await t.db.registrationSubject.findFirstOrThrow({
      where: { registration: { schoolId: f.b }, roomId: { not: null } },
      include: { registration: { include: { candidate: { include: { user: true } } } } },
    });
    clock.advance(61_000);
    s.studentB = await login(t.db, clock, seatedB.registration.candidate.user!.account, PASSWORD);
    const mine = await api("studentB").student.tickets();
    expect(mine.map((x) => x.ticketNumber)).toEqual([seatedB.ticketNumber]);
    const own = await text("studentB", () => api("studentB").student.ticket({}));
    expect(own.pages).toBe(1);
    expect(own.text).toContain(seatedB.ticketNumber!);
    const n = seatedB.ticketNumber!;
    expect(await checkTicket(t.db, n, ticketSignature(n))).toMatchObject({ ticketNumber: n, seat: seatedB.seat });
    expect(await checkTicket(t.db, n, "0".repeat(16))).toBeNull();
    // Another candidate's sitting (the room may hold the student's own too).
    const other = room.sittings.find((x) => x.id !== seatedB.id)!.id;
    await expect(api("studentB").student.ticket({ sittingId: other })).rejects.toThrow("没有可生成的准考证");
  }, 120_000);

  it("by hand: an unplaced candidate into a freed seat with a new ticket, a taken seat refused; invigilators changed or swapped", async () => {
    const waiting = await t.db.registrationSubject.findFirstOrThrow({ where: { planId: f.plan, roomId: null, siteId: { not: null } } });
    const full = await api("org").scheduling.moveTargets({ id: waiting.id });
    expect(full.rooms.map((r) => r.problem)).toEqual(["该考场座位已满", "该考场座位已满"]);
    // The host adds a seat to 13 号机房 (seats may grow in 排考); the candidate takes it.
    const big = await t.db.examRoom.findFirstOrThrow({ where: { planId: f.plan, name: "13 号机房" } });
    await t.db.examRoom.update({ where: { id: big.id }, data: { seats: 3 } });
    const targets = await api("org").scheduling.moveTargets({ id: waiting.id });
    expect(targets.rooms.find((r) => r.id === big.id)).toMatchObject({ firstFree: 3, problem: null });
    const moved = await api("org").scheduling.move({ sittingId: waiting.id, roomId: big.id });
    expect(moved.seat).toBe(3);
    expect(moved.ticketNumber).toMatch(/^\d{20}$/);
    const tickets = await t.db.registrationSubject.findMany({ where: { planId: f.plan, ticketNumber: { not: null } } });
    expect(new Set(tickets.map((x) => x.ticketNumber)).size).toBe(tickets.length);
    expect(await t.db.roomSchedule.findFirstOrThrow({ where: { roomId: big.id } })).toMatchObject({ candidates: 3, lastTicket: moved.ticketNumber });
    // Seat 1 of the other room is taken; C has no site at all.
    const small = await t.db.examRoom.findFirstOrThrow({ where: { planId: f.plan, name: "2 号机房" } });
    await expect(api("org").scheduling.move({ sittingId: waiting.id, roomId: small.id, seat: 1 })).rejects.toThrow("1 号座位已有考生");
    const noSite = await t.db.registrationSubject.findFirstOrThrow({ where: { planId: f.plan, siteId: null } });
    await expect(api("org").scheduling.move({ sittingId: noSite.id, roomId: small.id })).rejects.toThrow("没有可用的考核站点");
    await expect(api("otherOrg").scheduling.move({ sittingId: waiting.id, roomId: small.id })).rejects.toThrow("考生排考记录不存在");
    await expect(api("otherOrg").scheduling.moveTargets({ id: waiting.id })).rejects.toThrow("考生排考记录不存在");
    await expect(api("a").scheduling.move({ sittingId: waiting.id, roomId: small.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // Invigilators: the host school's own person may not take its room; one on the other room swaps.
    const duty = await t.db.examDuty.findFirstOrThrow({ where: { planId: f.plan, role: "INVIGILATOR", roomId: big.id } });
    const candidates = await api("org").scheduling.dutyCandidates({ id: duty.id });
    const host = candidates.find((c) => c.problem === "不能安排监考或巡考本校考场")!;
    expect(host).toBeDefined();
    await expect(api("org").scheduling.changeDuty({ dutyId: duty.id, invigilatorId: host.id })).rejects.toThrow("本校考场");
    const otherRoomDuty = await t.db.examDuty.findFirstOrThrow({ where: { planId: f.plan, role: "INVIGILATOR", roomId: small.id } });
    expect(candidates.find((c) => c.id === otherRoomDuty.invigilatorId)).toMatchObject({ swap: true, problem: null });
    await api("org").scheduling.changeDuty({ dutyId: duty.id, invigilatorId: otherRoomDuty.invigilatorId });
    const after = await t.db.examDuty.findMany({ where: { planId: f.plan, subjectId: f.subject } });
    expect(after.find((d) => d.invigilatorId === otherRoomDuty.invigilatorId)!.roomId).toBe(big.id);
    expect(after.find((d) => d.invigilatorId === duty.invigilatorId)!.roomId).toBe(small.id);
    await expect(api("otherOrg").scheduling.changeDuty({ dutyId: duty.id, invigilatorId: host.id })).rejects.toThrow("监考安排不存在");
    await expect(api("otherOrg").scheduling.dutyCandidates({ id: duty.id })).rejects.toThrow("监考安排不存在");
  });

  it("only inside 排考, only the plan's own org", async () => {
    const late = caller(t.db, { clock: fixedClock(new Date(clock.now().getTime() + 7 * day)), session: s.org });
    await expect(late.scheduling.run({ planId: f.plan })).rejects.toThrow("排考时间已结束");
    await expect(
      late.scheduling.move({ sittingId: (await t.db.registrationSubject.findFirstOrThrow({ where: { planId: f.plan } })).id, roomId: f.site }),
    ).rejects.toThrow("排考时间已结束");
    await expect(late.scheduling.publish({ planId: f.plan })).rejects.toThrow("排考时间已结束");
    const duty = await t.db.examDuty.findFirstOrThrow({ where: { planId: f.plan } });
    await expect(late.scheduling.changeDuty({ dutyId: duty.id, invigilatorId: duty.invigilatorId })).rejects.toThrow("排考时间已结束");
    // Bad input: a clear message, nothing written.
    const before = await t.db.exportRecord.count();
    await expect(api("a").scheduling.document({ kind: "NONSENSE" as never, roomScheduleId: f.plan })).rejects.toThrow(/[\u4e00-\u9fff]/);
    await expect(api("org").scheduling.move({ sittingId: duty.id, roomId: f.site, seat: 0 })).rejects.toThrow("座位号须大于 0");
    expect(await t.db.exportRecord.count()).toBe(before);
    await expect(api("otherOrg").scheduling.run({ planId: f.plan })).rejects.toThrow("考试计划不存在");
    await expect(api("otherOrg").scheduling.publish({ planId: f.plan })).rejects.toThrow("考试计划不存在");
    await expect(api("a").scheduling.run({ planId: f.plan })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The database keeps a sitting's seat whole.
    await expect(t.db.registrationSubject.updateMany({ where: { planId: f.plan, roomId: { not: null } }, data: { seat: null } })).rejects.toThrow(
      /RegistrationSubject_seat/,
    );
  });
});
