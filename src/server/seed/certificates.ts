// Demo section for 发放证书 (issue 17): the orgs get an electronic seal and the schools their principal's e-signature,
// then the orgs issue most of what both sides signed the way the platform does it (numbers, a run, the worker's
// rendering, ledger leaves): the demo student's certificates electronically, some on paper, one record tried before
// the seal was uploaded (盖章失败), one certificate revoked, and some left in 证书待发放.
import sharp from "sharp";
import type { Db } from "@/server/db";
import { fixedClock } from "@/server/clock";
import { getStorage, newKey } from "@/server/storage";
import { platformScopeOfOrg, type Actor } from "@/server/tenancy";
import { createSmsGateway } from "@/server/sms/gateway";
import type { UseCaseCtx } from "@/server/use-case";
import { issueCertificates } from "@/server/issuance/issue";
import { revokeCertificate } from "@/server/issuance/revoke";
import { runIssueJob } from "@/server/issuance/issue-job";

const DEMO_STUDENT = "110108200503011237";
const day = 86_400_000;

const SEAL_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600">
  <circle cx="300" cy="300" r="280" fill="none" stroke="#d91e18" stroke-width="22"/>
  <circle cx="300" cy="300" r="236" fill="none" stroke="#d91e18" stroke-width="4"/>
  <polygon fill="#d91e18" points="300,150 335,258 449,258 357,325 392,433 300,366 208,433 243,325 151,258 265,258"/>
  <rect x="170" y="470" width="260" height="14" fill="#d91e18"/>
</svg>`;
const SIGNATURE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="95" height="95">
  <path d="M12 62 C 22 20, 34 84, 48 40 S 70 26, 84 58" stroke="#1f2937" stroke-width="4" fill="none" stroke-linecap="round"/>
  <path d="M20 74 L 78 70" stroke="#1f2937" stroke-width="3" fill="none" stroke-linecap="round"/>
</svg>`;

async function storeImage(db: Db, svg: string, purpose: "ORG_SEAL" | "SIGNATURE", filename: string, ownerUserId: string | null, at: Date) {
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const key = newKey(purpose.toLowerCase().replace(/_/g, "-"), "png", at);
  const size = await getStorage().put(key, png);
  return db.storedFile.create({ data: { key, purpose, filename, contentType: "image/png", size, ownerUserId, createdAt: at }, select: { id: true } });
}

export async function seedCertificates(db: Db, now: Date): Promise<void> {
  if (await db.issueBatch.count()) return;
  const waiting = await db.issuance.findMany({
    where: { status: "AWAITING_ISSUE" },
    orderBy: [{ orgId: "asc" }, { registrationId: "asc" }],
    select: { id: true, orgId: true, schoolId: true, registration: { select: { idNumber: true } } },
  });
  if (waiting.length === 0) return;
  const at = new Date(now.getTime() - 3 * day);
  for (const id of new Set(waiting.map((w) => w.schoolId))) {
    const school = await db.school.findUniqueOrThrow({ where: { id }, select: { signatureFileId: true } });
    if (school.signatureFileId) continue;
    const principal = await db.user.findFirst({ where: { schoolId: id, role: "SCHOOL_PRINCIPAL" }, select: { id: true } });
    const f = await storeImage(db, SIGNATURE_SVG, "SIGNATURE", "负责人签章.png", principal?.id ?? null, at);
    await db.school.update({ where: { id }, data: { signatureFileId: f.id, signatureAgreedAt: at } });
  }
  for (const orgId of new Set(waiting.map((w) => w.orgId))) {
    const user = await db.user.findFirst({ where: { orgId, role: "ORG" }, select: { id: true, account: true, name: true, role: true } });
    if (!user) continue;
    const scope = platformScopeOfOrg(orgId);
    const actor: Actor = { id: user.id, account: user.account, name: user.name, role: user.role, schoolId: null, orgId, departmentId: null };
    const mine = waiting.filter((w) => w.orgId === orgId);
    const demo = mine.filter((w) => w.registration.idNumber === DEMO_STUDENT);
    const others = mine.filter((w) => w.registration.idNumber !== DEMO_STUDENT);
    // The first other record was issued before the seal was uploaded (盖章失败); the last, and every fourth, wait.
    const failing = others.length >= 2 ? others.slice(0, 1) : [];
    const middle = others.slice(failing.length).filter((_, i, all) => all.length < 2 || (i % 4 !== 3 && i !== all.length - 1));
    const paper = middle.slice(0, Math.ceil(middle.length / 3));
    const electronic = [...demo, ...middle.slice(paper.length)];
    // Through the use cases, as the org's account would: the request numbers and queues, the worker renders (run here
    // at once; the queued job later finds its run done). Each step at its own moment.
    const ctxAt = (when: Date): UseCaseCtx => ({ db, clock: fixedClock(when), sms: createSmsGateway(db), scope, actor, meta: { ip: null, userAgent: null } });
    const issue = async (mode: "PAPER" | "ELECTRONIC", rows: { id: string }[], when: Date) => {
      if (rows.length === 0) return;
      const { batchId } = await issueCertificates({ ctx: ctxAt(when), input: { ids: rows.map((r) => r.id), mode } });
      await runIssueJob({ db, clock: fixedClock(new Date(when.getTime() + 60_000)) }, { batchId, scope, actor, ip: null });
    };
    await issue("ELECTRONIC", failing, new Date(at.getTime() - day));
    const seal = await storeImage(db, SEAL_SVG, "ORG_SEAL", "电子公章.png", user.id, at);
    await db.evaluationOrg.update({ where: { id: orgId }, data: { sealFileId: seal.id, sealUpdatedAt: at } });
    await issue("PAPER", paper, at);
    await issue("ELECTRONIC", electronic, new Date(at.getTime() + day));
    // One certificate (not the demo student's) is revoked.
    const revoke = await db.issuance.findFirst({
      where: { orgId, status: "ISSUED", id: { in: middle.map((r) => r.id) } },
      orderBy: [{ mode: "desc" }, { certificateNumber: "desc" }],
      select: { id: true, certificateNumber: true },
    });
    if (revoke)
      await revokeCertificate({
        ctx: ctxAt(new Date(at.getTime() + 2 * day)),
        input: { id: revoke.id, reason: "经复核，该考生考核期间存在违纪行为，证书予以撤销" },
      });
  }
}
