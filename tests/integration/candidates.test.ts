// 考生管理: the form and the import pipeline share rules; real .xlsx files in and out; isolation by school.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, exportNow, importer, login, requester } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import { makeDepartment, makeSchoolAccounts, makeUser, PASSWORD } from "../support/factories";
import type { SessionUser } from "@/server/session-user";
import { LocalStorage } from "@/server/storage";
import { beginImport, runImport } from "@/server/imports/pipeline";
import { filledTemplate as filledCandidates } from "../support/import-files";
import { readSheet, sheetFileProblem } from "@/server/imports/read-sheet";
import { CSV_GBK, CSV_UTF8, libreOffice } from "../support/office";
import { candidateName, writeCandidatesFile } from "../support/candidate-files";
import { candidateImport } from "@/server/candidates/import-candidates";
import { canDownload } from "@/server/files/access";
import { withIdCheck } from "@/domain/identifiers/id-number";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
const s: Record<string, SessionUser> = {};
const names = { a: "", b: "" };
const storage = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), "vslc-imp-")));
let seq = 201;
/** A fresh valid 居民身份证 number (odd sequence: male, born 2005-03-01). */
const nextId = () => withIdCheck(`11010820050301${String((seq += 2) % 1000).padStart(3, "0")}`);

beforeAll(async () => {
  const a = await makeSchoolAccounts(t.db);
  const b = await makeSchoolAccounts(t.db);
  names.a = a.school.name;
  names.b = b.school.name;
  for (const [k, account] of Object.entries({ a: a.principal.account, aSub: a.sub.account, b: b.principal.account })) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, account, PASSWORD);
  }
}, 60_000);
const api = (k: string) => caller(t.db, { clock, session: s[k] });
const form = (idNumber: string, extra: Record<string, unknown> = {}) => ({
  type: "SCHOOL" as const,
  name: "李明",
  gender: "MALE" as const,
  idType: "RESIDENT_ID" as const,
  idNumber,
  phone: "13600000002",
  enrolYear: 2024,
  majorLevel: "HIGHER_VOCATIONAL" as const,
  majorCode: "510201",
  ...extra,
});

/** Fills the real template with rows (cells in template column order after 序号). */
const filledTemplate = (rows: string[][]) => filledCandidates(candidateImport, rows);
const good = (id: string, name = "王小明") => ["院校考生", name, "", "男", "居民身份证", id, "13600000003", "2024", "高职专科", "510201"];

async function importFile(k: string, bytes: Buffer) {
  const rec = await beginImport({ db: t.db, clock, storage }, importer(s[k]), "CANDIDATES", { name: "考生.xlsx", bytes });
  return runImport({ db: t.db, clock, storage }, importer(s[k]), candidateImport, rec.id, bytes);
}

