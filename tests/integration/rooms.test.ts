// 考场管理: where rooms may be set (own approved sites, allocated sites), the type from the subjects, the name
// unique per plan/site/certificate, what each 排考-window status allows, 沿用, and the import with real files.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, importer, login } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import { makeCertificate, makeExamPlan, makeOrg, makePilot, makeSchoolAccounts, makeSite, makeUser, PASSWORD } from "../support/factories";
import { failedReasons, filledTemplate } from "../support/import-files";
import type { SessionUser } from "@/server/session-user";
import { LocalStorage } from "@/server/storage";
import { beginImport, runImport } from "@/server/imports/pipeline";
import { roomImport } from "@/server/rooms/import-rooms";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
const storage = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), "vslc-rooms-")));
const s: Record<string, SessionUser> = {};
const day = 86_400_000;
const f = {} as {
  start: Date;
  plan: { id: string; code: string };
  next: { id: string; code: string };
  site: { id: string; code: string };
  pending: { id: string; code: string };
  level: { id: string; code: string };
  subjects: { computer: { id: string; code: string }; practical: { id: string; code: string } };
};

beforeAll(async () => {
  const year = clock.now().getUTCFullYear();
  const org = await makeOrg(t.db);
  const cert = await makeCertificate(t.db, org.id);
  const level = cert.levels[0];
  const practical = await t.db.examSubject.create({
    data: { code: `${level.code}201`, name: "实操技能（初级）", certificateLevelId: level.id, examMode: "PRACTICAL", durationMinutes: 120 },
  });
  f.level = level;
  f.subjects = { computer: level.subjects[0], practical };
  const host = await makeSchoolAccounts(t.db);
  const borrower = await makeSchoolAccounts(t.db);
  const outsider = await makeSchoolAccounts(t.db);
  for (const sc of [host, borrower, outsider]) await makePilot(t.db, sc.school.id, level.id, { year });
  f.site = await makeSite(t.db, host.school.id, org.id, [level.id]);
  f.pending = await makeSite(t.db, borrower.school.id, org.id, [level.id], { reviewStatus: "SUBMITTED" });
  f.start = new Date(clock.now().getTime() + 2 * day); // scheduling opens at start + 5 days
  const schools = [host.school.id, borrower.school.id];
  f.plan = await makeExamPlan(t.db, org.id, { start: f.start, schoolIds: schools, levelIds: [level.id] });
  f.next = await makeExamPlan(t.db, org.id, { start: new Date(f.start.getTime() + 30 * day), schoolIds: schools, levelIds: [level.id] });
  await t.db.siteAllocation.create({ data: { planId: f.plan.id, siteId: f.site.id, schoolId: borrower.school.id, certificateLevelId: level.id } });
  const orgUser = await makeUser(t.db, "ORG", { orgId: org.id });
  for (const [k, u] of Object.entries({ host: host.principal, borrower: borrower.principal, outsider: outsider.principal, org: orgUser })) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
}, 60_000);
const api = (k: string) => caller(t.db, { clock, session: s[k] });
const room = (over: Record<string, unknown> = {}) => ({
  planId: f.plan.id,
  siteId: f.site.id,
  certificateLevelId: f.level.id,
  subjectIds: [f.subjects.computer.id],
  name: "13 号机房",
  seats: 40,
  ...over,
});

