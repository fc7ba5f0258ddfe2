// Photos (rules, storage, access) and 认证 / 人工确认 with the local identity verifier.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, importer, login, requester, runJobs } from "../support/trpc";
import { runQueuedJobs } from "@/server/jobs/worker";
import { claimedPng, idPhoto } from "../support/images";
import { fixedClock } from "@/server/clock";
import { makeSchoolAccounts, PASSWORD } from "../support/factories";
import type { SessionUser } from "@/server/session-user";
import { LocalStorage } from "@/server/storage";
import { storeUpload } from "@/server/files/upload";
import { canDownload } from "@/server/files/access";
import { withIdCheck } from "@/domain/identifiers/id-number";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
const s: Record<string, SessionUser> = {};
const storage = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), "vslc-photo-")));
let seq = 501;
const nextId = () => withIdCheck(`11010820060401${String((seq += 2) % 1000).padStart(3, "0")}`);

beforeAll(async () => {
  const [a, b] = [await makeSchoolAccounts(t.db), await makeSchoolAccounts(t.db)];
  for (const [k, account] of Object.entries({ a: a.principal.account, b: b.principal.account })) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, account, PASSWORD);
  }
}, 60_000);
const api = (k: string) => caller(t.db, { clock, session: s[k] });
const upload = async (k: string, bytes: Buffer, name = "照片.jpg") =>
  storeUpload({ db: t.db, clock, storage }, requester(s[k]), "CANDIDATE_PHOTO", { name, size: bytes.length, bytes });
const form = (idNumber: string, photoFileId?: string) => ({
  type: "SCHOOL" as const,
  name: "周一航",
  gender: "MALE" as const,
  idType: "RESIDENT_ID" as const,
  idNumber,
  phone: "13600000021",
  enrolYear: 2024,
  majorLevel: "HIGHER_VOCATIONAL" as const,
  majorCode: "510201",
  photoFileId,
});

describe("candidate photos", () => {
  it("accept a red-background 295×413 jpg or png and refuse the rest with the reason", async () => {
    expect((await upload("a", await idPhoto())).id).toBeTruthy();
    expect((await upload("a", await idPhoto({ format: "png", width: 297, height: 410 }), "照片.png")).id).toBeTruthy();
    await expect(upload("a", await idPhoto({ bg: "#ffffff" }))).rejects.toThrow("红色背景");
    await expect(upload("a", await idPhoto({ bg: "#1d4ed8" }))).rejects.toThrow("红色背景");
    await expect(upload("a", await idPhoto({ width: 300, height: 300 }))).rejects.toThrow("295×413");
    await expect(upload("a", claimedPng(16000, 16000), "照片.png")).rejects.toThrow("照片尺寸过大（16000×16000 像素）");
    await expect(upload("a", Buffer.from("%PDF-1.4"), "照片.pdf")).rejects.toThrow("考生照片");
  });

  it("a photo moves 无照片 → 信息待认证; only the candidate's school reads it", async () => {
    const f = await upload("a", await idPhoto());
    // Just uploaded, not saved with a candidate yet: the uploader previews it, nobody else reads it.
    const fresh = await t.db.storedFile.findUniqueOrThrow({ where: { id: f.id } });
    expect(await canDownload(t.db, requester(s.a), fresh, clock.now())).toBe(true);
    expect(await canDownload(t.db, requester(s.b), fresh, clock.now())).toBe(false);
    const { id } = await api("a").candidates.save(form(nextId(), f.id));
    const c = await t.db.candidate.findUniqueOrThrow({ where: { id } });
    expect(c.status).toBe("PENDING_VERIFICATION");
    const file = await t.db.storedFile.findUniqueOrThrow({ where: { id: f.id } });
    expect(file.contentType).toBe("image/jpeg");
    expect(await canDownload(t.db, requester(s.a), file, clock.now())).toBe(true);
    expect(await canDownload(t.db, requester(s.b), file, clock.now())).toBe(false);
    expect(await canDownload(t.db, null, file, clock.now())).toBe(false);
    // Another school cannot attach this photo to its own candidate.
    await expect(api("b").candidates.save(form(nextId(), f.id))).rejects.toThrow("照片不存在");
  });
});

