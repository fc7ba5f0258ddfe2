// 教师管理 and 监考人员: the roster (form, import, counts per major), invigilators per certificate and the org's
// certification, with isolation (a school sees its own teachers only, an org only certificates addressed to it).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, importer, login } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import { makeCertificate, makeOrg, makePilot, makeSchoolAccounts, makeUser, PASSWORD } from "../support/factories";
import { failedReasons, filledTemplate } from "../support/import-files";
import type { SessionUser } from "@/server/session-user";
import { LocalStorage } from "@/server/storage";
import { beginImport, runImport, type ImportSpec } from "@/server/imports/pipeline";
import { teacherImport } from "@/server/teachers/import-teachers";
import { invigilatorImport } from "@/server/invigilators/import-invigilators";
import { withIdCheck } from "@/domain/identifiers/id-number";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
const storage = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), "vslc-teach-")));
const s: Record<string, SessionUser> = {};
const f = {} as {
  certA: { id: string; code: string; name: string };
  certB: { id: string; code: string };
  notPiloted: { id: string; code: string };
  majors: { id: string; code: string }[];
};
let idSeq = Math.floor(Math.random() * 400);
// 女 (even 17th digit) born 1980: a teacher's resident ID with a valid check digit.
const nextId = () => withIdCheck(`11010819800301${String((idSeq++ * 2) % 1000).padStart(3, "0")}`);