describe("candidates: the form", () => {
  it("adds a candidate with pinyin and a 26-digit number; one per ID number across the platform", async () => {
    const id = nextId();
    const { id: cid } = await api("a").candidates.save({ ...form(id.toLowerCase()), pinyin: "" });
    const c = await t.db.candidate.findUniqueOrThrow({ where: { id: cid } });
    expect([c.pinyin, c.status, c.idNumber]).toEqual(["li ming", "NO_PHOTO", id]);
    expect(c.number).toMatch(/^1101082026\d{16}$/);
    const student = await t.db.user.findUniqueOrThrow({ where: { id: c.userId! } });
    expect([student.role, student.account]).toEqual(["STUDENT", id]);
    await expect(api("b").candidates.save(form(id))).rejects.toThrow(`该证件号码已在「${names.a}」登记为考生`);
    await expect(api("a").candidates.save(form(id.slice(0, 17) + (id[17] === "0" ? "1" : "0")))).rejects.toThrow("校验位");
    await expect(api("a").candidates.save(form(nextId(), { majorCode: "999999" }))).rejects.toThrow("专业代码 999999");
  });

  it("locks name and ID once verified; deletes only its own; resets the student's password", async () => {
    const { id: cid } = await api("a").candidates.save(form(nextId()));
    await t.db.candidate.update({ where: { id: cid }, data: { status: "VERIFIED" } });
    const c = await api("a").candidates.detail({ id: cid });
    await expect(api("a").candidates.save({ ...form(c.idNumber), id: cid, name: "李明明" })).rejects.toThrow("不能修改");
    await api("a").candidates.save({ ...form(c.idNumber), id: cid, phone: "13600000009" });
    expect((await t.db.candidate.findUniqueOrThrow({ where: { id: cid } })).phone).toBe("13600000009");
    // Another school: nothing, whatever id it sends.
    await expect(api("b").candidates.detail({ id: cid })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("b").candidates.save({ ...form(c.idNumber), id: cid })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("b").candidates.delete({ ids: [cid] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("b").candidates.resetPassword({ id: cid })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const before = (await t.db.user.findUniqueOrThrow({ where: { id: c.userId! } })).passwordHash;
    const { password } = await api("a").candidates.resetPassword({ id: cid });
    expect(password).toHaveLength(12);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: c.userId! } })).passwordHash).not.toBe(before);
    await api("aSub").candidates.delete({ ids: [cid] });
    expect(await t.db.candidate.count({ where: { id: cid } })).toBe(0);
    expect(await t.db.user.count({ where: { id: c.userId! } })).toBe(0);
  });

  it("lists the school's own candidates with masked ID numbers and phones; counts per status", async () => {
    const a = await api("a").lists.candidates({ filter: {}, page: 1, pageSize: 50 });
    expect(a.total).toBeGreaterThan(0);
    expect(a.rows.every((r) => /\*{4}/.test(r.idNumberMasked) && r.fullIdNumber === "" && r.fullPhone === null)).toBe(true);
    expect(JSON.stringify(a.rows)).not.toMatch(/"idNumber"/);
    expect(a.counts.NO_PHOTO).toBeGreaterThan(0);
    const b = await api("b").lists.candidates({ filter: {}, page: 1, pageSize: 50 });
    expect(b.rows.some((r) => a.rows.some((x) => x.id === r.id))).toBe(false);
  });
});

