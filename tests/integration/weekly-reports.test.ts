// 周报: the principal writes the current period's report, submits, withdraws, resubmits after a return;
// departments of the region review and see who has not submitted; nothing is submitted after the period.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login, requester } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import type { SessionUser } from "@/server/session-user";
import { mayUpload, storeUpload } from "@/server/files/upload";
import { canDownload } from "@/server/files/access";
import { LocalStorage } from "@/server/storage";
import { makeDepartment, makeSchoolAccounts, makeUser, PASSWORD } from "../support/factories";
import { reportActions } from "@/domain/reports/period";

const t = useTestDb();
// Wednesday 2026-11-18 10:00 Beijing time: the week of 11-16 … 11-22.
const clock = fixedClock("2026-11-18T02:00:00Z");
const s: Record<string, SessionUser> = {};
const storage = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), "vslc-wr-")));
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const sections = { progress: "本周完成试点例会", training: "培训 40 人", assessment: "站点调试完成", problems: "暂无", plan: "继续培训" };

beforeAll(async () => {
  // Beijing (weekly) with two pilot schools; 湖北 (half-monthly) with 武汉's department and a school there.
  const bj = await makeDepartment(t.db, { regionCode: "110000" });
  const hb = await t.db.educationDepartment.update({
    where: { id: (await makeDepartment(t.db, { regionCode: "420000" })).id },
    data: { reportCadence: "HALF_MONTHLY" },
  });
  const wh = await makeDepartment(t.db, { level: "CITY", regionCode: "420100", parentId: hb.id });
  const a = await makeSchoolAccounts(t.db, { regionCode: "110108" });
  const other = await makeSchoolAccounts(t.db, { regionCode: "110105" });
  const hbSchool = await makeSchoolAccounts(t.db, { regionCode: "420111" });
  const users = {
    principal: a.principal,
    sub: a.sub,
    bj: await makeUser(t.db, "EDU", { departmentId: bj.id }),
    hb: await makeUser(t.db, "EDU", { departmentId: hb.id }),
    wh: await makeUser(t.db, "EDU", { departmentId: wh.id }),
    otherPrincipal: other.principal,
    hbPrincipal: hbSchool.principal,
  };
  for (const [k, u] of Object.entries(users)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
  // 湖北's school has a report waiting for review.
  await api("hbPrincipal").reports.save({ sections, scanFileId: await scan("hbPrincipal"), submit: true });
}, 90_000);
const api = (k: string) => caller(t.db, { clock, session: s[k] });
const scan = async (k = "principal") =>
  (await storeUpload({ db: t.db, clock, storage }, requester(s[k]), "WEEKLY_REPORT_SCAN", { name: "周报扫描件.pdf", size: PDF.length, bytes: PDF })).id;

describe("weekly reports", () => {
  it("one per period: save, submit with the signed scan, withdraw, resubmit after a return, approve", async () => {
    const cur = await api("principal").reports.current();
    expect([cur.cadence, cur.start, cur.end, cur.report]).toEqual(["WEEKLY", "2026-11-16", "2026-11-22", null]);
    const draft = await api("principal").reports.save({ sections: { progress: "草稿" }, submit: false });
    expect(draft.status).toBe("DRAFT");
    await expect(api("principal").reports.save({ sections, submit: false })).rejects.toThrow("本周周报已提交，请勿重复提交");
    await expect(api("principal").reports.save({ id: draft.id, sections: { ...sections, plan: "" }, submit: true })).rejects.toThrow("下期工作计划");
    await expect(api("principal").reports.save({ id: draft.id, sections, submit: true })).rejects.toThrow("扫描件");
    const fileId = await scan();
    await api("principal").reports.save({ id: draft.id, sections, scanFileId: fileId, submit: true });
    // A department of another province sees nothing; the region's department sees it pending.
    await expect(api("hb").reports.detail({ id: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("hb").reports.decide({ id: draft.id, approve: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("otherPrincipal").reports.detail({ id: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("otherPrincipal").reports.withdraw({ id: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("otherPrincipal").reports.save({ id: draft.id, sections, submit: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("otherPrincipal").reports.submit({ id: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("otherPrincipal").reports.delete({ id: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await t.db.weeklyReport.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("PENDING");
    const file = await t.db.storedFile.findUniqueOrThrow({ where: { id: fileId } });
    expect(await canDownload(t.db, requester(s.bj), file, clock.now())).toBe(true);
    expect(await canDownload(t.db, requester(s.hb), file, clock.now())).toBe(false);
    // 撤回 → 未提交, then 提交 again from the list.
    await api("principal").reports.withdraw({ id: draft.id });
    expect((await t.db.weeklyReport.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
    await expect(api("bj").reports.decide({ id: draft.id, approve: true })).rejects.toMatchObject({ code: "NOT_FOUND" }); // drafts are the school's
    await api("principal").reports.submit({ id: draft.id });
    await expect(api("bj").reports.decide({ id: draft.id, approve: false, reason: "" })).rejects.toThrow("退回原因");
    await api("bj").reports.decide({ id: draft.id, approve: false, reason: "请补充培训人数明细" });
    await expect(api("principal").reports.withdraw({ id: draft.id })).rejects.toThrow("只有待审核");
    await api("principal").reports.save({ id: draft.id, sections: { ...sections, training: "培训 40 人，其中中级 12 人" }, scanFileId: fileId, submit: true });
    await api("bj").reports.decide({ id: draft.id, approve: true });
    await expect(api("principal").reports.save({ id: draft.id, sections, scanFileId: fileId, submit: true })).rejects.toThrow("审核通过的周报不能修改");
    const d = await api("principal").reports.detail({ id: draft.id });
    expect(d.status).toBe("APPROVED");
    expect(d.events.map((e) => e.action)).toEqual(["SUBMIT", "WITHDRAW", "SUBMIT", "RETURN", "SUBMIT", "APPROVE"]);
    expect(d.events[3].reason).toBe("请补充培训人数明细");
  });

  it("nothing is written or submitted once the next period started", async () => {
    clock.set("2026-11-22T15:59:00Z"); // Sunday 23:59 Beijing: still this week
    expect((await api("principal").reports.current()).start).toBe("2026-11-16");
    clock.set("2026-11-22T16:00:00Z"); // Monday 00:00 Beijing: the next week
    const cur = await api("principal").reports.current();
    expect([cur.start, cur.report]).toEqual(["2026-11-23", null]);
    const r = await api("principal").reports.save({ sections: { progress: "新一周" }, submit: false });
    clock.set("2026-11-30T00:00:00Z"); // the week after
    await expect(api("principal").reports.submit({ id: r.id })).rejects.toThrow("提交时间已过，该周报目前不能提交，谢谢");
    await expect(api("principal").reports.save({ id: r.id, sections, submit: false })).rejects.toThrow("提交时间已过");
    await api("principal").reports.delete({ id: r.id });
    expect(await t.db.weeklyReport.count({ where: { id: r.id } })).toBe(0);
  });

  it("a report 审核退回 may be edited and resubmitted after its period (001 §1.8); the list offers only what the server allows", async () => {
    clock.set("2026-12-01T02:00:00Z"); // Tuesday, the week of 11-30 … 12-06
    const r = await api("principal").reports.save({ sections, scanFileId: await scan(), submit: true });
    await api("bj").reports.decide({ id: r.id, approve: false, reason: "请补充考核站点建设情况" });
    clock.set("2026-12-09T02:00:00Z"); // the week after next
    const row = await t.db.weeklyReport.findUniqueOrThrow({ where: { id: r.id } });
    expect(reportActions(row, clock.now())).toEqual({ edit: true, submit: true, withdraw: false, delete: false });
    await api("principal").reports.save({
      id: r.id,
      sections: { ...sections, assessment: "站点调试完成，已通过验收" },
      scanFileId: row.scanFileId,
      submit: true,
    });
    expect((await t.db.weeklyReport.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("PENDING");
    // Waiting for review after its period: no withdrawal (it could never be sent again), and the server agrees.
    expect(reportActions({ ...row, status: "PENDING" }, clock.now()).withdraw).toBe(false);
    await expect(api("principal").reports.withdraw({ id: r.id })).rejects.toThrow("不能撤回");
  });

  it("下载周报提纲: the province publishes one outline per cadence, its schools download it; a city cannot publish", async () => {
    const stored = async (k: string) =>
      (await storeUpload({ db: t.db, clock, storage }, requester(s[k]), "REPORT_OUTLINE", { name: "周报提纲.pdf", size: PDF.length, bytes: PDF })).id;
    expect((await api("principal").reports.outlines()).outlines).toEqual([]);
    await expect(api("wh").reports.publishOutline({ cadence: "HALF_MONTHLY", fileId: await stored("wh") })).rejects.toThrow("由省级教育行政部门发布");
    await expect(api("bj").reports.publishOutline({ cadence: "WEEKLY", fileId: await stored("hb") })).rejects.toThrow("提纲文件不存在");
    expect(await t.db.reportOutline.count()).toBe(0); // refused: nothing written
    await expect(api("sub").reports.publishOutline({ cadence: "WEEKLY", fileId: await stored("bj") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const fileId = await stored("bj");
    await api("bj").reports.publishOutline({ cadence: "WEEKLY", fileId });
    const mine = await api("principal").reports.outlines();
    expect(mine.cadence).toBe("WEEKLY");
    expect(mine.outlines.map((o) => [o.cadence, o.file.id])).toEqual([["WEEKLY", fileId]]);
    // 湖北's school sees 湖北's outlines only; a sub-account has no part in weekly reports.
    expect((await api("hbPrincipal").reports.outlines()).outlines).toEqual([]);
    await expect(api("sub").reports.outlines()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const file = await t.db.storedFile.findUniqueOrThrow({ where: { id: fileId } });
    expect(await canDownload(t.db, requester(s.principal), file, clock.now())).toBe(true);
    // Publishing again replaces it.
    const again = await stored("bj");
    await api("bj").reports.publishOutline({ cadence: "WEEKLY", fileId: again });
    expect((await api("principal").reports.outlines()).outlines.map((o) => o.file.id)).toEqual([again]);
  });

  it("only the principal writes; the department sees who has not submitted; the province sets the cadence", async () => {
    await expect(api("sub").reports.current()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api("sub").reports.save({ sections, submit: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(mayUpload(s.sub, "WEEKLY_REPORT_SCAN")).toBe(false);
    expect(mayUpload(s.principal, "WEEKLY_REPORT_SCAN")).toBe(true);
    const missing = await api("bj").lists.missingReports({ filter: {}, page: 1, pageSize: 50 });
    expect((await api("bj").reports.missingSummary()).period.cadence).toBe("WEEKLY");
    expect((await api("bj").reports.missingSummary()).total).toBe(missing.total);
    expect(missing.rows.some((r) => r.id === s.principal.schoolId)).toBe(true);
    expect(missing.rows.every((r) => r.code.startsWith("41"))).toBe(true);
    const whMissing = await api("wh").lists.missingReports({ filter: {}, page: 1, pageSize: 50 });
    expect((await api("wh").reports.missingSummary()).period.cadence).toBe("HALF_MONTHLY"); // 湖北 asks for half-monthly reports
    const whSchools = await t.db.school.findMany({ where: { id: { in: whMissing.rows.map((r) => r.id) } } });
    expect(whSchools.every((x) => x.regionCode.startsWith("4201"))).toBe(true);
    // Only departments read it; a school gets nothing whatever it sends.
    await expect(api("principal").lists.missingReports({ filter: {}, page: 1, pageSize: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api("principal").reports.missingSummary()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api("wh").reports.setCadence({ cadence: "WEEKLY" })).rejects.toThrow("省级教育行政部门");
    await api("bj").reports.setCadence({ cadence: "HALF_MONTHLY" });
    expect((await api("principal").reports.current()).cadence).toBe("HALF_MONTHLY");
    // Lists: own reports for the principal, the region's submitted ones for departments.
    const mine = await api("principal").lists.weeklyReports({ filter: {}, page: 1, pageSize: 10 });
    expect(mine.rows.every((r) => r.schoolId === s.principal.schoolId)).toBe(true);
    const bj = await api("bj").lists.weeklyReportReviews({ filter: {}, page: 1, pageSize: 50 });
    expect(bj.rows.every((r) => r.status !== "DRAFT")).toBe(true);
    expect(bj.rows.some((r) => r.schoolId === s.principal.schoolId)).toBe(true);
    const hbRows = await api("hb").lists.weeklyReportReviews({ filter: {}, page: 1, pageSize: 50 });
    expect(hbRows.total).toBeGreaterThan(0);
    expect(hbRows.rows.some((r) => r.schoolId === s.principal.schoolId)).toBe(false);
    await expect(api("sub").lists.weeklyReports({ filter: {}, page: 1, pageSize: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