beforeAll(async () => {
  const year = clock.now().getUTCFullYear();
  const orgA = await makeOrg(t.db);
  const orgB = await makeOrg(t.db);
  f.certA = await makeCertificate(t.db, orgA.id);
  f.certB = await makeCertificate(t.db, orgB.id);
  f.notPiloted = await makeCertificate(t.db, orgA.id);
  f.majors = await t.db.major.findMany({ where: { code: { in: ["510201", "510203"] }, catalogVersion: "NEW" }, orderBy: { code: "asc" } });
  const a = await makeSchoolAccounts(t.db);
  const b = await makeSchoolAccounts(t.db);
  for (const c of [f.certA, f.certB])
    await makePilot(t.db, a.school.id, (await t.db.certificateLevel.findFirstOrThrow({ where: { certificateId: c.id } })).id, { year });
  const users = {
    a: a.principal,
    b: b.principal,
    orgA: await makeUser(t.db, "ORG", { orgId: orgA.id }),
    orgB: await makeUser(t.db, "ORG", { orgId: orgB.id }),
  };
  for (const [k, u] of Object.entries(users)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
}, 60_000);
const api = (k: string) => caller(t.db, { clock, session: s[k] });
const teacher = (idNumber: string, over: Record<string, unknown> = {}) => ({
  name: "王丽",
  gender: "FEMALE" as const,
  idType: "RESIDENT_ID" as const,
  idNumber,
  phone: "13600000011",
  title: "讲师",
  department: "信息工程学院",
  fullTime: true,
  majorIds: [f.majors[0].id],
  ...over,
});
async function importRows<T, C, W>(k: string, spec: ImportSpec<T, C, W>, rows: string[][]) {
  const bytes = await filledTemplate(spec, rows);
  const rec = await beginImport({ db: t.db, clock, storage }, importer(s[k]), spec.kind, { name: "导入.xlsx", bytes });
  const done = await runImport({ db: t.db, clock, storage }, importer(s[k]), spec, rec.id, bytes);
  const reasons = done.failedFileId
    ? await failedReasons(await storage.readBuffer((await t.db.storedFile.findUniqueOrThrow({ where: { id: done.failedFileId } })).key))
    : [];
  return { ...done, reasons };
}

describe("teachers", () => {
  it("adds with the person rules; one per ID number in a school; counts full-time teachers per major", async () => {
    const id = nextId();
    const { id: tid } = await api("a").teachers.save(teacher(id.toLowerCase()));
    expect((await t.db.teacher.findUniqueOrThrow({ where: { id: tid } })).idNumber).toBe(id);
    await expect(api("a").teachers.save(teacher(id))).rejects.toThrow("本校已登记该证件号码的教师");
    await expect(api("a").teachers.save(teacher(id.slice(0, 17) + (id[17] === "0" ? "1" : "0")))).rejects.toThrow("校验位");
    await expect(api("a").teachers.save(teacher(nextId(), { gender: "MALE" }))).rejects.toThrow("性别与身份证号码不符");
    await expect(api("a").teachers.save(teacher(nextId(), { phone: "123" }))).rejects.toThrow("手机号");
    // Another school may have the same person on its roster.
    await api("b").teachers.save(teacher(id));
    await api("a").teachers.save(teacher(nextId(), { fullTime: false }));
    await api("a").teachers.save(teacher(nextId(), { majorIds: f.majors.map((m) => m.id) }));
    const counts = await api("a").teachers.fullTimeCounts({ majorIds: f.majors.map((m) => m.id) });
    expect(counts).toEqual({ [f.majors[0].id]: 2, [f.majors[1].id]: 1 });
    const list = await api("a").lists.teachers({ filter: {}, page: 1, pageSize: 50 });
    expect(list.counts).toEqual({ FULL_TIME: 2, PART_TIME: 1 });
    expect(list.rows.every((r) => /\*{4}/.test(r.idNumberMasked) && r.fullIdNumber === "")).toBe(true);
    // Isolation.
    await expect(api("b").teachers.detail({ id: tid })).rejects.toThrow("教师不存在");
    await expect(api("b").teachers.save({ ...teacher(id), id: tid })).rejects.toThrow("教师不存在");
    await expect(api("b").teachers.delete({ ids: [tid] })).rejects.toThrow("教师不存在");
    expect((await api("b").lists.teachers({ filter: {}, page: 1, pageSize: 50 })).all).toBe(1);
    expect(await api("b").teachers.fullTimeCounts({ majorIds: f.majors.map((m) => m.id) })).toEqual({ [f.majors[0].id]: 1, [f.majors[1].id]: 0 });
    await expect(api("orgA").teachers.save(teacher(nextId()))).rejects.toThrow();
  });

  it("imports the roster: good rows in, bad ones back with reasons", async () => {
    const [x, y] = [nextId(), nextId()];
    const r = await importRows("a", teacherImport, [
      ["张红", "", "居民身份证", x, "13600000021", "副教授", "信息工程学院", "是", "510201、510203"],
      ["李明", "女", "居民身份证", y, "13600000022", "", "", "否", ""],
      ["钱七", "", "居民身份证", x, "13600000023", "", "", "是", ""],
      ["赵六", "", "居民身份证", nextId(), "13600000024", "", "", "是", "999999"],
      ["孙八", "", "居民身份证", nextId(), "13600000025", "", "", "也许", ""],
    ]);
    expect([r.total, r.succeeded, r.failed]).toEqual([5, 2, 3]);
    expect(r.reasons).toEqual(["与第 3 行重复", expect.stringContaining("999999"), expect.stringContaining("是否专任教师")]);
    const zh = await t.db.teacher.findFirstOrThrow({ where: { idNumber: x }, include: { majors: true } });
    expect([zh.fullTime, zh.majors.length, zh.gender]).toEqual([true, 2, "FEMALE"]);
    expect((await t.db.teacher.findFirstOrThrow({ where: { idNumber: y } })).fullTime).toBe(false);
  });
});

describe("invigilators", () => {
  it("puts a teacher forward per certificate; the org certifies or rejects its own; certified ones are locked", async () => {
    const idNumber = nextId();
    const { id: teacherId } = await api("a").teachers.save(teacher(idNumber, { name: "周监考" }));
    await expect(api("a").invigilators.save({ teacherId, certificateIds: [f.notPiloted.id] })).rejects.toThrow("本校已获批试点");
    await expect(api("a").invigilators.save({ teacherId, certificateIds: [] })).rejects.toThrow("至少选择一个");
    const { id } = await api("a").invigilators.save({ teacherId, certificateIds: [f.certA.id, f.certB.id] });
    await expect(api("a").invigilators.save({ teacherId, certificateIds: [f.certA.id] })).rejects.toThrow("已是监考人员");
    const rows = await t.db.invigilatorCertificate.findMany({ where: { invigilatorId: id }, orderBy: { createdAt: "asc" } });
    const a = rows.find((r) => r.certificateId === f.certA.id)!;
    const b = rows.find((r) => r.certificateId === f.certB.id)!;
    // Each org sees and decides only its own certificate.
    const seenA = await api("orgA").lists.invigilatorCertifications({ filter: {}, tab: "PENDING", page: 1, pageSize: 50 });
    expect(seenA.rows.map((r) => r.id)).toContain(a.id);
    expect(seenA.rows.map((r) => r.id)).not.toContain(b.id);
    await expect(api("orgB").invigilators.decide({ ids: [a.id], approve: true })).rejects.toThrow("记录不存在");
    await expect(api("orgB").invigilators.decide({ ids: [b.id], approve: false, reason: " " })).rejects.toThrow("请填写不通过原因");
    expect(await api("orgA").invigilators.decide({ ids: [a.id], approve: true })).toEqual({ decided: 1, failed: [] });
    await expect(api("orgA").invigilators.decide({ ids: [a.id], approve: true })).rejects.toThrow("不能重复认证");
    await api("orgB").invigilators.decide({ ids: [b.id], approve: false, reason: "未参加考评员培训" });
    // A certified certificate cannot be removed; the invigilator cannot be deleted; a rejected one resubmitted.
    await expect(api("a").invigilators.save({ id, teacherId, certificateIds: [f.certB.id] })).rejects.toThrow("已认证，不能删除");
    await expect(api("a").invigilators.delete({ ids: [id] })).rejects.toThrow("已认证的监考证书");
    await expect(api("a").teachers.delete({ ids: [teacherId] })).rejects.toThrow("已登记为监考人员");
    await api("a").invigilators.save({ id, teacherId, certificateIds: [f.certA.id, f.certB.id] });
    const again = await t.db.invigilatorCertificate.findUniqueOrThrow({ where: { id: b.id } });
    expect([again.status, again.reason]).toEqual(["PENDING", null]);
    const detail = await api("a").invigilators.detail({ id });
    expect(detail.certificates.map((c) => c.status).sort()).toEqual(["CERTIFIED", "PENDING"]);
    // Isolation: another school sees nothing and changes nothing.
    await expect(api("b").invigilators.detail({ id })).rejects.toThrow("监考人员不存在");
    await expect(api("b").invigilators.save({ id, teacherId, certificateIds: [f.certA.id] })).rejects.toThrow("监考人员不存在");
    await expect(api("b").invigilators.delete({ ids: [id] })).rejects.toThrow("监考人员不存在");
    expect((await api("b").lists.invigilators({ filter: {}, page: 1, pageSize: 50 })).all).toBe(0);
    expect((await api("b").teachers.choices({})).some((x) => x.id === teacherId)).toBe(false);
    // School b pilots nothing: it may put no one forward, whatever certificate ids it sends.
    expect(await api("b").invigilators.certificates()).toEqual([]);
    const bTeacher = await api("b").teachers.save(teacher(nextId()));
    await expect(api("b").invigilators.save({ teacherId: bTeacher.id, certificateIds: [f.certA.id] })).rejects.toThrow("本校已获批试点");
    await expect(api("b").invigilators.save({ teacherId, certificateIds: [f.certA.id] })).rejects.toThrow("教师不存在");
    await expect(api("a").invigilators.decide({ ids: [b.id], approve: true })).rejects.toThrow();
    const audit = await t.db.auditLog.findMany({ where: { action: { in: ["invigilator.certify", "invigilator.reject"] } } });
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it("imports invigilators of the roster by ID number and certificate code", async () => {
    const onRoster = nextId();
    await api("a").teachers.save(teacher(onRoster, { name: "吴老师" }));
    const r = await importRows("a", invigilatorImport, [
      ["吴老师", onRoster, `${f.certA.code}、${f.certB.code}`],
      ["郑老师", nextId(), f.certA.code],
      ["吴先生", onRoster, f.certA.code],
      ["冯老师", onRoster, f.notPiloted.code],
    ]);
    expect([r.total, r.succeeded, r.failed]).toEqual([4, 1, 3]);
    expect(r.reasons).toEqual([expect.stringContaining("不在本校教师名单中"), "与第 3 行重复", "与第 3 行重复"]);
    const inv = await t.db.invigilator.findFirstOrThrow({ where: { teacher: { idNumber: onRoster } }, include: { certificates: true } });
    expect(inv.certificates.map((c) => c.status)).toEqual(["PENDING", "PENDING"]);
    // The same file again: the teacher already invigilates both.
    const again = await importRows("a", invigilatorImport, [["吴老师", onRoster, f.certA.code]]);
    expect(again.reasons).toEqual(["该教师已是这些证书的监考人员"]);
  });
});