describe("exam rooms", () => {
  it("sets a room at an own site; type from the subjects; one mode per room; name unique per plan, site, certificate", async () => {
    clock.set(new Date(f.start.getTime() + day));
    // The workbench warns while a plan about to schedule has no room of the school's.
    expect((await api("host").workbench.get()).items.some((i) => i.title.includes("尚未设置考场") && i.href === "/school/rooms")).toBe(true);
    const { id } = await api("host").rooms.save(room());
    const r = await t.db.examRoom.findUniqueOrThrow({ where: { id } });
    expect([r.type, r.seats, r.regionCode, r.address]).toEqual(["COMPUTER", 40, "110108", "学院路 30 号"]);
    await expect(api("host").rooms.save(room({ name: "一号实训室", subjectIds: [f.subjects.computer.id, f.subjects.practical.id] }))).rejects.toThrow(
      "一个考场只能安排一种考试方式",
    );
    await expect(api("host").rooms.save(room({ name: " 13 号机房 " }))).rejects.toThrow("已有同名考场");
    await expect(api("host").rooms.save(room({ seats: 0 }))).rejects.toThrow("正整数");
    await expect(api("host").rooms.save(room({ name: "" }))).rejects.toThrow("请填写考场名称");
    const practical = await api("host").rooms.save(room({ name: "一号实训室", subjectIds: [f.subjects.practical.id], seats: 20 }));
    expect((await t.db.examRoom.findUniqueOrThrow({ where: { id: practical.id } })).type).toBe("PRACTICAL");
    // The same name in the next plan is another room.
    await api("host").rooms.save(room({ planId: f.next.id }));
  });

  it("a borrowing school sets rooms at the allocated site for that plan only; a pending site or another plan is refused", async () => {
    clock.set(new Date(f.start.getTime() + day));
    const places = await api("borrower").rooms.places({ planId: f.plan.id });
    expect(places.map((p) => [p.siteId, p.allocated])).toEqual([[f.site.id, true]]);
    await api("borrower").rooms.save(room({ name: "借考机房" }));
    await expect(api("borrower").rooms.save(room({ name: "借考机房", planId: f.next.id }))).rejects.toThrow("考核站点不可用");
    await expect(api("borrower").rooms.save(room({ siteId: f.pending.id, name: "待审核站点机房" }))).rejects.toThrow("考核站点不可用");
    await expect(api("outsider").rooms.save(room({ name: "外校" }))).rejects.toThrow("考试计划不存在");
    // The host sees the borrower's room at its site (read-only); the borrower sees only its own.
    const host = await api("host").lists.rooms({ filter: { planId: f.plan.id }, page: 1, pageSize: 50 });
    const borrowed = host.rows.find((r) => r.name === "借考机房")!;
    expect(borrowed.mine).toBe(false);
    await expect(api("host").rooms.save({ ...room({ name: "改名" }), id: borrowed.id })).rejects.toThrow("考场不存在");
    await expect(api("host").rooms.delete({ ids: [borrowed.id] })).rejects.toThrow("考场不存在");
    const mine = await api("borrower").lists.rooms({ filter: {}, page: 1, pageSize: 50 });
    expect(mine.rows.map((r) => r.name)).toEqual(["借考机房"]);
    expect((await api("outsider").lists.rooms({ filter: {}, page: 1, pageSize: 50 })).all).toBe(0);
    await expect(api("outsider").rooms.detail({ id: borrowed.id })).rejects.toThrow("考场不存在");
    await expect(api("org").rooms.save(room())).rejects.toThrow();
    // The outsider's plans, places and 沿用 hold nothing of the host's.
    expect(await api("outsider").rooms.plans()).toEqual([]);
    expect(await api("outsider").rooms.places({ planId: f.plan.id })).toEqual([]);
    await expect(api("outsider").rooms.copy({ fromPlanId: f.plan.id, toPlanId: f.next.id })).rejects.toThrow("考试计划不存在");
    expect((await api("borrower").rooms.plans()).find((p) => p.id === f.plan.id)?._count.rooms).toBe(1);
  });

  it("未排考 edits all; 排考中 only more seats and no new rooms; 已结束 read-only; tabs follow the window", async () => {
    clock.set(new Date(f.start.getTime() + day));
    const r = await t.db.examRoom.findFirstOrThrow({ where: { planId: f.plan.id, name: "13 号机房" } });
    await api("host").rooms.save({ ...room({ name: "13 号机房", seats: 30 }), id: r.id });
    let tabs = await api("host").lists.rooms({ filter: { planId: f.plan.id }, page: 1, pageSize: 50 });
    expect(tabs.counts).toMatchObject({ NOT_SCHEDULED: tabs.all, SCHEDULING: 0, ENDED: 0 });
    clock.set(new Date(f.start.getTime() + 6 * day));
    tabs = await api("host").lists.rooms({ filter: { planId: f.plan.id }, page: 1, pageSize: 50 });
    expect(tabs.counts).toMatchObject({ NOT_SCHEDULED: 0, SCHEDULING: tabs.all });
    await expect(api("host").rooms.save({ ...room({ seats: 29, name: "13 号机房" }), id: r.id })).rejects.toThrow("不能少于原有的 30 个");
    await expect(api("host").rooms.save({ ...room({ seats: 30, name: "12 号机房" }), id: r.id })).rejects.toThrow("只能修改考位数");
    await api("host").rooms.save({ ...room({ seats: 45, name: "13 号机房" }), id: r.id });
    expect((await t.db.examRoom.findUniqueOrThrow({ where: { id: r.id } })).seats).toBe(45);
    await expect(api("host").rooms.save(room({ name: "新机房" }))).rejects.toThrow("已进入排考时间");
    await expect(api("host").rooms.delete({ ids: [r.id] })).rejects.toThrow("只有未排考");
    clock.set(new Date(f.start.getTime() + 13 * day));
    await expect(api("host").rooms.save({ ...room({ seats: 50, name: "13 号机房" }), id: r.id })).rejects.toThrow("不能修改");
    expect((await api("host").lists.rooms({ filter: { planId: f.plan.id }, tab: "ENDED", page: 1, pageSize: 50 })).total).toBeGreaterThan(0);
  });

  it("沿用 copies the school's rooms into a plan not yet scheduling, skipping names taken there", async () => {
    clock.set(new Date(f.start.getTime() + 13 * day));
    const r = await api("host").rooms.copy({ fromPlanId: f.plan.id, toPlanId: f.next.id });
    // 13 号机房 is already in the next plan; 一号实训室 is copied; the borrower's room is not the host's.
    expect(r).toEqual({ copied: 1, skipped: 1 });
    const next = await t.db.examRoom.findMany({ where: { planId: f.next.id }, orderBy: { name: "asc" } });
    expect(next.map((x) => [x.name, x.seats])).toEqual([
      ["13 号机房", 40],
      ["一号实训室", 20],
    ]);
    await expect(api("host").rooms.copy({ fromPlanId: f.next.id, toPlanId: f.plan.id })).rejects.toThrow("排考时间已结束");
    await expect(api("host").rooms.copy({ fromPlanId: f.plan.id, toPlanId: f.next.id })).rejects.toThrow("没有可沿用的考场");
  });

  it("imports rooms from the template: good rows written, bad ones back with reasons; nothing for another school", async () => {
    clock.set(new Date(f.start.getTime() + 20 * day));
    const row = (name: string, over: Partial<Record<"plan" | "site" | "level" | "subjects" | "seats", string>> = {}) => [
      over.plan ?? f.next.code,
      over.site ?? f.site.code,
      over.level ?? f.level.code,
      over.subjects ?? f.subjects.computer.code,
      name,
      over.seats ?? "35",
      "",
    ];
    const bytes = await filledTemplate(roomImport, [
      row("201 机房"),
      row("202 机房", { subjects: `${f.subjects.computer.code}、${f.subjects.practical.code}` }),
      row("13 号机房"),
      row("203 机房", { seats: "三十" }),
      row("204 机房", { site: f.pending.code }),
      row("201 机房"),
      row("205 机房", { plan: "209901010001" }),
    ]);
    const rec = await beginImport({ db: t.db, clock, storage }, importer(s.host), "EXAM_ROOMS", { name: "考场.xlsx", bytes });
    const done = await runImport({ db: t.db, clock, storage }, importer(s.host), roomImport, rec.id, bytes);
    expect([done.total, done.succeeded, done.failed]).toEqual([7, 1, 6]);
    const failed = await t.db.storedFile.findUniqueOrThrow({ where: { id: done.failedFileId! } });
    const reasons = await failedReasons(await storage.readBuffer(failed.key));
    expect(reasons).toEqual([
      expect.stringContaining("一个考场只能安排一种考试方式"),
      expect.stringContaining("已有同名考场"),
      "考场座位数须为正整数",
      expect.stringContaining("考核站点不可用"),
      "与第 3 行重复",
      expect.stringContaining("不存在或本校未参加"),
    ]);
    expect(await t.db.examRoom.count({ where: { planId: f.next.id, name: "201 机房", importId: rec.id } })).toBe(1);
    const records = await api("host").imports.records({ kinds: ["EXAM_ROOMS"], page: 1, pageSize: 10 });
    expect(records.rows[0]).toMatchObject({ id: rec.id, succeeded: 1, failed: 6 });
    await expect(api("borrower").imports.status({ id: rec.id })).rejects.toThrow("导入记录不存在");
    expect((await api("borrower").imports.records({ kinds: ["EXAM_ROOMS"], page: 1, pageSize: 10 })).total).toBe(0);
  });
});
