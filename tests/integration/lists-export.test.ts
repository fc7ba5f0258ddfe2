import { levelCode } from "@/domain/catalogue/codes";
import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, exportNow, lastSmsCode, login, useCaseCtx } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import {
  makeCertificate,
  makeDepartment,
  makeLevel,
  makeOrg,
  makePilot,
  makeSchool,
  makeSchoolAccounts,
  makeSkillStandard,
  makeUser,
  PASSWORD,
} from "../support/factories";
import { LocalStorage } from "@/server/storage";
import type { SessionUser } from "@/server/session-user";
import type { Scope } from "@/server/tenancy";
import { requestExport } from "@/server/exports/create-export";
import { LISTS } from "@/server/lists/registry";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
const s: Record<string, SessionUser> = {};
const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "vslc-storage-"));
process.env.STORAGE_DIR = storageDir;
const storage = new LocalStorage(storageDir);

// Four organizations: o1–o3 with the certificates school A pilots (c1 初级 and 中级, c3 中级, c5 初级), o4 with
// c7 (three levels) that no one pilots; each org has a skill standard. A sub-account of A limited to c1 初级, an
// unlimited one; a 武汉 school, a second Beijing school (not a pilot), 20 more elsewhere; Beijing's department
// and 武汉's; the admin; o1's account.
const f = {
  o: [] as { id: string; code: string; name: string }[],
  c: {} as Record<string, { id: string; code: string; name: string }>,
  a: { id: "", code: "" },
  b: { id: "", code: "" },
  schools: 0,
  sites: 2,
};
beforeAll(async () => {
  for (let i = 0; i < 4; i++) f.o.push(await makeOrg(t.db));
  for (const o of f.o) await makeSkillStandard(t.db, o.id);
  for (let i = 0; i < f.sites; i++)
    await t.db.siteStandard.create({ data: { code: `Z${i}${f.o[0].code}`, name: `考核站点建设标准${i}`, version: "2021版", orgId: f.o[i].id } });
  const standards = await t.db.skillStandard.findMany();
  for (const [k, oi] of [
    ["c1", 0],
    ["c3", 1],
    ["c5", 2],
    ["c7", 3],
  ] as const) {
    const c = await makeCertificate(t.db, f.o[oi].id);
    await t.db.certificate.update({ where: { id: c.id }, data: { skillStandardId: standards.find((x) => x.orgId === f.o[oi].id)!.id } });
    f.c[k] = c;
  }
  const c1Mid = await makeLevel(t.db, f.c.c1.id, "INTERMEDIATE");
  const c3Mid = await makeLevel(t.db, f.c.c3.id, "INTERMEDIATE");
  await makeLevel(t.db, f.c.c7.id, "INTERMEDIATE");
  await makeLevel(t.db, f.c.c7.id, "SENIOR");
  const major = await t.db.major.findFirstOrThrow();
  await t.db.certificateMajor.create({ data: { certificateId: f.c.c7.id, majorId: major.id } });
  const levelOf = async (code: string) => (await t.db.certificateLevel.findFirstOrThrow({ where: { certificate: { code }, level: "JUNIOR" } })).id;

  const bjDept = await makeDepartment(t.db, { regionCode: "110000" });
  const hbDept = await makeDepartment(t.db, { regionCode: "420000" });
  const whDept = await makeDepartment(t.db, { level: "CITY", regionCode: "420100", parentId: hbDept.id });
  const a = await makeSchoolAccounts(t.db, { regionCode: "110108" });
  await t.db.school.update({ where: { id: a.school.id }, data: { contactPhone: "13900001234" } });
  for (const levelId of [await levelOf(f.c.c1.code), c1Mid.id, c3Mid.id, await levelOf(f.c.c5.code)])
    await makePilot(t.db, a.school.id, levelId, { year: clock.now().getUTCFullYear() });
  await t.db.userCertificateScope.create({ data: { userId: a.sub.id, certificateLevelId: await levelOf(f.c.c1.code) } });
  const sub2 = await makeUser(t.db, "SCHOOL_ADMIN", { schoolId: a.school.id });
  const b = await makeSchoolAccounts(t.db, { regionCode: "420111" });
  await t.db.school.update({ where: { id: b.school.id }, data: { name: `武汉${b.school.name}` } });
  const notPilot = await makeSchool(t.db, { regionCode: "110105" });
  await t.db.school.update({ where: { id: notPilot.id }, data: { isPilot: false } });
  for (let i = 0; i < 20; i++) await makeSchool(t.db, { regionCode: "370102" });
  f.schools = 23;
  f.a = a.school;
  f.b = b.school;
  const users = {
    principal: a.principal,
    sub: a.sub,
    sub2,
    other: b.principal,
    bj: await makeUser(t.db, "EDU", { departmentId: bjDept.id }),
    wh: await makeUser(t.db, "EDU", { departmentId: whDept.id }),
    admin: await makeUser(t.db, "ADMIN"),
    org: await makeUser(t.db, "ORG", { orgId: f.o[0].id }),
  };
  for (const [k, u] of Object.entries(users)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
}, 60_000);

const api = (k: string) => caller(t.db, { clock, session: s[k] });
const page = { page: 1, pageSize: 50 as const };

describe("catalogue lists are scoped by the session", () => {
  it("a school sees one row per level it pilots (not the certificate's other levels), or every level with the scope switch", async () => {
    const pilot = await api("principal").lists.certificates({ filter: { scope: "pilot" }, ...page });
    const { c1, c3, c5 } = f.c;
    expect(pilot.rows.map((r) => r.code)).toEqual(
      [levelCode(c1.code, "JUNIOR"), levelCode(c1.code, "INTERMEDIATE"), levelCode(c3.code, "INTERMEDIATE"), levelCode(c5.code, "JUNIOR")].sort(),
    );
    expect(pilot.rows.map((r) => [r.certificate.name, r.level])).toContainEqual([c3.name, "INTERMEDIATE"]);
    expect(pilot.rows.some((r) => r.code === levelCode(c3.code, "JUNIOR"))).toBe(false);
    const all = await api("principal").lists.certificates({ filter: { scope: "all" }, ...page });
    expect(all.total).toBe(8); // c1 ×2, c3 ×2, c5, c7 ×3
    expect(all.counts).toEqual({ ENABLED: 8, DISABLED: 0 });
    // 证书编号 filters by the level's own number.
    expect((await api("principal").lists.certificates({ filter: { scope: "all", code: levelCode(c1.code, "INTERMEDIATE") }, ...page })).total).toBe(1);
  });
  it("a sub-account limited to one certificate level sees only that level; an unlimited one sees the school's", async () => {
    const sub = await api("sub").lists.certificates({ filter: {}, ...page });
    expect(sub.rows.map((r) => r.code)).toEqual([levelCode(f.c.c1.code, "JUNIOR")]);
    expect((await api("sub2").lists.certificates({ filter: {}, ...page })).total).toBe(4);
    expect((await api("sub").lists.orgs({ filter: {}, ...page })).rows.map((r) => r.name)).toEqual([f.o[0].name]);
  });
  it("organizations: a school sees those of its certificates, the admin all", async () => {
    const mine = await api("principal").lists.orgs({ filter: {}, ...page });
    expect(mine.rows.map((r) => r.code).sort()).toEqual(
      f.o
        .slice(0, 3)
        .map((o) => o.code)
        .sort(),
    );
    expect((await api("admin").lists.orgs({ filter: {}, ...page })).total).toBe(4);
    await expect(api("org").lists.orgs({ filter: {}, ...page })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
  it("schools: own school, the department's region, or all", async () => {
    expect((await api("principal").lists.schools({ filter: {}, ...page })).rows.map((r) => r.code)).toEqual([f.a.code]);
    const bj = await api("bj").lists.schools({ filter: {}, ...page });
    expect(bj.total).toBe(2);
    // 院校属性 filters pilots from the others; the tabs are 全部/已启用/已停用 (004).
    expect((await api("bj").lists.schools({ filter: { pilot: "no" }, ...page })).total).toBe(1);
    expect((await api("bj").lists.schools({ filter: { pilot: "yes" }, ...page })).total).toBe(1);
    expect(bj.counts).toEqual({ ENABLED: 2, DISABLED: 0 });
    expect(bj.rows.every((r) => r.regionCode.startsWith("11"))).toBe(true);
    const wh = await api("wh").lists.schools({ filter: {}, ...page });
    expect(wh.rows.every((r) => r.regionCode.startsWith("4201"))).toBe(true);
    expect(wh.rows.map((r) => r.id)).toEqual([f.b.id]);
    expect((await api("admin").lists.schools({ filter: { name: "武汉" }, ...page })).total).toBe(1);
  });
  it("standards follow the school's certificates", async () => {
    const skill = await api("principal").lists.skillStandards({ filter: {}, ...page });
    expect(skill.rows.map((r) => r.org.name).sort()).toEqual(
      f.o
        .slice(0, 3)
        .map((o) => o.name)
        .sort(),
    );
    expect((await api("admin").lists.siteStandards({ filter: {}, ...page })).total).toBe(f.sites);
  });
  it("004's names: school export columns, org tabs 已启用/已停用, the skill standard's 职业教育专业大类", async () => {
    const { schoolList, orgList } = await import("@/server/catalogue/lists");
    const { tabsOf } = await import("@/server/lists/define");
    expect(schoolList.columns.map((c) => c.header)).toEqual(["院校代码", "院校名称", "院校属性", "院校类型", "院校状态"]);
    expect(tabsOf(orgList, new Date(0), { kind: "admin" } as Scope).map((t) => t.label)).toEqual(["已启用", "已停用"]);
    const std = await t.db.skillStandard.findFirstOrThrow({ where: { orgId: f.o[0].id } });
    const d = await api("principal").catalogue.standard({ kind: "skill", id: std.id });
    expect(d.categories).toEqual(["电子与信息大类"]);
  });
  it("a school sees a standard once it has applied for the certificate (002 §3), not before; 标准版本 filters exactly", async () => {
    const c7Junior = await t.db.certificateLevel.findFirstOrThrow({ where: { certificateId: f.c.c7.id, level: "JUNIOR" } });
    const names = async () => (await api("principal").lists.skillStandards({ filter: {}, ...page })).rows.map((r) => r.org.name);
    const app = await makePilot(t.db, f.a.id, c7Junior.id, { year: clock.now().getUTCFullYear() });
    try {
      await t.db.pilotApplication.update({ where: { id: app.id }, data: { status: "DRAFT", approvedTotal: null } });
      expect(await names()).not.toContain(f.o[3].name); // a draft is not an application yet
      await t.db.pilotApplication.update({ where: { id: app.id }, data: { status: "IN_REVIEW" } });
      expect(await names()).toContain(f.o[3].name);
      // Still not one of its pilots: the certificate list's 已参与试点证书 is unchanged.
      expect((await api("principal").lists.certificates({ filter: { scope: "pilot" }, ...page })).rows.some((r) => r.id === c7Junior.id)).toBe(false);
    } finally {
      await t.db.pilotApplication.delete({ where: { id: app.id } });
    }
    const v = (await api("admin").lists.skillStandards({ filter: {}, ...page })).rows[0].version;
    const byVersion = await api("admin").lists.skillStandards({ filter: { version: v }, ...page });
    expect(byVersion.rows.every((r) => r.version === v)).toBe(true);
  });
  it("pages in the database with stable order", async () => {
    const p1 = await api("admin").lists.schools({ filter: {}, page: 1, pageSize: 10 });
    const p3 = await api("admin").lists.schools({ filter: {}, page: 3, pageSize: 10 });
    expect(p1.rows).toHaveLength(10);
    expect(p3.rows).toHaveLength(f.schools - 20);
    expect(new Set([...p1.rows, ...p3.rows].map((r) => r.id)).size).toBe(f.schools - 10);
  });
});

async function readXlsx(fileId: string) {
  const f = await t.db.storedFile.findUniqueOrThrow({ where: { id: fileId } });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await storage.readBuffer(f.key)) as never);
  const ws = wb.worksheets[0];
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return { file: f, rows };
}

describe("export", () => {
  async function code(k: string) {
    clock.advance(61_000);
    await api(k).auth.sendOwnCode({ purpose: "EXPORT" });
    const phone = (await t.db.user.findUniqueOrThrow({ where: { id: s[k].id } })).phone!;
    return lastSmsCode(t.db, phone);
  }

  it("needs an SMS code, then writes a real .xlsx with a title row and the screen's columns", async () => {
    await expect(api("principal").exports.create({ list: "orgs", filter: {}, smsCode: "000000" })).rejects.toThrow("短信验证码");
    const r = await exportNow(api("principal"), t.db, clock, { list: "orgs", filter: {}, smsCode: await code("principal") });
    expect(r.rows).toBe(3);
    // Another account never sees someone's export, whatever id it sends.
    await expect(api("other").exports.status({ id: r.exportId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { file, rows } = await readXlsx(r.fileId);
    expect(file).toMatchObject({ purpose: "EXPORT", ownerUserId: s.principal.id, rowCount: 3 });
    expect(String(rows[0][0])).toMatch(/^培训评价组织信息（导出时间/);
    expect(rows[1]).toEqual(["序号", "机构代码", "机构名称", "已试点证书数量", "机构状态"]);
    expect(rows.slice(2).map((x) => x[1])).toEqual(expect.arrayContaining(f.o.slice(0, 3).map((o) => o.code)));
    expect(rows[2][0]).toBe(1);
    expect(await t.db.auditLog.count({ where: { action: "export", userId: s.principal.id } })).toBe(1);
  });

  it("exports only ticked rows, and ticked ids of another tenant match nothing", async () => {
    const others = await api("other").lists.schools({ filter: {}, ...page });
    await expect(api("principal").exports.create({ list: "schools", filter: {}, ids: [others.rows[0].id], smsCode: await code("principal") })).rejects.toThrow(
      "没有可导出的数据",
    );
    const certs = await api("admin").lists.certificates({ filter: {}, ...page });
    const r = await exportNow(api("admin"), t.db, clock, {
      list: "certificates",
      filter: {},
      ids: certs.rows.slice(0, 2).map((c) => c.id),
      smsCode: await code("admin"),
    });
    expect(r.rows).toBe(2);
  });

  it("escapes cells that would run as formulas", async () => {
    // Seven digits: factory orgs have at most six, so the code filter (a prefix match) finds this one alone.
    await t.db.evaluationOrg.create({ data: { code: "9999999", name: '=HYPERLINK("http://x")' } });
    const r = await exportNow(api("admin"), t.db, clock, { list: "orgs", filter: { code: "9999999" }, smsCode: await code("admin") });
    const { rows } = await readXlsx(r.fileId);
    expect(rows[2][2]).toBe('\'=HYPERLINK("http://x")');
  });

  it("caps one export at 50,000 rows with a clear message and writes nothing", async () => {
    await t.db.school.createMany({
      data: Array.from({ length: 50_001 }, (_, i) => ({
        code: `49${String(i).padStart(8, "0")}`,
        name: `批量学院${i}`,
        type: "OTHER" as const,
        regionCode: "110108",
      })),
    });
    const before = await t.db.storedFile.count();
    await expect(
      requestExport({
        ctx: useCaseCtx(t.db, s.admin, "admin", clock),
        input: { list: "schools", def: LISTS.schools as never, filter: { name: "批量学院" }, smsCode: await code("admin") },
      }),
    ).rejects.toThrow("单次最多导出 50,000 条数据，当前 50,001 条");
    expect(await t.db.storedFile.count()).toBe(before);
  }, 120_000); // 50,001 rows inserted first: slow on a loaded 2-core machine
});

describe("catalogue details: another tenant's ids get nothing", () => {
  it("a school reads only its own school and the organizations and standards of its pilots", async () => {
    const mine = f.a;
    const theirs = f.b;
    const detail = await api("principal").catalogue.school({ id: mine.id });
    // 证书负责人信息: the sub-account limited to c1 初级, its phone masked.
    expect(detail.owners.map((o) => o.levels.map((l) => l.code))).toEqual([[levelCode(f.c.c1.code, "JUNIOR")]]);
    expect(detail.owners[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(detail.pilots.map((p) => p.code).sort()).toEqual(
      [
        levelCode(f.c.c1.code, "JUNIOR"),
        levelCode(f.c.c1.code, "INTERMEDIATE"),
        levelCode(f.c.c3.code, "INTERMEDIATE"),
        levelCode(f.c.c5.code, "JUNIOR"),
      ].sort(),
    );
    expect(detail.contactPhone).toMatch(/\*{4}/);
    await expect(api("principal").catalogue.school({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("bj").catalogue.school({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("wh").catalogue.school({ id: theirs.id })).resolves.toMatchObject({ code: theirs.code });
    // The scoped sub-account sees only its certificate's pilots.
    expect((await api("sub").catalogue.school({ id: mine.id })).pilots.map((p) => p.level)).toEqual(["JUNIOR"]);

    const notPiloted = f.o[3];
    await expect(api("principal").catalogue.org({ id: notPiloted.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const org = await api("principal").catalogue.org({ id: f.o[0].id });
    expect(org.pilots.every((p) => p.schools === 1)).toBe(true);
    await expect(api("sub").catalogue.org({ id: f.o[2].id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const std = await t.db.skillStandard.findFirstOrThrow({ where: { orgId: notPiloted.id } });
    await expect(api("principal").catalogue.standard({ kind: "skill", id: std.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("admin").catalogue.standard({ kind: "skill", id: std.id })).resolves.toMatchObject({ code: std.code });
    await expect(api("org").catalogue.school({ id: mine.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("certificate details are public catalogue data for every signed-in role", async () => {
    const c = f.c.c7;
    const d = await api("sub").catalogue.certificate({ id: c.id });
    expect(d.levels).toHaveLength(3);
    expect(d.majors.length).toBeGreaterThan(0);
  });
});
