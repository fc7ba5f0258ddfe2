// 证书查询 (public): a certificate's number + its holder's name, or a name + ID number → each certificate with its
// level, org, issue date and state (有效 / 已撤销), the ID masked, and the signed link of its verification page (the
// ledger check). Found or not, the answer has one shape and costs the same query; a number alone never answers.
import type { Prisma } from "@/generated/prisma/client";
import { maskIdNumber } from "@/domain/auth/mask";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { beijingDateZh, isCertificateNumber, MODE_LABELS } from "@/domain/issuance/certificate";
import { normalizeIdNumber, normalizeName, type CertificateLookupInput } from "@/domain/lookup/rules";
import { verifyPath } from "@/server/issuance/verify-link";
import { guardLookup, type LookupCtx } from "./guard";

export async function lookupCertificates({ ctx, input }: { ctx: LookupCtx; input: CertificateLookupInput }) {
  const name = normalizeName(input.name);
  let where: Prisma.IssuanceWhereInput;
  if (input.by === "number") {
    await guardLookup(ctx, input, [{ kind: "certificate", value: input.certificateNumber }]);
    // A mistyped number (its check digit) matches nothing: the same empty answer, without a query.
    if (!isCertificateNumber(input.certificateNumber)) return { found: false, certificates: [] };
    where = { certificateNumber: input.certificateNumber, registration: { name } };
  } else {
    const idNumber = normalizeIdNumber(input.idNumber);
    await guardLookup(ctx, input, [{ kind: "id", value: idNumber }]);
    where = { registration: { idNumber, name } };
  }
  const rows = await ctx.readDb.issuance.findMany({
    where: { AND: [where, { status: "ISSUED" }] },
    orderBy: [{ issuedAt: "desc" }, { id: "asc" }],
    take: 50,
    select: {
      certificateNumber: true,
      mode: true,
      issuedAt: true,
      revokedAt: true,
      registration: {
        select: {
          name: true,
          idNumber: true,
          plan: { select: { org: { select: { name: true } } } },
          certificateLevel: { select: { level: true, certificate: { select: { name: true } } } },
        },
      },
    },
  });
  return {
    found: rows.length > 0,
    certificates: rows.map((r) => ({
      certificateNumber: r.certificateNumber!,
      name: r.registration.name,
      idNumber: maskIdNumber(r.registration.idNumber),
      certificate: r.registration.certificateLevel.certificate.name,
      level: LEVEL_LABELS[r.registration.certificateLevel.level],
      org: r.registration.plan.org.name,
      mode: r.mode ? MODE_LABELS[r.mode] : "",
      issuedOn: beijingDateZh(r.issuedAt!),
      state: r.revokedAt ? ("已撤销" as const) : ("有效" as const),
      verifyPath: verifyPath(r.certificateNumber!),
    })),
  };
}
