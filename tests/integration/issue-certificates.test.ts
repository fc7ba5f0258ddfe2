// 发放证书 on PostgreSQL (002 §4.2; 001 §4.1.1.2): once both sides signed, the org issues paper or electronic; the
// worker renders real PDFs (read back with pdftotext), numbers them, lands each in 完成发放 or 盖章失败 with the cause,
// and logs each as a ledger leaf that proves inclusion; 重新发放 keeps the number; 撤销 is final and logged; the
// school and the holder download, nobody else does.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import JSZip from "jszip";
import { Resolver } from "did-resolver";
import { verifyCredential } from "did-jwt-vc";
import { certificateCredentialJwt, didDocument } from "@/server/issuance/credential";
import { identityHash } from "@/domain/issuance/credential";
import { useTestDb } from "../support/db";
import { caller, lastSmsCode, login } from "../support/trpc";
import { getStorage, newKey } from "@/server/storage";
import { fixedClock } from "@/server/clock";
import { runQueuedJobs } from "@/server/jobs/worker";
import { cleanUp } from "@/server/jobs/handlers";
import { storeUpload } from "@/server/files/upload";
import { canDownload } from "@/server/files/access";
import { requesterOf } from "@/server/tenancy";
import { latestHead, inclusionProof, ledgerEntry } from "@/server/ledger/proofs";
import { checkEntry } from "@/domain/ledger/verify";
import { idCommitment, isCertificateNumber } from "@/domain/issuance/certificate";
import { makeCertificate, makeExamPlan, makeOrg, makeResultFor, makeSchoolAccounts, makeUser, PASSWORD } from "../support/factories";
import type { SessionUser } from "@/server/session-user";
import { checkCertificate } from "@/server/issuance/verify-certificate";
import { certificateSignature } from "@/server/issuance/verify-link";

const t = useTestDb();
const clock = fixedClock("2026-08-01T02:00:00Z");
const s: Record<string, SessionUser> = {};
const f = {} as { a: string[]; b: string; orgId: string; levelCode: string; orgCode: string; students: Record<string, string> };
let ink = "";

async function png(svg: string) {
  return sharp(Buffer.from(svg)).png().toBuffer();
}
async function stored(purpose: "CANDIDATE_PHOTO" | "SIGNATURE", bytes: Buffer, kind: "jpg" | "png") {
  const key = newKey("test", kind, clock.now());
  const size = await getStorage().put(key, bytes);
  return t.db.storedFile.create({ data: { key, purpose, filename: `x.${kind}`, contentType: kind === "jpg" ? "image/jpeg" : "image/png", size } });
}

