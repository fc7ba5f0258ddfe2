import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, exportNow, lastSmsCode, login, useCaseCtx } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import { seedDemo } from "@/server/seed";
import { DEMO_PASSWORD } from "@/server/seed/demo-data";
import { LocalStorage } from "@/server/storage";
import type { SessionUser } from "@/server/session-user";
import { requestExport } from "@/server/exports/create-export";
import { LISTS } from "@/server/lists/registry";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
const s: Record<string, SessionUser> = {};
const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "vslc-storage-"));
process.env.STORAGE_DIR = storageDir;
const storage = new LocalStorage(storageDir);

beforeAll(async () => {
  await seedDemo(t.db);
  for (const [k, account] of Object.entries({
    principal: "4111010009",
    sub: "4111010009-01",
    sub2: "4111010009-02",
    other: "4142010522",
    bj: "bjjw",
    wh: "whjyj",
    admin: "admin",
    org: "org125",
  })) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, account, DEMO_PASSWORD);
  }
}, 60_000);

const api = (k: string) => caller(t.db, { clock, session: s[k] });
const page = { page: 1, pageSize: 50 as const };

describe("catalogue lists are scoped by the session", () => {
  it("a school sees its pilot certificates, or all with the scope switch", async () => {
    const pilot = await api("principal").lists.certificates({ filter: { scope: "pilot" }, ...page });
    expect(pilot.rows.map((r) => r.code).sort()).toEqual(["60000001", "60000003", "60000005"]);
    const all = await api("principal").lists.certificates({ filter: { scope: "all" }, ...page });
    expect(all.total).toBe(12);
    expect(all.counts).toEqual({ ENABLED: 12, DISABLED: 0 });
  });
  it("a sub-account limited to JAVA (初级) sees only that certificate; an unlimited one sees the school's", async () => {
    const sub = await api("sub").lists.certificates({ filter: {}, ...page });
    expect(sub.rows.map((r) => r.name)).toEqual(["JAVA应用开发职业技能等级证书"]);
    expect((await api("sub2").lists.certificates({ filter: {}, ...page })).total).toBe(3);
    expect((await api("sub").lists.orgs({ filter: {}, ...page })).rows.map((r) => r.name)).toEqual(["达内教育"]);
  });
  it("organizations: a school sees those of its certificates, the admin all", async () => {
    const mine = await api("principal").lists.orgs({ filter: {}, ...page });
    expect(mine.rows.map((r) => r.code).sort()).toEqual(["125", "127", "128"]);
    expect((await api("admin").lists.orgs({ filter: {}, ...page })).total).toBe(8);
    await expect(api("org").lists.orgs({ filter: {}, ...page })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
  it("schools: own school, the department's region, or all", async () => {
    expect((await api("principal").lists.schools({ filter: {}, ...page })).rows.map((r) => r.code)).toEqual(["4111010009"]);
    const bj = await api("bj").lists.schools({ filter: {}, ...page });
    expect(bj.total).toBe(11); // ten seeded plus 北京城市学院, registered and still applying
    expect(bj.counts.NOT_PILOT).toBeGreaterThanOrEqual(1);
    expect(bj.rows.every((r) => r.regionCode.startsWith("11"))).toBe(true);
    const wh = await api("wh").lists.schools({ filter: {}, ...page });
    expect(wh.rows.every((r) => r.regionCode.startsWith("4201"))).toBe(true);
    expect(wh.total).toBe(6); // 湖北职业技术学院 (武昌区) is in Wuhan too
    expect((await api("admin").lists.schools({ filter: { name: "武汉" }, ...page })).total).toBe(5);
  });
  it("standards follow the school's certificates", async () => {
    const skill = await api("principal").lists.skillStandards({ filter: {}, ...page });
    expect(skill.rows.map((r) => r.org.name).sort()).toEqual(["中联集团教育科技有限公司", "北京鸿科经纬科技有限公司", "达内教育"].sort());
    expect((await api("admin").lists.siteStandards({ filter: {}, ...page })).total).toBe(8);
  });
  it("pages in the database with stable order", async () => {
    const p1 = await api("admin").lists.schools({ filter: {}, page: 1, pageSize: 10 });
    const p3 = await api("admin").lists.schools({ filter: {}, page: 3, pageSize: 10 });
    expect(p1.rows).toHaveLength(10);
    expect(p3.rows).toHaveLength(7);
    expect(new Set([...p1.rows, ...p3.rows].map((r) => r.id)).size).toBe(17);
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
    expect(rows.slice(2).map((x) => x[1])).toEqual(expect.arrayContaining(["125", "127", "128"]));
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
    await t.db.evaluationOrg.create({ data: { code: "999", name: '=HYPERLINK("http://x")' } });
    const r = await exportNow(api("admin"), t.db, clock, { list: "orgs", filter: { code: "999" }, smsCode: await code("admin") });
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
    const mine = await t.db.school.findUniqueOrThrow({ where: { code: "4111010009" } });
    const theirs = await t.db.school.findUniqueOrThrow({ where: { code: "4142010522" } });
    const detail = await api("principal").catalogue.school({ id: mine.id });
    expect(detail.pilots.map((p) => p.code).sort()).toEqual(["60000001", "60000001", "60000003", "60000005"]);
    expect(detail.contactPhone).toMatch(/\*{4}/);
    await expect(api("principal").catalogue.school({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("bj").catalogue.school({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("wh").catalogue.school({ id: theirs.id })).resolves.toMatchObject({ code: "4142010522" });
    // The scoped sub-account sees only its certificate's pilots.
    expect((await api("sub").catalogue.school({ id: mine.id })).pilots.map((p) => p.level)).toEqual(["JUNIOR"]);

    const notPiloted = await t.db.evaluationOrg.findUniqueOrThrow({ where: { code: "129" } });
    await expect(api("principal").catalogue.org({ id: notPiloted.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const tarena = await t.db.evaluationOrg.findUniqueOrThrow({ where: { code: "125" } });
    const org = await api("principal").catalogue.org({ id: tarena.id });
    expect(org.pilots.every((p) => p.schools === 1)).toBe(true);
    await expect(api("sub").catalogue.org({ id: (await t.db.evaluationOrg.findUniqueOrThrow({ where: { code: "128" } })).id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const std = await t.db.skillStandard.findFirstOrThrow({ where: { orgId: notPiloted.id } });
    await expect(api("principal").catalogue.standard({ kind: "skill", id: std.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("admin").catalogue.standard({ kind: "skill", id: std.id })).resolves.toMatchObject({ code: std.code });
    await expect(api("org").catalogue.school({ id: mine.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("certificate details are public catalogue data for every signed-in role", async () => {
    const c = await t.db.certificate.findUniqueOrThrow({ where: { code: "60000007" } });
    const d = await api("sub").catalogue.certificate({ id: c.id });
    expect(d.levels).toHaveLength(3);
    expect(d.majors.length).toBeGreaterThan(0);
  });
});
