// 证书核验 from the QR code: a signed link (verify-link.ts) reads one certificate, valid or revoked, with a masked name
// and ID and its 上链信息; an unsigned or altered link reads nothing, whether or not the number exists.
import type { Db } from "@/server/db";
import { safeEqualHex } from "@/server/crypto";
import { maskIdNumber } from "@/domain/auth/mask";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { beijingDate, beijingDateZh, isCertificateNumber, LEVEL_ENGLISH, maskName, MODE_LABELS } from "@/domain/issuance/certificate";
import { entriesOf } from "@/server/ledger/proofs";
import { certificateSignature } from "./verify-link";

export async function checkCertificate(db: Db, certificateNumber: string, signature: string | undefined) {
  if (!isCertificateNumber(certificateNumber) || !signature || !/^[0-9a-f]{16}$/.test(signature)) return null;
  if (!safeEqualHex(signature, certificateSignature(certificateNumber))) return null;
  const r = await db.issuance.findFirst({
    where: { certificateNumber, status: "ISSUED" },
    select: {
      id: true,
      mode: true,
      issuedAt: true,
      revokedAt: true,
      revocationReason: true,
      registration: {
        select: {
          name: true,
          idNumber: true,
          school: { select: { name: true } },
          plan: { select: { org: { select: { name: true } } } },
          certificateLevel: { select: { level: true, certificate: { select: { name: true, englishName: true } } } },
        },
      },
    },
  });
  if (!r) return null;
  // The browser checks these leaves' inclusion against the latest signed head (certificate-proof.tsx).
  const entries = await entriesOf(db, r.id);
  const issued = entries.filter((e) => e.kind === "CERTIFICATE_ISSUED").at(-1) ?? null;
  const revokedEntry = entries.find((e) => e.kind === "CERTIFICATE_REVOKED") ?? null;
  const reg = r.registration;
  return {
    certificateNumber,
    name: maskName(reg.name),
    idNumber: maskIdNumber(reg.idNumber),
    certificate: `${reg.certificateLevel.certificate.name}（${LEVEL_LABELS[reg.certificateLevel.level]}）`,
    org: reg.plan.org.name,
    school: reg.school.name,
    certificateEn: `${reg.certificateLevel.certificate.englishName || reg.certificateLevel.certificate.name} (${LEVEL_ENGLISH[reg.certificateLevel.level]} Level)`,
    mode: r.mode ? MODE_LABELS[r.mode] : "",
    modeEn: r.mode === "PAPER" ? "Paper" : r.mode === "ELECTRONIC" ? "Electronic" : "",
    issuedOn: beijingDateZh(r.issuedAt!),
    issuedOnIso: beijingDate(r.issuedAt!),
    revoked: r.revokedAt ? { on: beijingDateZh(r.revokedAt), onIso: beijingDate(r.revokedAt), reason: r.revocationReason ?? "" } : null,
    ledger: issued && { height: issued.blockHeight, index: issued.index, leafHash: issued.leafHash, rootHash: issued.rootHash },
    revocationIndex: revokedEntry?.index ?? null,
  };
}