describe("candidates: the import pipeline", () => {
  it("imports 3 good rows and returns 2 bad ones with reasons in an .xlsx", async () => {
    const ids = [nextId(), nextId(), nextId()];
    const bad = nextId();
    const bytes = await filledTemplate([
      good(ids[0]),
      good(ids[1], "  赵\t六 "),
      ["院校考生", "钱七", "", "男", "居民身份证", bad.slice(0, 17) + (bad[17] === "1" ? "2" : "1"), "", "2024", "高职专科", "510201"],
      good(` ${ids[2].toLowerCase()}\n`),
      good(ids[0]),
    ]);
    const rec = await importFile("a", bytes);
    expect([rec.status, rec.total, rec.succeeded, rec.failed]).toEqual(["DONE", 5, 3, 2]);
    expect(await t.db.candidate.count({ where: { idNumber: { in: ids } } })).toBe(3);
    expect((await t.db.candidate.findFirstOrThrow({ where: { idNumber: ids[1] } })).name).toBe("赵六"); // spaces and tabs inside a Chinese name cleaned
    // The failed rows file: same columns, the original line and the reason.
    const f = await t.db.storedFile.findUniqueOrThrow({ where: { id: rec.failedFileId! } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await storage.readBuffer(f.key)) as never);
    const ws = wb.worksheets[0];
    const reasons = [3, 4].map((r) => String(ws.getRow(r).getCell(ws.getRow(2).cellCount).value));
    expect(reasons[0]).toContain("校验位");
    expect(reasons[1]).toBe("与第 3 行重复");
    // Who may download it: the importer and the same school, not another school.
    expect(await canDownload(t.db, requester(s.aSub), f, clock.now())).toBe(true);
    expect(await canDownload(t.db, requester(s.b), f, clock.now())).toBe(false);
    const records = await api("a").imports.records({ kinds: ["CANDIDATES", "CANDIDATE_UPDATES", "CANDIDATE_PHOTOS"], page: 1, pageSize: 10 });
    expect(records.rows[0]).toMatchObject({ succeeded: 3, failed: 2, status: "DONE" });
    expect(
      (await api("b").imports.records({ kinds: ["CANDIDATES", "CANDIDATE_UPDATES", "CANDIDATE_PHOTOS"], page: 1, pageSize: 10 })).rows.some(
        (r) => r.id === rec.id,
      ),
    ).toBe(false);
    await expect(api("b").imports.status({ id: rec.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a hostile or malformed file as a whole and writes nothing", async () => {
    const before = await t.db.candidate.count();
    await expect(importFile("a", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).rejects.toThrow(".xlsx 模板");
    await expect(importFile("a", Buffer.from("姓名,证件号码\n张三,1101"))).rejects.toThrow("表头与模板不一致");
    const wrong = new ExcelJS.Workbook();
    wrong.addWorksheet("x").addRow(["姓名", "身份证"]);
    await expect(importFile("a", Buffer.from(await wrong.xlsx.writeBuffer()))).rejects.toThrow("表头与模板不一致");
    // A zip bomb: a 300 MB entry of zeros deflates to a few hundred KB; its declared size is refused before inflating.
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    zip.file("xl/worksheets/sheet1.xml", Buffer.alloc(300 * 1024 * 1024 + 1));
    const bomb = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    await expect(importFile("a", bomb)).rejects.toThrow(/解压后过大|压缩比异常/);
    // Too many rows: the limit is checked while streaming, before anything is written.
    const many = await filledTemplate(Array.from({ length: 12 }, () => good(nextId())));
    await expect(readSheet(many, candidateImport.columns, 10)).rejects.toThrow("单次导入不能超过 10 行");
    expect(await t.db.candidate.count()).toBe(before);
    const failed = await t.db.importRecord.findMany({ where: { userId: s.a.id, status: "FAILED" } });
    expect(failed.length).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it("property: any mix of good and bad rows writes exactly the good ones", async () => {
    const kinds = ["good", "badCheck", "badName", "badMajor", "badGender"] as const;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 8 }), async (mix) => {
        const rows = mix.map((k) => {
          const id = nextId();
          const r = good(id);
          if (k === "badCheck") r[5] = id.slice(0, 17) + (id[17] === "3" ? "4" : "3");
          if (k === "badName") r[1] = "王1";
          if (k === "badMajor") r[9] = "000000";
          if (k === "badGender") r[3] = "女";
          return { k, id, r };
        });
        const rec = await importFile("a", await filledTemplate(rows.map((x) => x.r)));
        const written = await t.db.candidate.findMany({ where: { idNumber: { in: rows.map((x) => x.id) } }, select: { idNumber: true } });
        const expected = rows
          .filter((x) => x.k === "good")
          .map((x) => x.id)
          .sort();
        return (
          rec.succeeded === expected.length &&
          rec.failed === rows.length - expected.length &&
          JSON.stringify(written.map((w) => w.idNumber).sort()) === JSON.stringify(expected)
        );
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});

describe("考生管理 as 004 shows it (issue 12)", () => {
  it("就读专业 is the major picked from the catalogue, old catalogue version included; 专科 is 高职专科", async () => {
    const options = await api("a").candidates.majors({ q: "计算机应用", level: "HIGHER_VOCATIONAL" });
    // School-only: a department's account is refused whatever it asks.
    const edu = await makeUser(t.db, "EDU", { departmentId: (await makeDepartment(t.db, { regionCode: "110000" })).id });
    clock.advance(61_000);
    await expect(caller(t.db, { clock, session: await login(t.db, clock, edu.account, PASSWORD) }).candidates.majors({ q: "计算机" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(options.every((m) => m.level === "HIGHER_VOCATIONAL")).toBe(true);
    const old = options.find((m) => m.catalogVersion === "OLD")!;
    expect(old).toBeDefined();
    const { id } = await api("a").candidates.save(form(nextId(), { majorCode: null, majorId: old.id }));
    expect((await t.db.candidate.findUniqueOrThrow({ where: { id } })).majorId).toBe(old.id);
    await expect(api("a").candidates.save(form(nextId(), { majorCode: null, majorId: crypto.randomUUID() }))).rejects.toThrow("所选专业不在专业目录中");
    const { id: short } = await api("a").candidates.save(form(nextId(), { majorLevel: undefined, majorCode: "510201" }));
    expect((await t.db.candidate.findUniqueOrThrow({ where: { id: short } })).majorLevel).toBe("HIGHER_VOCATIONAL");
    const ids = [nextId(), nextId()];
    const rec = await importFile(
      "a",
      await filledTemplate([good(ids[0]).map((v) => (v === "高职专科" ? "专科" : v)), good(ids[1]).map((v) => (v === "高职专科" ? "大专" : v))]),
    );
    expect([rec.succeeded, rec.failed]).toEqual([2, 0]);
    expect((await t.db.candidate.findMany({ where: { idNumber: { in: ids } } })).every((c) => c.majorLevel === "HIGHER_VOCATIONAL")).toBe(true);
  });

  it("手机号码 is required for every candidate, in the form and in imports", async () => {
    await expect(api("a").candidates.save(form(nextId(), { phone: "" }))).rejects.toThrow("请填写手机号");
    const rec = await importFile("a", await filledTemplate([good(nextId()).map((v, i) => (i === 6 ? "" : v))]));
    expect([rec.succeeded, rec.failed]).toEqual([0, 1]);
  });

  it("查看 shows masked numbers, the school, the major and the record; another school gets nothing", async () => {
    const id = nextId();
    const { id: cid } = await api("a").candidates.save(form(id));
    await api("a").candidates.resetPassword({ id: cid });
    const v = await api("a").candidates.view({ id: cid });
    expect(v.idNumberMasked).toBe(`${id.slice(0, 3)}****${id.slice(-4)}`);
    expect(v.phoneMasked).toBe("136****0002");
    expect(JSON.stringify(v)).not.toContain(id);
    expect(v.school.name).toBe(names.a);
    expect(v.major?.code).toBe("510201");
    expect(v.history.map((h) => h.event)).toEqual(["添加考生", "重置学生账号密码"]);
    await expect(api("b").candidates.view({ id: cid })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("本校考生 and 社会考生 are one list with the type fixed; the export carries every list column", async () => {
    const social = await api("a").candidates.save(form(nextId(), { type: "SOCIAL", enrolYear: null, majorCode: null, majorLevel: null }));
    const school = await api("a").lists.candidates({ filter: { type: "SCHOOL" }, page: 1, pageSize: 50 });
    const socials = await api("a").lists.candidates({ filter: { type: "SOCIAL" }, page: 1, pageSize: 50 });
    expect(school.rows.some((r) => r.id === social.id)).toBe(false);
    expect(socials.rows.map((r) => r.id)).toContain(social.id);
    const { candidateList } = await import("@/server/candidates/list");
    expect(candidateList.columns.map((c) => c.header)).toEqual(expect.arrayContaining(["就读专业", "所属院校", "已报考证书", "姓名拼音", "信息状态"]));
  });
});

describe("批量修改考生信息", () => {
  it("exports, fixes and re-imports by ID number; unknown and locked rows fail with reasons", async () => {
    const { keyedHash } = await import("@/server/crypto");
    const { candidateUpdateImport } = await import("@/server/candidates/update-candidates");
    const a = await api("a").candidates.save(form(nextId()));
    const v = await api("a").candidates.save(form(nextId()));
    await t.db.candidate.update({ where: { id: v.id }, data: { status: "VERIFIED" } });
    const [ca, cv] = await Promise.all([a.id, v.id].map((id) => t.db.candidate.findUniqueOrThrow({ where: { id } })));
    // The school's export (SMS-verified) carries full ID numbers for this round trip.
    const phone = (await t.db.user.findUniqueOrThrow({ where: { id: s.a.id } })).phone!;
    await t.db.smsCode.create({
      data: {
        phone,
        purpose: "EXPORT",
        userId: s.a.id,
        codeHash: keyedHash(`${phone}:EXPORT:654321`),
        expiresAt: new Date(clock.now().getTime() + 60_000),
        createdAt: clock.now(),
      },
    });
    const exp = await exportNow(api("a"), t.db, clock, { list: "candidates", filter: {}, ids: [ca.id, cv.id], smsCode: "654321" }, storage);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await storage.readBuffer((await t.db.storedFile.findUniqueOrThrow({ where: { id: exp.fileId } })).key)) as never);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(2).values as unknown[]).map(String);
    const col = (h: string) => header.indexOf(h);
    for (let r = 3; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const id = String(row.getCell(col("证件号码")).value);
      if (id === ca.idNumber) row.getCell(col("手机号")).value = "13900001111";
      if (id === cv.idNumber) row.getCell(col("姓名")).value = "改名字";
      row.commit();
    }
    const extra = ws.addRow([]);
    ["99", "院校考生", "不存在", "", "男", "居民身份证", nextId(), "", "2024", "高职专科", "510201"].forEach((x, j) => {
      extra.getCell(j + 1).value = x;
    });
    extra.commit();
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const rec0 = await beginImport({ db: t.db, clock, storage }, importer(s.a), "CANDIDATE_UPDATES", { name: "修改.xlsx", bytes });
    const rec = await runImport({ db: t.db, clock, storage }, importer(s.a), candidateUpdateImport, rec0.id, bytes);
    expect([rec.succeeded, rec.failed]).toEqual([1, 2]);
    expect((await t.db.candidate.findUniqueOrThrow({ where: { id: ca.id } })).phone).toBe("13900001111");
    expect((await t.db.candidate.findUniqueOrThrow({ where: { id: cv.id } })).name).toBe(cv.name);
    // Another school's file cannot touch these candidates: the rows simply match nothing there.
    const recB = await beginImport({ db: t.db, clock, storage }, importer(s.b), "CANDIDATE_UPDATES", { name: "修改.xlsx", bytes });
    expect((await runImport({ db: t.db, clock, storage }, importer(s.b), candidateUpdateImport, recB.id, bytes)).succeeded).toBe(0);
  });
});

describe("xlsx reading", () => {
  it("keeps Chinese text whole across stream chunks (exceljs' own reader split characters here)", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vslc-x-")), "big.xlsx");
    for (const shared of [false, true]) {
      await writeCandidatesFile(file, 6000, { sharedStrings: shared });
      const rows = await readSheet(fs.readFileSync(file), candidateImport.columns, 10_000);
      expect(rows).toHaveLength(6000);
      expect(rows.every((r, i) => r.cells.idType === "居民身份证" && r.cells.name === candidateName(i))).toBe(true);
    }
  }, 60_000);
});

/** An .xlsx written by hand, as some exporters do: inline or shared strings, optional element prefix and parts' paths. */
async function handMadeXlsx(rows: string[][], opts: { prefix?: string; sharedStrings?: string } = {}): Promise<Buffer> {
  const x = opts.prefix ? `${opts.prefix}:` : "";
  const ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const strings: string[] = [];
  const cell = (v: string, ref: string) => {
    if (!opts.sharedStrings) return `<${x}c r="${ref}" t="inlineStr"><${x}is><${x}t>${v}</${x}t></${x}is></${x}c>`;
    strings.push(v);
    return `<${x}c r="${ref}" t="s"><${x}v>${strings.length - 1}</${x}v></${x}c>`;
  };
  const sheetData = rows
    .map((r, i) => `<${x}row r="${i + 1}">${r.map((v, j) => (v ? cell(v, `${String.fromCharCode(65 + j)}${i + 1}`) : "")).join("")}</${x}row>`)
    .join("");
  const zip = new JSZip();
  const sst = opts.sharedStrings;
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      (sst ? `<Override PartName="/xl/${sst}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : "") +
      `</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><${x}workbook xmlns${opts.prefix ? `:${opts.prefix}` : ""}="${ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><${x}sheets><${x}sheet name="考生" sheetId="1" r:id="rId7"/></${x}sheets></${x}workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/>` +
      (sst ? `<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="${sst}"/>` : "") +
      `</Relationships>`,
  );
  zip.file(
    "xl/worksheets/data.xml",
    `<?xml version="1.0" encoding="UTF-8"?><${x}worksheet xmlns${opts.prefix ? `:${opts.prefix}` : ""}="${ns}"><${x}sheetData>${sheetData}</${x}sheetData></${x}worksheet>`,
  );
  if (sst)
    zip.file(
      `xl/${sst}`,
      `<?xml version="1.0" encoding="UTF-8"?><${x}sst xmlns${opts.prefix ? `:${opts.prefix}` : ""}="${ns}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((v) => `<${x}si><${x}t>${v}</${x}t></${x}si>`).join("")}</${x}sst>`,
    );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
const headers = () => ["序号", ...candidateImport.columns.map((c) => c.header)];

describe("files as office software writes them (issue 11)", () => {
  it("fails each row whose ID number Excel turned into a number, keeps the others, and takes intact digits", async () => {
    const ids = [nextId(), nextId(), nextId(), nextId(), nextId()];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await filledTemplate(ids.map((id) => good(id)))) as never);
    const ws = wb.worksheets[0];
    ws.getRow(4).getCell(7).value = 110108200409032000; // a 15-digit double: its last digits are gone
    ws.getRow(6).getCell(7).value = 110108200409032000;
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    // Excel's own text for such a cell (the second), and a writer that kept the integer (the third, a valid ID).
    const intact = ids[4];
    let k = 0;
    const patched = sheet
      .replace(/<v>110108200409032000<\/v>/g, (m) => (k++ === 1 ? "<v>1.10108200409032E+17</v>" : m))
      .replace(new RegExp(`<c r="G7"([^>]*)t="(?:s|str|inlineStr)"([^>]*)>.*?</c>`), `<c r="G7"$1$2><v>${intact}</v></c>`);
    expect(patched).toContain("1.10108200409032E+17");
    expect(patched).toContain(`<v>${intact}</v>`);
    zip.file("xl/worksheets/sheet1.xml", patched);
    const rec = await importFile("a", await zip.generateAsync({ type: "nodebuffer" }));
    expect([rec.status, rec.succeeded, rec.failed]).toEqual(["DONE", 3, 2]);
    expect(await t.db.candidate.count({ where: { idNumber: { in: [ids[0], ids[2], intact] } } })).toBe(3);
    const f = await t.db.storedFile.findUniqueOrThrow({ where: { id: rec.failedFileId! } });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await storage.readBuffer(f.key)) as never);
    const out = back.worksheets[0];
    const reasons = [3, 4].map((r) => String(out.getRow(r).getCell(out.getRow(2).cellCount).value));
    expect(reasons[0]).toContain("「证件号码」为超过 15 位的数值");
    expect(reasons[1]).toContain("「证件号码」为科学计数法表示的数值");
    for (const r of reasons) expect(r).toContain("设为文本格式");
  });

  it("tells the example row by its 序号 header even with a column inserted before it", async () => {
    const id = nextId();
    const example = ["", "示例", "院校考生", "张三示例", "", "男", "居民身份证", nextId(), "", "2024", "高职专科", "510201"];
    const bytes = await handMadeXlsx([["备注", ...headers()], example, ["", "1", ...good(id)]]);
    const rec = await importFile("a", bytes);
    expect([rec.succeeded, rec.failed]).toEqual([1, 0]);
    expect(await t.db.candidate.count({ where: { name: "张三示例" } })).toBe(0);
  });

  it("finds the template's sheet behind a 填写说明 sheet", async () => {
    const id = nextId();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("填写说明").addRows([["填写说明"], ["1. 证件号码请设为文本格式"], ["2. 示例行不会导入"], ["3. 每次最多 50,000 行"]]);
    wb.addWorksheet("考生信息").addRows([headers(), ["1", ...good(id)]]);
    const rec = await importFile("a", Buffer.from(await wb.xlsx.writeBuffer()));
    expect([rec.succeeded, rec.failed]).toEqual([1, 0]);
    // No sheet with the headers: the message names what is missing, as before.
    const none = new ExcelJS.Workbook();
    none.addWorksheet("填写说明").addRows([["说明"], ["……"], ["……"]]);
    none.addWorksheet("考生").addRow(["姓名", "身份证"]);
    await expect(importFile("a", Buffer.from(await none.xlsx.writeBuffer()))).rejects.toThrow("表头与模板不一致");
  });

  it("reads worksheet elements with a namespace prefix (<x:row>, <x:c>), as some .NET exporters write", async () => {
    const id = nextId();
    const prefixed = await handMadeXlsx([headers(), ["1", ...good(id)]], { prefix: "x" });
    expect(await (await JSZip.loadAsync(prefixed)).file("xl/worksheets/data.xml")!.async("string")).toContain("<x:row");
    expect((await importFile("a", prefixed)).succeeded).toBe(1);
    expect(await t.db.candidate.count({ where: { idNumber: id } })).toBe(1);
  });

  it("finds the shared strings through the workbook's relationships (xl/SharedStrings.xml)", async () => {
    const id = nextId();
    const moved = await handMadeXlsx([headers(), ["1", ...good(id)]], { sharedStrings: "SharedStrings.xml" });
    expect(Object.keys((await JSZip.loadAsync(moved)).files)).toContain("xl/SharedStrings.xml");
    expect((await importFile("a", moved)).succeeded).toBe(1);
    expect(await t.db.candidate.count({ where: { idNumber: id } })).toBe(1);
  });
});

describe("files LibreOffice writes, and the formats an office user saves as (issue 11)", () => {
  /** The template filled with `rows`, opened and saved again by LibreOffice with `filter`. */
  const saved = async (rows: string[][], filter: string, edit?: (ws: ExcelJS.Worksheet) => void) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await filledTemplate(rows)) as never);
    edit?.(wb.worksheets[0]);
    return libreOffice(Buffer.from(await wb.xlsx.writeBuffer()), "考生.xlsx", filter);
  };

  it("reads a workbook LibreOffice saved again: its shared strings, rich text runs and a number it kept", async () => {
    const ids = [nextId(), nextId(), nextId()];
    const bytes = await saved(
      ids.map((id) => good(id)),
      "xlsx:Calc MS Excel 2007 XML",
      (ws) => {
        ws.getRow(3).getCell(3).value = { richText: [{ text: "王", font: { bold: true } }, { text: "小红" }] };
        ws.getRow(5).getCell(7).value = Number(ids[2].slice(0, 17)) * 10; // an ID number typed into a number cell
      },
    );
    const sheet = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toMatch(/<v>1\.\d+E\+017<\/v>/); // how LibreOffice writes such a number
    expect(await (await JSZip.loadAsync(bytes)).file("xl/sharedStrings.xml")!.async("string")).toContain("<r><rPr><b");
    const rec = await importFile("a", bytes);
    expect([rec.succeeded, rec.failed]).toEqual([2, 1]);
    expect((await t.db.candidate.findUniqueOrThrow({ where: { idNumber: ids[0] } })).name).toBe("王小红");
  }, 60_000);

  it("imports a .csv saved in UTF-8 or in GBK (Excel and WPS on Chinese Windows), whatever its name", async () => {
    for (const [filter, name] of [
      [CSV_UTF8, "考生.csv"],
      [CSV_GBK, "考生.xlsx"],
    ]) {
      const ids = [nextId(), nextId(), nextId()];
      const bytes = await saved(
        ids.map((id, i) => good(id, `张${"甲乙丙"[i]}`)),
        filter,
        (ws) => (ws.getRow(5).getCell(7).value = Number(ids[2].slice(0, 17)) * 10),
      );
      expect(bytes.includes(Buffer.from("张甲", filter === CSV_GBK ? "latin1" : "utf8"))).toBe(filter === CSV_UTF8);
      const rec0 = await beginImport({ db: t.db, clock, storage }, importer(s.a), "CANDIDATES", { name, bytes });
      const rec = await runImport({ db: t.db, clock, storage }, importer(s.a), candidateImport, rec0.id, bytes);
      expect([rec.status, rec.succeeded, rec.failed]).toEqual(["DONE", 2, 1]);
      expect((await t.db.candidate.findUniqueOrThrow({ where: { idNumber: ids[1] } })).name).toBe("张乙");
      // The example row stayed out; the rounded ID number failed its row with the reason.
      expect(await t.db.candidate.count({ where: { idNumber: ids[2] } })).toBe(0);
      const f = await t.db.storedFile.findUniqueOrThrow({ where: { id: rec.failedFileId! } });
      const back = new ExcelJS.Workbook();
      await back.xlsx.load((await storage.readBuffer(f.key)) as never);
      const out = back.worksheets[0];
      expect(String(out.getRow(3).getCell(out.getRow(2).cellCount).value)).toContain("「证件号码」为科学计数法表示的数值");
    }
  }, 60_000);

  it("refuses .xls and .ods (also renamed to .xlsx) with how to save as .xlsx, and writes nothing", async () => {
    const before = await t.db.candidate.count();
    for (const [filter, says] of [
      ["xls:MS Excel 97", "Excel 97-2003"],
      ["ods", "OpenDocument"],
    ]) {
      const bytes = await saved([good(nextId())], filter);
      expect(sheetFileProblem(bytes)).toContain(says);
      await expect(importFile("a", bytes)).rejects.toThrow(/另存为」Excel 工作簿（\*\.xlsx）/);
    }
    expect(await t.db.candidate.count()).toBe(before);
  }, 60_000);
});

describe("import limits and failures", () => {
  it("stops at 50,000 rows while streaming and writes nothing", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vslc-big-")), "big.xlsx");
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const ws = wb.addWorksheet("考生");
    ws.addRow(["序号", ...candidateImport.columns.map((c) => c.header)]).commit();
    for (let i = 0; i < 50_001; i++)
      ws.addRow([String(i + 1), "院校考生", "张三", "", "男", "居民身份证", "110108200503011237", "", "2024", "高职专科", "510201"]).commit();
    ws.commit();
    await wb.commit();
    const before = await t.db.candidate.count();
    await expect(importFile("a", fs.readFileSync(file))).rejects.toThrow("单次导入不能超过 50,000 行");
    expect(await t.db.candidate.count()).toBe(before);
  }, 120_000);

  it("a write that fails midway leaves no half-written batch", async () => {
    const ids = Array.from({ length: 1005 }, () => nextId2());
    const bytes = await filledTemplate(ids.map((id) => good(id)));
    let batch = 0;
    // The second batch crashes after writing its candidates, inside its transaction.
    const crashing = {
      ...candidateImport,
      write: async (...args: Parameters<typeof candidateImport.write>) => {
        await candidateImport.write(...args);
        if (++batch >= 2) throw new Error("crash");
      },
    };
    const rec0 = await beginImport({ db: t.db, clock, storage }, importer(s.a), "CANDIDATES", { name: "崩溃.xlsx", bytes });
    const rec = await runImport({ db: t.db, clock, storage }, importer(s.a), crashing, rec0.id, bytes);
    expect([rec.succeeded, rec.failed]).toEqual([1000, 5]);
    expect(await t.db.candidate.count({ where: { idNumber: { in: ids.slice(0, 1000) } } })).toBe(1000);
    expect(await t.db.candidate.count({ where: { idNumber: { in: ids.slice(1000) } } })).toBe(0);
    expect(await t.db.user.count({ where: { account: { in: ids.slice(1000) } } })).toBe(0);
  }, 120_000);

  it("a row another school registered while the batch was checked fails alone, naming that school", async () => {
    const ids = [nextId2(), nextId2(), nextId2()];
    const bytes = await filledTemplate(ids.map((id) => good(id)));
    let raced = false;
    // Between this batch's checks and its write, school b registers the second ID number (its own transaction).
    const racing = {
      ...candidateImport,
      checkBatch: async (...args: Parameters<typeof candidateImport.checkBatch>) => {
        const checked = await candidateImport.checkBatch(...args);
        if (!raced) {
          raced = true;
          await api("b").candidates.save(form(ids[1]));
        }
        return checked;
      },
    };
    const rec0 = await beginImport({ db: t.db, clock, storage }, importer(s.a), "CANDIDATES", { name: "并发.xlsx", bytes });
    const rec = await runImport({ db: t.db, clock, storage }, importer(s.a), racing, rec0.id, bytes);
    expect([rec.succeeded, rec.failed]).toEqual([2, 1]);
    const rows = await t.db.candidate.findMany({ where: { idNumber: { in: ids } }, include: { school: true } });
    expect(Object.fromEntries(rows.map((r) => [r.idNumber, r.school.name]))).toEqual({
      [ids[0]]: names.a,
      [ids[1]]: names.b,
      [ids[2]]: names.a,
    });
    const failed = new ExcelJS.Workbook();
    await failed.xlsx.load((await storage.readBuffer((await t.db.storedFile.findUniqueOrThrow({ where: { id: rec.failedFileId! } })).key)) as never);
    expect(JSON.stringify(failed.worksheets[0].getSheetValues())).toContain(`该证件号码已在「${names.b}」登记为考生`);
  }, 60_000);
});

let seq2 = 1;
/** Many distinct valid ID numbers: born on different days of 2003. */
function nextId2(): string {
  const n = seq2++;
  const day = new Date(Date.UTC(2003, 0, 1) + Math.floor(n / 400) * 86400000).toISOString().slice(0, 10).replace(/-/g, "");
  return withIdCheck(`110108${day}${String((n % 400) * 2 + 1).padStart(3, "0")}`);
}