beforeAll(async () => {
  const org = await makeOrg(t.db);
  await t.db.evaluationOrg.update({ where: { id: org.id }, data: { code: "987" } });
  const other = await makeOrg(t.db);
  const cert = await makeCertificate(t.db, org.id);
  const level = cert.levels[0];
  const a = await makeSchoolAccounts(t.db);
  const b = await makeSchoolAccounts(t.db);
  const plan = await makeExamPlan(t.db, org.id, { start: new Date("2026-05-01T00:00:00Z"), schoolIds: [a.school.id, b.school.id], levelIds: [level.id] });
  const passed = (schoolId: string) =>
    makeResultFor(t.db, { schoolId, planId: plan.id, levelId: level.id, outcome: "PASSED", at: clock.now(), verified: true });
  f.a = [await passed(a.school.id), await passed(a.school.id), await passed(a.school.id)];
  f.b = await passed(b.school.id);
  Object.assign(f, { orgId: org.id, levelCode: level.code, orgCode: "987" });
  // Real photos for every candidate (registered before the photo: the certificate takes the candidate's); school a's principal has uploaded an e-signature, school b's has not.
  const photo = await sharp({ create: { width: 295, height: 413, channels: 3, background: "#c8102e" } })
    .jpeg()
    .toBuffer();
  for (const id of [...f.a, f.b]) {
    const { candidateId } = await t.db.registration.findUniqueOrThrow({ where: { id } });
    await t.db.candidate.update({ where: { id: candidateId }, data: { photoFileId: (await stored("CANDIDATE_PHOTO", photo, "jpg")).id } });
  }
  const sig = await stored(
    "SIGNATURE",
    await png(
      `<svg xmlns="http://www.w3.org/2000/svg" width="95" height="95"><path d="M10 60 C 30 10, 50 90, 85 30" stroke="#111" stroke-width="4" fill="none"/></svg>`,
    ),
    "png",
  );
  await t.db.school.update({ where: { id: a.school.id }, data: { signatureFileId: sig.id, signatureAgreedAt: clock.now() } });
  const regs = await t.db.registration.findMany({ where: { id: { in: [...f.a, f.b] } }, include: { candidate: { include: { user: true } } } });
  f.students = Object.fromEntries(regs.map((r) => [r.id, r.candidate.user!.account]));
  const users = {
    org: await makeUser(t.db, "ORG", { orgId: org.id }),
    other: await makeUser(t.db, "ORG", { orgId: other.id }),
    a: a.principal,
    b: b.principal,
  };
  for (const [k, u] of Object.entries(users)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
  for (const [k, reg] of [
    ["studentA", f.a[0]],
    ["studentB", f.b],
  ] as const) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, f.students[reg], PASSWORD, { portal: "student" });
  }
  ink = `data:image/png;base64,${(await png(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="160"><path d="M20 100 C 120 10, 220 150, 380 60" stroke="#111" stroke-width="5" fill="none"/></svg>`)).toString("base64")}`;
  // Both sides sign everything: the records wait in 证书待发放.
  await api("org").issuance.generate({});
  const all = await t.db.issuance.findMany({ select: { id: true, schoolId: true } });
  await api("org").issuance.sign({ ids: all.map((r) => r.id), signature: ink, smsCode: await code("org") });
  await api("a").issuance.sign({ ids: all.filter((r) => r.schoolId === a.school.id).map((r) => r.id), signature: ink, smsCode: await code("a") });
  await api("b").issuance.sign({ ids: all.filter((r) => r.schoolId === b.school.id).map((r) => r.id), signature: ink, smsCode: await code("b") });
}, 120_000);

const api = (k: string) => caller(t.db, { clock, session: s[k] });
async function code(k: string) {
  clock.advance(61_000);
  await api(k).auth.sendOwnCode({ purpose: "SIGN_ISSUANCE" });
  return lastSmsCode(t.db, (await t.db.user.findUniqueOrThrow({ where: { id: s[k].id } })).phone!);
}
const record = (registrationId: string) => t.db.issuance.findUniqueOrThrow({ where: { registrationId } });
const idOf = async (registrationId: string) => (await record(registrationId)).id;
const work = () => runQueuedJobs(t.db, { clock }, ["issue"]);
const who = (k: string) => requesterOf(s[k]);

function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cert-"));
  fs.writeFileSync(path.join(dir, "c.pdf"), bytes);
  return execFileSync("pdftotext", ["-layout", path.join(dir, "c.pdf"), "-"], { encoding: "utf8" });
}

describe("发放证书", () => {
  it("without the org's seal an electronic certificate lands in 盖章失败 with the cause; 重新发放 keeps its number", async () => {
    const r1 = await idOf(f.a[0]);
    await expect(api("a").issuance.issue({ ids: [r1], mode: "ELECTRONIC" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api("other").issuance.issue({ ids: [r1], mode: "ELECTRONIC" })).rejects.toThrow("证书发放记录不存在或无权操作");
    clock.advance(1000);
    const run = await api("org").issuance.issue({ ids: [r1], mode: "ELECTRONIC" });
    const numbered = await record(f.a[0]);
    expect(numbered).toMatchObject({ status: "GENERATING", mode: "ELECTRONIC", batchId: run.batchId });
    expect(isCertificateNumber(numbered.certificateNumber!)).toBe(true);
    expect(numbered.certificateNumber!.slice(0, 13)).toBe(`98726${f.levelCode}`);
    // Issuing it again while it is generating is refused.
    await expect(api("org").issuance.issue({ ids: [r1], mode: "PAPER" })).rejects.toThrow("证书生成中的记录不能发放");
    clock.advance(1000);
    expect(await work()).toBe(1);
    expect(await record(f.a[0])).toMatchObject({ status: "SEAL_FAILED", failureCause: expect.stringContaining("电子公章未上传") });
    expect((await api("org").issuance.runs())[0]).toMatchObject({ status: "DONE", total: 1, processed: 1, issued: 0, failed: 1 });
    expect(await t.db.ledgerEntry.count({ where: { subjectId: r1 } })).toBe(0);
    await expect(api("a").issuance.reissue({ ids: [r1] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    clock.advance(1000);
    expect(await api("org").issuance.reissue({ ids: [r1] })).toEqual({ reissued: 1 });
    expect(await record(f.a[0])).toMatchObject({ status: "AWAITING_ISSUE", certificateNumber: numbered.certificateNumber });
  });

  it("电子公章: a transparent square PNG only, the org's own, downloadable by nobody else", async () => {
    const opaque = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#ffffff" } })
      .png()
      .toBuffer();
    const upload = (bytes: Buffer, name = "seal.png") => storeUpload({ db: t.db, clock }, who("org")!, "ORG_SEAL", { name, size: bytes.length, bytes });
    await expect(upload(opaque)).rejects.toThrow("电子公章须为无底色（透明背景）的 PNG");
    const wide = await png(`<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><circle cx="150" cy="150" r="100" fill="red"/></svg>`);
    await expect(upload(wide)).rejects.toThrow("正方形");
    const good = await png(
      `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><circle cx="200" cy="200" r="180" stroke="#d00" stroke-width="14" fill="none"/></svg>`,
    );
    const file = await upload(good);
    await expect(api("other").issuance.setSeal({ fileId: file.id })).rejects.toThrow("电子公章文件不存在，请重新上传");
    await expect(api("a").issuance.setSeal({ fileId: file.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await api("org").issuance.setSeal({ fileId: file.id });
    expect((await api("org").issuance.seal()).fileId).toBe(file.id);
    const stored = await t.db.storedFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(await canDownload(t.db, who("org"), stored, clock.now())).toBe(true);
    for (const k of ["other", "a", "studentA"]) expect(await canDownload(t.db, who(k), stored, clock.now())).toBe(false);
  });

  it("issues electronic and paper PDFs with the wording, the masked ID and the number, each a ledger leaf that proves inclusion", async () => {
    const [r1, r2, r3] = await Promise.all(f.a.map(idOf));
    clock.advance(60_000);
    await api("org").issuance.issue({ ids: [r1, r2], mode: "ELECTRONIC" });
    await api("org").issuance.issue({ ids: [r3], mode: "PAPER" });
    expect((await api("org").lists.issuances({ filter: {}, page: 1, pageSize: 10 })).counts).toMatchObject({ GENERATING: 3 });
    clock.advance(1000);
    expect(await work()).toBe(2);
    const issued = await t.db.issuance.findMany({ where: { id: { in: [r1, r2, r3] } }, include: { certificateFile: true, registration: true } });
    expect(issued.map((r) => r.status)).toEqual(["ISSUED", "ISSUED", "ISSUED"]);
    expect(new Set(issued.map((r) => r.certificateNumber)).size).toBe(3);
    const one = issued.find((r) => r.id === r1)!;
    expect(one.issuedAt).toEqual(clock.now());
    const bytes = await getStorage().readBuffer(one.certificateFile!.key);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(bytes).replace(/\s+/g, "");
    expect(text).toContain("职业技能等级证书");
    expect(text).toContain("CertificateofVocationalSkillLevel");
    expect(text).toContain(one.certificateNumber!);
    expect(text).toContain(one.registration.name);
    expect(text).toContain("2026年5月参加");
    expect(text).toContain("学习成果已经职业教育国家学分银行认定");
    expect(text).toContain("Thelearningoutcomesarerecognized");
    expect(text).not.toContain(one.registration.idNumber);
    // The ledger leaf: the masked name and the salted commitment, never the ID number; its proof checks.
    const entry = (await t.db.ledgerEntry.findFirstOrThrow({ where: { subjectId: r1, kind: "CERTIFICATE_ISSUED" } })).index;
    const e = await ledgerEntry(t.db, { index: Number(entry) });
    const leaf = JSON.parse(e!.leaf);
    expect(leaf).toMatchObject({ type: "certificate-issued", certificateNumber: one.certificateNumber, mode: "ELECTRONIC", org: { code: "987" } });
    expect(leaf.holder.idCommitment).toBe(idCommitment(one.idSalt!, one.registration.idNumber));
    expect(e!.leaf).not.toContain(one.registration.idNumber);
    const head = await latestHead(t.db);
    expect(checkEntry(e!, await inclusionProof(t.db, Number(entry), head!.treeSize), head!).ok).toBe(true);
    const paper = issued.find((r) => r.id === r3)!;
    expect(paper.mode).toBe("PAPER");
    expect(pdfText(await getStorage().readBuffer(paper.certificateFile!.key))).toContain("盖章处");
    // School b has no e-signature: its record fails with that cause.
    await api("org").issuance.issue({ ids: [await idOf(f.b)], mode: "PAPER" });
    await work();
    expect(await record(f.b)).toMatchObject({ status: "SEAL_FAILED", failureCause: expect.stringContaining("电子签章未上传") });
  });

  it("downloads: the org, the school and the holder; never another org, school or student", async () => {
    const one = await record(f.a[0]);
    const file = await t.db.storedFile.findUniqueOrThrow({ where: { id: one.certificateFileId! } });
    for (const k of ["org", "a", "studentA"]) expect(await canDownload(t.db, who(k), file, clock.now())).toBe(true);
    for (const k of ["other", "b", "studentB"]) expect(await canDownload(t.db, who(k), file, clock.now())).toBe(false);
    const mine = await api("studentA").student.certificates();
    expect(mine.map((c) => [c.certificateNumber, c.revoked, c.fileId])).toEqual([[one.certificateNumber, false, one.certificateFileId]]);
    expect(mine[0].verifyPath).toMatch(new RegExp(`^/verify/${one.certificateNumber}\\?s=[0-9a-f]{16}$`));
    expect(await api("studentB").student.certificates()).toEqual([]);
    // The QR link reads the certificate, masked; an altered signature or number reads nothing.
    const sig = mine[0].verifyPath.split("s=")[1];
    const seen = await checkCertificate(t.db, one.certificateNumber!, sig);
    expect(seen).toMatchObject({ certificateNumber: one.certificateNumber, revoked: null, org: expect.any(String) });
    expect(seen!.name).toMatch(/^学\*+$/);
    expect(JSON.stringify(seen)).not.toContain((await t.db.registration.findUniqueOrThrow({ where: { id: f.a[0] } })).idNumber);
    expect(await checkCertificate(t.db, one.certificateNumber!, "0".repeat(16))).toBeNull();
    expect(await checkCertificate(t.db, one.certificateNumber!, undefined)).toBeNull();
    const flipped = one.certificateNumber!.slice(0, 21) + String((Number(one.certificateNumber![21]) + 1) % 10) + one.certificateNumber![22];
    expect(await checkCertificate(t.db, flipped, sig)).toBeNull();
  });

  it("可验证凭证: an Open Badges 3.0 credential signed as a VC-JWT that did-jwt-vc verifies against the platform's DID document", async () => {
    const one = await record(f.a[0]);
    const doc = await didDocument(t.db);
    const resolver = new Resolver({
      web: async (did) =>
        did === doc.id
          ? { didDocument: doc as never, didDocumentMetadata: {}, didResolutionMetadata: { contentType: "application/did+json" } }
          : { didDocument: null, didDocumentMetadata: {}, didResolutionMetadata: { error: "notFound" } },
    });
    const now = Math.floor(clock.now().getTime() / 1000);
    const { jwt, certificateNumber } = await certificateCredentialJwt(t.db, who("studentA")!.scope, one.id);
    expect(certificateNumber).toBe(one.certificateNumber);
    const verified = await verifyCredential(jwt, resolver, { policies: { now } });
    const vc = verified.verifiableCredential;
    expect(vc.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(vc["@context"]).toContain("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    expect(vc.issuer.id).toBe(doc.id);
    expect(vc.id).toContain(`/verify/${one.certificateNumber}?s=`);
    const subject = vc.credentialSubject as {
      achievement: { achievementType: string; humanCode: string; description: string };
      identifier: { identityType: string; identityHash: string; salt?: string }[];
    };
    expect(subject.achievement).toMatchObject({ achievementType: "Certificate", humanCode: f.levelCode });
    expect(subject.achievement.description).toContain("学习成果已经职业教育国家学分银行认定");
    const reg = await t.db.registration.findUniqueOrThrow({ where: { id: f.a[0] } });
    const id = subject.identifier.find((x) => x.identityType === "identifier")!;
    expect(id.identityHash).toBe(identityHash(reg.idNumber.toUpperCase(), id.salt!));
    expect(jwt).not.toContain(reg.idNumber);
    expect(JSON.stringify(vc)).not.toContain(reg.idNumber);
    // The org and the school get the same credential; nobody else does, and a revoked or unissued one is not served.
    for (const k of ["org", "a"]) expect((await certificateCredentialJwt(t.db, who(k)!.scope, one.id)).jwt).toBe(jwt);
    for (const k of ["other", "b", "studentB"]) await expect(certificateCredentialJwt(t.db, who(k)!.scope, one.id)).rejects.toThrow("证书不存在或无权下载");
    await expect(certificateCredentialJwt(t.db, who("org")!.scope, await idOf(f.b))).rejects.toThrow("证书不存在或无权下载");
    // Any altered byte of the payload, or another key, fails verification.
    const [h, p, sig] = jwt.split(".");
    const forged = JSON.parse(Buffer.from(p, "base64url").toString());
    forged.vc.credentialSubject.achievement.name = "高级";
    await expect(
      verifyCredential(`${h}.${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${sig}`, resolver, { policies: { now } }),
    ).rejects.toThrow();
    const stranger = {
      ...doc,
      verificationMethod: [{ ...doc.verificationMethod[0], publicKeyJwk: { kty: "OKP", crv: "Ed25519", x: Buffer.alloc(32, 7).toString("base64url") } }],
    };
    const wrongKey = new Resolver({ web: async () => ({ didDocument: stranger as never, didDocumentMetadata: {}, didResolutionMetadata: {} }) });
    await expect(verifyCredential(jwt, wrongKey, { policies: { now } })).rejects.toThrow();
  });

  it("查看: 学生信息, 证书信息, 考核信息 and 签发记录 with the signatures, for those who see the record", async () => {
    const id = await idOf(f.a[0]);
    const d = await api("a").issuance.detail({ id });
    expect(d.student.idNumberMasked).toMatch(/\*{4}/);
    expect(d.certificate).toMatchObject({ mode: "电子证书", certificateNumber: (await record(f.a[0])).certificateNumber });
    expect(d.assessment.outcome).toBe("已通过");
    expect(d.events.map((e) => e.action)).toEqual([
      "获取待发证记录",
      "培训评价组织签发",
      "考核站点签发",
      "发放证书",
      "盖章失败",
      "重新发放",
      "发放证书",
      "证书生成完成",
    ]);
    expect(d.events.filter((e) => e.signatureFileId)).toHaveLength(2);
    expect(d.ledger?.kind).toBe("CERTIFICATE_ISSUED");
    await expect(api("b").issuance.detail({ id })).rejects.toThrow("证书发放记录不存在或无权查看");
    await expect(api("other").issuance.detail({ id })).rejects.toThrow("证书发放记录不存在或无权查看");
  });

  it("撤销: a reason, once, final and on the ledger; a revoked certificate is never re-issued", async () => {
    const id = await idOf(f.a[1]);
    await expect(api("org").issuance.revoke({ id, reason: " " })).rejects.toThrow("请填写撤销理由");
    await expect(api("other").issuance.revoke({ id, reason: "违纪" })).rejects.toThrow("证书发放记录不存在或无权操作");
    await expect(api("a").issuance.revoke({ id, reason: "违纪" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api("org").issuance.revoke({ id: await idOf(f.b), reason: "违纪" })).rejects.toThrow("只有完成发放的证书可以撤销");
    const before = (await latestHead(t.db))!.treeSize;
    await api("org").issuance.revoke({ id, reason: "考核期间违纪" });
    expect(await record(f.a[1])).toMatchObject({ status: "ISSUED", revocationReason: "考核期间违纪", revokedAt: clock.now() });
    const leaf = await t.db.ledgerEntry.findFirstOrThrow({ where: { subjectId: id, kind: "CERTIFICATE_REVOKED" } });
    expect(Number(leaf.index)).toBe(before);
    expect(JSON.parse(leaf.leaf)).toMatchObject({ type: "certificate-revoked", reason: "考核期间违纪" });
    await expect(api("org").issuance.revoke({ id, reason: "again" })).rejects.toThrow("该证书已撤销");
    await expect(api("org").issuance.reissue({ ids: [id] })).rejects.toThrow("已撤销的证书不能重新发放");
    await expect(t.db.issuance.update({ where: { id }, data: { revokedAt: null } })).rejects.toThrow();
    const rows = (await api("org").lists.issuances({ filter: {}, tab: "ISSUED", page: 1, pageSize: 10 })).rows;
    expect(rows.find((r) => r.id === id)?.statusLabel).toBe("完成发放（已撤销）");
    const n = (await record(f.a[1])).certificateNumber!;
    const seen = await checkCertificate(t.db, n, certificateSignature(n));
    expect(seen?.revoked).toMatchObject({ reason: "考核期间违纪" });
    // The verification page checks both leaves in the browser: the issue and the revocation.
    expect(seen?.revocationIndex).toBe(Number(leaf.index));
    const issuedLeaf = await t.db.ledgerEntry.findFirstOrThrow({ where: { subjectId: id, kind: "CERTIFICATE_ISSUED" } });
    expect(seen?.ledger).toMatchObject({ index: Number(issuedLeaf.index), height: Number(issuedLeaf.index) + 1 });
  });

  it("批量下载: a zip of the ticked certificates the caller may download, revoked ones left out", async () => {
    const ids = await Promise.all([...f.a, f.b].map(idOf));
    await expect(api("studentA").issuance.zip({ ids })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api("other").issuance.zip({ ids })).rejects.toThrow("所选记录中没有可下载的证书");
    await expect(api("b").issuance.zip({ ids })).rejects.toThrow("所选记录中没有可下载的证书");
    await expect(api("org").issuance.zip({ ids: [] })).rejects.toThrow("请选择要下载的证书");
    // Refused requests write nothing and queue nothing.
    expect(await t.db.exportRecord.count({ where: { list: "certificates.zip" } })).toBe(0);
    const zips = async (k: string) => {
      const { exportId, total } = await api(k).issuance.zip({ ids });
      expect(await runQueuedJobs(t.db, { clock }, ["certificates"])).toBe(1);
      const st = await api(k).exports.status({ id: exportId });
      expect(st).toMatchObject({ status: "DONE", total });
      const file = await t.db.storedFile.findUniqueOrThrow({ where: { id: st!.fileId! } });
      for (const other of ["org", "a", "other"].filter((x) => x !== k)) expect(await canDownload(t.db, who(other), file, clock.now())).toBe(false);
      const zip = await JSZip.loadAsync(await getStorage().readBuffer(file.key));
      return { total, file, zip };
    };
    for (const k of ["org", "a"]) {
      const { total, file, zip } = await zips(k);
      // a[0] and a[2] are issued; a[1] is revoked and b failed: two certificates.
      expect(total).toBe(2);
      expect(file.filename).toMatch(/^证书_\d{12}\.zip$/);
      const names = Object.keys(zip.files).sort();
      const numbers = (await t.db.issuance.findMany({ where: { id: { in: [ids[0], ids[2]] } }, orderBy: { certificateNumber: "asc" } })).map(
        (r) => r.certificateNumber!,
      );
      expect(names.map((n) => n.slice(0, 23))).toEqual(numbers);
      for (const n of names) expect((await zip.file(n)!.async("nodebuffer")).subarray(0, 5).toString()).toBe("%PDF-");
    }
    expect(await t.db.auditLog.count({ where: { action: "issuance.zip.generate" } })).toBe(2);
  });

  it("a run whose worker died is ended by clean-up: its records go to 盖章失败, to be issued again", async () => {
    const id = await idOf(f.a[2]);
    clock.advance(1000);
    await api("org").issuance.reissue({ ids: [id] });
    await api("org").issuance.issue({ ids: [id], mode: "ELECTRONIC" });
    clock.advance(16 * 60_000);
    expect((await cleanUp({ db: t.db, clock })).staleRuns).toBe(1);
    expect(await record(f.a[2])).toMatchObject({ status: "SEAL_FAILED", failureCause: "证书生成中断（服务重启），请重新发放" });
    expect((await api("org").issuance.runs())[0]).toMatchObject({ status: "FAILED", processed: 1, failed: 1 });
    // The queued job finds its run ended and does nothing.
    await work();
    expect((await record(f.a[2])).status).toBe("SEAL_FAILED");
  });
});
