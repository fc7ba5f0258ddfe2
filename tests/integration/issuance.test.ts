// 证书发放管理 on PostgreSQL (002 §4.2): 获取待发证记录 from the org's ended plans' passes (可发证 / 不可发证, never
// twice), the org's and the school's signatures (a drawn PNG and an SMS code, final), refusals with a reason and
// 重新签发, isolation between orgs and schools, and the database keeping every state tied to its signatures.
import { beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { useTestDb } from "../support/db";
import ExcelJS from "exceljs";
import { caller, exportNow, lastSmsCode, login } from "../support/trpc";
import { getStorage } from "@/server/storage";
import { fixedClock } from "@/server/clock";
import { makeCertificate, makeExamPlan, makeOrg, makeResultFor, makeSchoolAccounts, makeUser, PASSWORD } from "../support/factories";
import type { SessionUser } from "@/server/session-user";
import { canDownload } from "@/server/files/access";
import { requesterOf } from "@/server/tenancy";

const t = useTestDb();
const clock = fixedClock("2026-08-01T02:00:00Z");
const s: Record<string, SessionUser> = {};
const f = {} as { plan: string; openPlan: string; a: string[]; b: string; unverified: string; ids: Record<string, string> };
let ink = "";
let blank = "";

const passed = (schoolId: string, planId: string, levelId: string, verified = true) =>
  makeResultFor(t.db, { schoolId, planId, levelId, outcome: "PASSED", at: clock.now(), verified });

beforeAll(async () => {
  const org = await makeOrg(t.db);
  const other = await makeOrg(t.db);
  const cert = await makeCertificate(t.db, org.id);
  const level = cert.levels[0].id;
  const a = await makeSchoolAccounts(t.db);
  const b = await makeSchoolAccounts(t.db);
  // Ended (publicity over by 2026-08-01) and still in publicity.
  const plan = await makeExamPlan(t.db, org.id, { start: new Date("2026-05-01T00:00:00Z"), schoolIds: [a.school.id, b.school.id], levelIds: [level] });
  const open = await makeExamPlan(t.db, org.id, { start: new Date("2026-07-28T00:00:00Z"), schoolIds: [a.school.id], levelIds: [level] });
  [f.plan, f.openPlan] = [plan.id, open.id];
  f.a = [await passed(a.school.id, plan.id, level), await passed(a.school.id, plan.id, level), await passed(a.school.id, plan.id, level)];
  f.unverified = await passed(a.school.id, plan.id, level, false);
  f.b = await passed(b.school.id, plan.id, level);
  await passed(a.school.id, open.id, level);
  const users = {
    org: await makeUser(t.db, "ORG", { orgId: org.id }),
    other: await makeUser(t.db, "ORG", { orgId: other.id }),
    a: a.principal,
    b: b.principal,
    aAdmin: await makeUser(t.db, "SCHOOL_ADMIN", { schoolId: a.school.id }),
    // School b's 证书负责人 of this certificate, and one of another certificate.
    bLead: await makeUser(t.db, "SCHOOL_ADMIN", { schoolId: b.school.id }),
    bOtherLead: await makeUser(t.db, "SCHOOL_ADMIN", { schoolId: b.school.id }),
  };
  const otherCert = await makeCertificate(t.db, other.id);
  await t.db.userCertificateScope.create({ data: { userId: users.bLead.id, certificateLevelId: level } });
  await t.db.userCertificateScope.create({ data: { userId: users.bOtherLead.id, certificateLevelId: otherCert.levels[0].id } });
  for (const [k, u] of Object.entries(users)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="160"><path d="M20 100 C 120 10, 220 150, 380 60" stroke="#111" stroke-width="5" fill="none"/></svg>`;
  ink = `data:image/png;base64,${(await sharp(Buffer.from(svg)).png().toBuffer()).toString("base64")}`;
  blank = `data:image/png;base64,${(
    await sharp({ create: { width: 400, height: 160, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer()
  ).toString("base64")}`;
}, 90_000);

const api = (k: string) => caller(t.db, { clock, session: s[k] });
async function code(k: string) {
  clock.advance(61_000);
  await api(k).auth.sendOwnCode({ purpose: "SIGN_ISSUANCE" });
  return lastSmsCode(t.db, (await t.db.user.findUniqueOrThrow({ where: { id: s[k].id } })).phone!);
}
const statusOf = async (registrationId: string) => (await t.db.issuance.findUniqueOrThrow({ where: { registrationId } })).status;
const idOf = async (registrationId: string) => (await t.db.issuance.findUniqueOrThrow({ where: { registrationId } })).id;

describe("证书发放管理", () => {
  it("获取待发证记录: the ended plan's passes, 不可发证 with the reason, never twice, never another org's", async () => {
    expect(await api("org").issuance.preview({ planId: f.openPlan })).toEqual({ eligible: 0, ineligible: 0 });
    expect(await api("org").issuance.preview({})).toEqual({ eligible: 4, ineligible: 1 });
    const ineligible = await api("org").lists.issuable({ filter: {}, tab: "INELIGIBLE", page: 1, pageSize: 10 });
    expect(ineligible.rows.map((r) => [r.id, r.reason])).toEqual([[f.unverified, "考生信息无照片"]]);
    // 下载不可发证名单: a real .xlsx with the reason; another org's list is empty, a school's refused.
    expect((await api("other").lists.issuable({ filter: {}, page: 1, pageSize: 10 })).total).toBe(0);
    await expect(api("a").lists.issuable({ filter: {}, page: 1, pageSize: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    clock.advance(61_000);
    await api("org").auth.sendOwnCode({ purpose: "EXPORT" });
    const exportCode = await lastSmsCode(t.db, (await t.db.user.findUniqueOrThrow({ where: { id: s.org.id } })).phone!);
    const xlsx = await exportNow(api("org"), t.db, clock, { list: "issuable", filter: {}, tab: "INELIGIBLE", smsCode: exportCode });
    expect(xlsx.rows).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await getStorage().readBuffer((await t.db.storedFile.findUniqueOrThrow({ where: { id: xlsx.fileId } })).key)) as never);
    const sheet = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(sheet).toContain("不可发证原因");
    expect(sheet).toContain("考生信息无照片");
    expect(await api("other").issuance.generate({})).toEqual({ created: 0 });
    expect(await api("org").issuance.generate({})).toEqual({ created: 4 });
    expect(await api("org").issuance.generate({})).toEqual({ created: 0 });
    expect((await api("org").lists.issuances({ filter: {}, page: 1, pageSize: 10 })).counts).toMatchObject({ ORG_PENDING: 4, SITE_PENDING: 0 });
    // Each school sees its own; another org none.
    expect((await api("a").lists.issuances({ filter: {}, page: 1, pageSize: 10 })).total).toBe(3);
    expect((await api("b").lists.issuances({ filter: {}, page: 1, pageSize: 10 })).total).toBe(1);
    expect((await api("other").lists.issuances({ filter: {}, page: 1, pageSize: 10 })).total).toBe(0);
    await expect(api("a").issuance.generate({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the org signs with a drawing and an SMS code; refuses with a reason; re-signs only by signing", async () => {
    const [r1, r2, r3] = await Promise.all(f.a.map(idOf));
    const rb = await idOf(f.b);
    // Bad input changes nothing and spends no code.
    await expect(api("org").issuance.sign({ ids: [r1], signature: blank, smsCode: "000000" })).rejects.toThrow("请在签名区域手写签名");
    await expect(api("org").issuance.refuse({ ids: [r3], reason: "  " })).rejects.toThrow("请填写拒绝签发理由");
    await expect(api("other").issuance.sign({ ids: [r1], signature: ink, smsCode: "000000" })).rejects.toThrow("证书发放记录不存在或无权操作");
    const sms = await code("org");
    await expect(api("org").issuance.sign({ ids: [r1, r2, rb], signature: ink, smsCode: sms === "000000" ? "111111" : "000000" })).rejects.toThrow(
      "短信验证码错误",
    );
    expect(await statusOf(f.a[0])).toBe("ORG_PENDING");
    expect(await api("org").issuance.sign({ ids: [r1, r2, rb], signature: ink, smsCode: sms })).toMatchObject({ signed: 3 });
    expect(await statusOf(f.a[0])).toBe("SITE_PENDING");
    expect(await api("org").issuance.refuse({ ids: [r3], reason: "成绩待核实" })).toEqual({ refused: 1 });
    const refused = await t.db.issuance.findUniqueOrThrow({ where: { id: r3 } });
    expect(refused).toMatchObject({ status: "ORG_REFUSED", refusalReason: "成绩待核实" });
    // A signed record cannot be refused or signed again; a refused one cannot be refused again.
    await expect(api("org").issuance.refuse({ ids: [r1], reason: "x" })).rejects.toThrow("考核站点待签发的记录不能拒绝签发");
    await expect(api("org").issuance.refuse({ ids: [r3], reason: "x" })).rejects.toThrow("培训评价组织拒绝签发的记录不能拒绝签发");
    expect(await api("org").issuance.sign({ ids: [r3], signature: ink, smsCode: await code("org") })).toMatchObject({ signed: 1 });
    expect(await statusOf(f.a[2])).toBe("SITE_PENDING");
    const sig = await t.db.issuanceSignature.findMany({ where: { side: "ORG" }, orderBy: { signedAt: "asc" } });
    expect(sig.map((x) => x.records)).toEqual([3, 1]);
    const file = await t.db.storedFile.findUniqueOrThrow({ where: { id: sig[0].imageFileId } });
    expect(file).toMatchObject({ purpose: "ISSUANCE_SIGNATURE", contentType: "image/png" });
    expect((await t.db.issuanceEvent.findMany({ where: { issuanceId: r3 }, orderBy: { at: "asc" } })).map((e) => [e.action, e.to, e.reason])).toEqual([
      ["generate", "ORG_PENDING", null],
      ["orgRefuse", "ORG_REFUSED", "成绩待核实"],
      ["orgSign", "SITE_PENDING", null],
    ]);
  });

  it("the school signs its own (principal or 证书负责人), refuses with a reason and re-signs; never another school's", async () => {
    const [r1, r2, r3] = await Promise.all(f.a.map(idOf));
    const rb = await idOf(f.b);
    await expect(api("b").issuance.sign({ ids: [r1], signature: ink, smsCode: "000000" })).rejects.toThrow("证书发放记录不存在或无权操作");
    await expect(api("a").issuance.sign({ ids: [r1, rb], signature: ink, smsCode: "000000" })).rejects.toThrow("证书发放记录不存在或无权操作");
    // A sub-account that is no 证书负责人 does not sign.
    await expect(api("aAdmin").issuance.refuse({ ids: [r1], reason: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await api("a").issuance.refuse({ ids: [r1], reason: "学生姓名有误" })).toEqual({ refused: 1 });
    expect(await api("a").issuance.sign({ ids: [r2, r3], signature: ink, smsCode: await code("a") })).toMatchObject({ signed: 2 });
    await expect(api("a").issuance.sign({ ids: [r1, r2], signature: ink, smsCode: "000000" })).rejects.toThrow(
      "所选记录中有不能操作的：证书待发放的记录不能签发",
    );
    expect(await api("a").issuance.sign({ ids: [r1], signature: ink, smsCode: await code("a") })).toMatchObject({ signed: 1 });
    expect(await Promise.all(f.a.map(statusOf))).toEqual(["AWAITING_ISSUE", "AWAITING_ISSUE", "AWAITING_ISSUE"]);
    expect(await statusOf(f.b)).toBe("SITE_PENDING");
    const counts = (await api("org").lists.issuances({ filter: {}, page: 1, pageSize: 10 })).counts;
    expect(counts).toMatchObject({ AWAITING_ISSUE: 3, SITE_PENDING: 1, ORG_PENDING: 0, SITE_REFUSED: 0 });
  });

  it("the database keeps a signature final and every state tied to its signatures", async () => {
    const r1 = await idOf(f.a[0]);
    await expect(t.db.issuance.update({ where: { id: r1 }, data: { orgSignatureId: null } })).rejects.toThrow();
    await expect(t.db.$executeRawUnsafe(`UPDATE "Issuance" SET "siteSignatureId" = NULL WHERE id = '${r1}'`)).rejects.toThrow(/不可撤回/);
    const rb = await idOf(f.b);
    await expect(t.db.$executeRawUnsafe(`UPDATE "Issuance" SET status = 'AWAITING_ISSUE' WHERE id = '${rb}'`)).rejects.toThrow(/Issuance_signed_states/);
    await expect(t.db.$executeRawUnsafe(`UPDATE "Issuance" SET status = 'ISSUED' WHERE id = '${r1}'`)).rejects.toThrow(/Issuance_(signed|certificate)_states/);
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "IssuanceEvent"`)).rejects.toThrow(/只能追加/);
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "Issuance" WHERE id = '${r1}'`)).rejects.toThrow(/只能追加/);
  });

  it("a 证书负责人 signs its certificate's records for its school; one of another certificate sees none; the drawings only for those who see a record", async () => {
    const rb = await idOf(f.b);
    await expect(api("bOtherLead").issuance.sign({ ids: [rb], signature: ink, smsCode: "000000" })).rejects.toThrow("证书发放记录不存在或无权操作");
    expect((await api("bOtherLead").lists.issuances({ filter: {}, page: 1, pageSize: 10 })).total).toBe(0);
    expect(await api("bLead").issuance.sign({ ids: [rb], signature: ink, smsCode: await code("bLead") })).toMatchObject({ signed: 1 });
    expect(await statusOf(f.b)).toBe("AWAITING_ISSUE");
    const act = await t.db.issuanceSignature.findFirstOrThrow({ where: { side: "SITE", signerId: s.bLead.id } });
    // 签发记录's drawing: the signer, its org and the schools whose records it signed; not another school or org.
    const orgAct = await t.db.issuanceSignature.findFirstOrThrow({ where: { side: "ORG" }, orderBy: { signedAt: "asc" } });
    const orgDrawing = await t.db.storedFile.findUniqueOrThrow({ where: { id: orgAct.imageFileId } });
    const bDrawing = await t.db.storedFile.findUniqueOrThrow({ where: { id: act.imageFileId } });
    const who = (k: string) => requesterOf(s[k]);
    for (const k of ["org", "a", "b"]) expect(await canDownload(t.db, who(k), orgDrawing, clock.now()), k).toBe(true);
    expect(await canDownload(t.db, who("other"), orgDrawing, clock.now())).toBe(false);
    for (const k of ["bLead", "b", "org"]) expect(await canDownload(t.db, who(k), bDrawing, clock.now()), k).toBe(true);
    for (const k of ["a", "other", "bOtherLead"]) expect(await canDownload(t.db, who(k), bDrawing, clock.now()), k).toBe(false);
  });
});
