// 证书查询 (public): a certificate's number + its holder's name, or a name + ID number → each certificate with its
// level, org, issue date and state (有效 / 已撤销), the ID masked, and the signed link of its verification page (the
// ledger check). Found or not, the answer has one shape and costs the same query; a number alone never answers.
import { poolSql } from "@/server/db";
import { maskIdNumber } from "@/domain/auth/mask";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { beijingDateZh, isCertificateNumber, MODE_LABELS, type IssueMode, type Level } from "@/domain/issuance/certificate";
import { normalizeIdNumber, normalizeName, type CertificateLookupInput } from "@/domain/lookup/rules";
import { verifyPath } from "@/server/issuance/verify-link";
import { guardLookup, type LookupCtx } from "./guard";

type Row = {
  certificateNumber: string;
  mode: IssueMode | null;
  issuedAt: Date;
  revokedAt: Date | null;
  name: string;
  idNumber: string;
  certificateName: string;
  level: Level;
  org: string;
};

export async function lookupCertificates({ ctx, input }: { ctx: LookupCtx; input: CertificateLookupInput }) {
  const name = normalizeName(input.name);
  let number: string | null = null;
  let idNumber: string | null = null;
  if (input.by === "number") {
    await guardLookup(ctx, input, [{ kind: "certificate", value: input.certificateNumber }]);
    // A mistyped number (its check digit) matches nothing: the same empty answer, without a query.
    if (!isCertificateNumber(input.certificateNumber)) return { found: false, certificates: [] };
    number = input.certificateNumber;
  } else {
    idNumber = normalizeIdNumber(input.idNumber);
    await guardLookup(ctx, input, [{ kind: "id", value: idNumber }]);
  }
  // One prepared statement on the read replica; each branch of the IN is an index probe (the other's NULL finds nothing).
  const rows = await poolSql(ctx.readDb, "lookup_certificates")<Row>`
    SELECT i."certificateNumber", i.mode, i."issuedAt", i."revokedAt", r.name, r."idNumber", c.name AS "certificateName", l.level, o.name AS org
      FROM "Issuance" i
      JOIN "Registration" r ON r.id = i."registrationId"
      JOIN "ExamPlan" p ON p.id = r."planId"
      JOIN "EvaluationOrg" o ON o.id = p."orgId"
      JOIN "CertificateLevel" l ON l.id = r."certificateLevelId"
      JOIN "Certificate" c ON c.id = l."certificateId"
     WHERE i.id IN (SELECT id FROM "Issuance" WHERE "certificateNumber" = ${number}::text
                    UNION ALL
                    SELECT x.id FROM "Registration" y JOIN "Issuance" x ON x."registrationId" = y.id WHERE y."idNumber" = ${idNumber}::text)
       AND r.name = ${name}::text AND i.status = 'ISSUED'
     ORDER BY i."issuedAt" DESC, i.id
     LIMIT 50`;
  return {
    found: rows.length > 0,
    certificates: rows.map((r) => ({
      certificateNumber: r.certificateNumber,
      name: r.name,
      idNumber: maskIdNumber(r.idNumber),
      certificate: r.certificateName,
      level: LEVEL_LABELS[r.level],
      org: r.org,
      mode: r.mode ? MODE_LABELS[r.mode] : "",
      issuedOn: beijingDateZh(r.issuedAt),
      state: r.revokedAt ? ("已撤销" as const) : ("有效" as const),
      verifyPath: verifyPath(r.certificateNumber),
    })),
  };
}
