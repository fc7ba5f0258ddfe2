// 证书核验 from the QR code: a signed link (verify-link.ts) reads one certificate, valid or revoked, with a masked name
// and ID and its 上链信息; an unsigned or altered link reads nothing, whether or not the number exists.
import type { Db } from "@/server/db";
import { safeEqualHex } from "@/server/crypto";
import { maskIdNumber } from "@/domain/auth/mask";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { beijingDate, beijingDateZh, isCertificateNumber, maskName, MODE_LABELS } from "@/domain/issuance/certificate";
import { latestEntries } from "@/server/ledger/proofs";
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
          certificateLevel: { select: { level: true, certificate: { select: { name: true } } } },
        },
      },
    },
  });
  if (!r) return null;
  const ledger = (await latestEntries(db, [r.id])).get(r.id) ?? null;
  const reg = r.registration;
  return {
    certificateNumber,
    name: maskName(reg.name),
    idNumber: maskIdNumber(reg.idNumber),
    certificate: `${reg.certificateLevel.certificate.name}（${LEVEL_LABELS[reg.certificateLevel.level]}）`,
    org: reg.plan.org.name,
    school: reg.school.name,
    mode: r.mode ? MODE_LABELS[r.mode] : "",
    issuedOn: beijingDateZh(r.issuedAt!),
    issuedOnIso: beijingDate(r.issuedAt!),
    revoked: r.revokedAt ? { on: beijingDateZh(r.revokedAt), reason: r.revocationReason ?? "" } : null,
    ledger: ledger && { height: ledger.blockHeight, leafHash: ledger.leafHash, rootHash: ledger.rootHash },
  };
}
