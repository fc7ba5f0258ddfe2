// Demo section for 证书发放 (issue 17): the ended plans' passes become records, then move as the platform moves them:
// the org signs most (one signing act with a drawn signature), refuses one with a reason; the school signs all but
// two of what the org signed and refuses one. So every signing tab has rows; the demo student's records are signed by both (certificates.ts issues them).
import sharp from "sharp";
import type { Tx } from "@/server/db";
import type { IssuanceStatus } from "@/domain/issuance/state";

const hour = 3_600_000;
const DEMO_STUDENT = "110108200503011237";

async function drawnSignature(tx: Tx, ownerUserId: string, at: Date) {
  const { getStorage, newKey } = await import("@/server/storage");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"><path d="M40 140 C 120 20, 180 190, 260 90 S 420 40, 560 120" stroke="#111827" stroke-width="5" fill="none" stroke-linecap="round"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const key = newKey("issuance-signature", "png", at);
  const size = await getStorage().put(key, png);
  return tx.storedFile.create({
    data: { key, purpose: "ISSUANCE_SIGNATURE", filename: "签发签名.png", contentType: "image/png", size, ownerUserId, createdAt: at },
    select: { id: true },
  });
}

/** One signing act over the records, as 签发 does it: the drawing, the act, each record moved with its event. */
async function signAs(tx: Tx, side: "ORG" | "SITE", signer: { id: string; name: string }, rows: { id: string }[], at: Date) {
  const image = await drawnSignature(tx, signer.id, at);
  const sig = await tx.issuanceSignature.create({
    data: { side, signerId: signer.id, signerName: signer.name, imageFileId: image.id, records: rows.length, signedAt: at },
  });
  const [from, to] = side === "ORG" ? (["ORG_PENDING", "SITE_PENDING"] as const) : (["SITE_PENDING", "AWAITING_ISSUE"] as const);
  for (const r of rows) {
    await tx.issuance.update({
      where: { id: r.id },
      data: { status: to, ...(side === "ORG" ? { orgSignatureId: sig.id } : { siteSignatureId: sig.id }), updatedAt: at },
    });
    await tx.issuanceEvent.create({
      data: {
        issuanceId: r.id,
        action: side === "ORG" ? "orgSign" : "siteSign",
        from,
        to,
        at,
        actorId: signer.id,
        actorName: signer.name,
        signatureId: sig.id,
      },
    });
  }
}

export async function seedIssuance(tx: Tx, now: Date): Promise<void> {
  if (await tx.issuance.count()) return;
  const plans = await tx.examPlan.findMany({
    where: { publicityEndsAt: { lte: now }, results: { some: { outcome: "PASSED" } } },
    select: { id: true, orgId: true, publicityEndsAt: true, org: { select: { users: { take: 1, select: { id: true, name: true, account: true } } } } },
  });
  for (const plan of plans) {
    const orgUser = plan.org.users[0];
    if (!orgUser) continue;
    const passes = await tx.certificationResult.findMany({
      where: { planId: plan.id, outcome: "PASSED", registration: { candidate: { status: "VERIFIED" } } },
      orderBy: { registrationId: "asc" },
      select: { registrationId: true, schoolId: true, certificateLevelId: true, year: true },
    });
    const at = (h: number) => new Date(plan.publicityEndsAt.getTime() + h * hour);
    // The demo student's pass comes second: past the refused first record, among those both sides sign.
    const demo = new Set((await tx.registration.findMany({ where: { planId: plan.id, idNumber: DEMO_STUDENT }, select: { id: true } })).map((r) => r.id));
    const others = passes.filter((p) => !demo.has(p.registrationId));
    const ordered = [...others.slice(0, 1), ...passes.filter((p) => demo.has(p.registrationId)), ...others.slice(1)];
    const records = [];
    for (const p of ordered) {
      const r = await tx.issuance.create({ data: { ...p, planId: plan.id, orgId: plan.orgId, createdAt: at(2), updatedAt: at(2) } });
      records.push(r);
    }
    const event = (issuanceId: string, action: string, from: IssuanceStatus | null, to: IssuanceStatus, t: Date, extra: object = {}) =>
      tx.issuanceEvent.create({ data: { issuanceId, action, from, to, at: t, ...extra } });
    for (const r of records) await event(r.id, "generate", null, "ORG_PENDING", at(2), { actorId: orgUser.id, actorName: orgUser.name });
    // The org: the first record refused, the last left pending, the rest signed in one act.
    const orgName = orgUser.name ?? orgUser.account;
    const [refused, ...rest] = records;
    const toSign = rest.slice(0, Math.max(0, rest.length - 1));
    if (refused) {
      await tx.issuance.update({
        where: { id: refused.id },
        data: { status: "ORG_REFUSED", refusalReason: "考生姓名与证件信息不一致，待院校核实", updatedAt: at(20) },
      });
      await event(refused.id, "orgRefuse", "ORG_PENDING", "ORG_REFUSED", at(20), {
        actorId: orgUser.id,
        actorName: orgName,
        reason: "考生姓名与证件信息不一致，待院校核实",
      });
    }
    if (toSign.length === 0) continue;
    await signAs(tx, "ORG", { id: orgUser.id, name: orgName }, toSign, at(22));
    // Each school: its principal signs all but two of its org-signed records, refuses one and leaves one.
    const bySchool = new Map<string, typeof toSign>();
    for (const r of toSign) bySchool.set(r.schoolId, [...(bySchool.get(r.schoolId) ?? []), r]);
    for (const [schoolId, rows] of bySchool) {
      const principal = await tx.user.findFirst({ where: { schoolId, role: "SCHOOL_PRINCIPAL" }, select: { id: true, name: true, account: true } });
      if (!principal) continue;
      const name = principal.name ?? principal.account;
      const signed = rows.slice(0, Math.max(1, rows.length - 2));
      await signAs(tx, "SITE", { id: principal.id, name }, signed, at(46));
      const refuse = rows[signed.length];
      if (refuse) {
        await tx.issuance.update({
          where: { id: refuse.id },
          data: { status: "SITE_REFUSED", refusalReason: "学生已申请更正证件号码，暂缓签发", updatedAt: at(47) },
        });
        await event(refuse.id, "siteRefuse", "SITE_PENDING", "SITE_REFUSED", at(47), {
          actorId: principal.id,
          actorName: name,
          reason: "学生已申请更正证件号码，暂缓签发",
        });
      }
    }
  }
}