describe("认证 and 人工确认", () => {
  it("verifies what the local provider can check; the rest needs a person, one at a time", async () => {
    const good = await api("a").candidates.save(form(nextId(), (await upload("a", await idPhoto())).id));
    const odd = await api("a").candidates.save(form(nextId(), (await upload("a", await idPhoto())).id));
    // A photo that no longer meets the rules (replaced in storage) is a reason for a person to look.
    const oddRow = await t.db.candidate.findUniqueOrThrow({ where: { id: odd.id } });
    const oddFile = await t.db.storedFile.findUniqueOrThrow({ where: { id: oddRow.photoFileId! } });
    await storage.remove(oddFile.key);
    await storage.put(oddFile.key, await idPhoto({ bg: "#ffffff" }));
    const noPhoto = await api("a").candidates.save(form(nextId()));
    await expect(api("b").candidates.verify({ ids: [good.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // 批量认证 queues a batch; the worker's job checks each row and keeps progress the page polls.
    const r = await api("a").candidates.verify({ ids: [good.id, odd.id, noPhoto.id] });
    expect([r.total, r.skipped]).toEqual([2, 1]);
    expect((await api("a").candidates.verification({ id: r.batchId })).status).toBe("RUNNING");
    expect((await t.db.candidate.findUniqueOrThrow({ where: { id: good.id } })).status).toBe("PENDING_VERIFICATION");
    await runJobs(t.db, clock, storage);
    expect(await api("a").candidates.verification({ id: r.batchId })).toMatchObject({ status: "DONE", total: 2, processed: 2, verified: 1, review: 1 });
    await expect(api("b").candidates.verification({ id: r.batchId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [g, o] = await Promise.all([good.id, odd.id].map((id) => t.db.candidate.findUniqueOrThrow({ where: { id } })));
    expect(g.status).toBe("VERIFIED");
    expect([o.status, o.verifyReasons]).toEqual(["NEEDS_REVIEW", ["照片须为红色背景"]]);
    await expect(api("a").candidates.confirm({ id: good.id })).rejects.toThrow("只有「需人工确认」");
    await expect(api("b").candidates.confirm({ id: odd.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await api("a").candidates.confirm({ id: odd.id });
    const confirmed = await t.db.candidate.findUniqueOrThrow({ where: { id: odd.id } });
    expect([confirmed.status, confirmed.confirmedById]).toEqual(["VERIFIED", s.a.id]);
    // Once verified, the photo is locked too.
    const other = await upload("a", await idPhoto());
    await expect(api("a").candidates.save({ ...form(confirmed.idNumber, other.id), id: odd.id })).rejects.toThrow("不能修改");
  });
});

describe("批量认证 as a job", () => {
  it("a verifier that fails leaves the rows pending and the batch says so; the retry does only the rest", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await api("a").candidates.save(form(nextId(), (await upload("a", await idPhoto())).id))).id);
    const { batchId } = await api("a").candidates.verify({ ids });
    let calls = 0;
    const flaky = {
      verify: async () => {
        if (++calls === 2) throw new Error("down");
        return { ok: true as const };
      },
    };
    await runQueuedJobs(t.db, { clock, storage, verifier: flaky as never }, ["verify"]);
    const mid = await t.db.verificationBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect([mid.status, mid.verified, mid.message]).toEqual(["RUNNING", 1, "身份认证服务暂时不可用，稍后自动重试"]);
    const statuses = async () => (await t.db.candidate.findMany({ where: { id: { in: ids } }, orderBy: { createdAt: "asc" } })).map((c) => c.status);
    expect((await statuses()).filter((x) => x === "VERIFIED")).toHaveLength(1);
    // pg-boss hands the job out again after its retry delay.
    await t.db.$executeRawUnsafe(`UPDATE pgboss.job SET start_after = now() WHERE name = 'verify'`);
    await runQueuedJobs(t.db, { clock, storage, verifier: flaky as never }, ["verify"]);
    const done = await t.db.verificationBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect([done.status, done.verified, done.review, done.message]).toEqual(["DONE", 3, 0, null]);
    expect(await statuses()).toEqual(["VERIFIED", "VERIFIED", "VERIFIED"]);
  });
});

describe("批量导入学生照片", () => {
  it("matches photos to the school's candidates by ID number; every other entry fails with its reason", async () => {
    const { default: JSZip } = await import("jszip");
    const { beginImport } = await import("@/server/imports/pipeline");
    const { importPhotos } = await import("@/server/candidates/import-photos");
    const ExcelJS = (await import("exceljs")).default;
    const mine = await api("a").candidates.save(form(nextId()));
    const locked = await api("a").candidates.save(form(nextId(), (await upload("a", await idPhoto())).id));
    await t.db.candidate.update({ where: { id: locked.id }, data: { status: "VERIFIED" } });
    const theirs = await api("b").candidates.save(form(nextId()));
    const white = await t.db.candidate.findUniqueOrThrow({ where: { id: (await api("a").candidates.save(form(nextId()))).id } });
    const [m, l, th] = await Promise.all([mine.id, locked.id, theirs.id].map((id) => t.db.candidate.findUniqueOrThrow({ where: { id } })));
    const zip = new JSZip();
    zip.file(`照片/${m.idNumber.toLowerCase()}.jpg`, await idPhoto());
    zip.file(`${th.idNumber}.jpg`, await idPhoto()); // another school's candidate
    zip.file(`${l.idNumber}.png`, await idPhoto({ format: "png" })); // verified: locked
    zip.file("110101199001011234.jpg", await idPhoto()); // nobody
    zip.file("../../etc/passwd.jpg", await idPhoto()); // zip slip
    zip.file(`${white.idNumber}.jpg`, await idPhoto({ bg: "#ffffff" }));
    zip.file(`${nextId()}.jpg`, Buffer.alloc(50 * 1024 * 1024)); // declares 50 MB: refused before inflating
    zip.file("说明.txt", "hello");
    const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const rec0 = await beginImport({ db: t.db, clock, storage }, importer(s.a), "CANDIDATE_PHOTOS", { name: "照片.zip", bytes });
    const rec = await importPhotos({ db: t.db, clock, storage }, importer(s.a), rec0.id, bytes);
    expect([rec.status, rec.total, rec.succeeded, rec.failed]).toEqual(["DONE", 8, 1, 7]);
    const after = await t.db.candidate.findUniqueOrThrow({ where: { id: m.id } });
    expect(after.status).toBe("PENDING_VERIFICATION");
    expect((await t.db.candidate.findUniqueOrThrow({ where: { id: th.id } })).photoFileId).toBeNull();
    expect((await t.db.candidate.findUniqueOrThrow({ where: { id: l.id } })).photoFileId).toBe(l.photoFileId);
    const f = await t.db.storedFile.findUniqueOrThrow({ where: { id: rec.failedFileId! } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await storage.readBuffer(f.key)) as never);
    const reasons = Object.fromEntries(
      Array.from({ length: 7 }, (_, i) => wb.worksheets[0].getRow(3 + i)).map((r) => [String(r.getCell(2).value), String(r.getCell(3).value)]),
    );
    expect(reasons[`${th.idNumber}.jpg`]).toBe("本校没有该证件号码的考生");
    expect(reasons[`${l.idNumber}.png`]).toContain("照片不能更换");
    expect(reasons["../../etc/passwd.jpg"]).toBe("文件名不合法");
    expect(reasons["说明.txt"]).toContain("文件名应为");
    expect(Object.values(reasons)).toContain("照片须为红色背景");
    expect(Object.values(reasons)).toContain("照片不能超过 5M");
    // Not a zip at all: refused as a whole.
    const bad = await beginImport({ db: t.db, clock, storage }, importer(s.a), "CANDIDATE_PHOTOS", { name: "x.zip", bytes: Buffer.from("not a zip") });
    await expect(importPhotos({ db: t.db, clock, storage }, importer(s.a), bad.id, Buffer.from("not a zip"))).rejects.toThrow(".zip 压缩包");
  }, 60_000);
});
