// Which certificates a school pilots: those with an approved pilot application (any year), narrowed to a
// sub-account's certificate scope when it has one.
import type { Db } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/server/session-user";
import { schoolScope } from "@/server/tenancy";

export function pilotLevelsWhere(u: SessionUser): Prisma.CertificateLevelWhereInput {
  const s = schoolScope(u);
  return {
    pilotApplications: { some: { schoolId: s.schoolId, status: "APPROVED" } },
    ...(s.certificateLevelIds ? { id: { in: s.certificateLevelIds } } : {}),
  };
}

/** Certificates the signed-in school user may see as "its" certificates. */
export function pilotCertificatesWhere(u: SessionUser): Prisma.CertificateWhereInput {
  return { levels: { some: pilotLevelsWhere(u) } };
}

export async function pilotOrgIds(db: Db, u: SessionUser): Promise<string[]> {
  const rows = await db.certificate.findMany({ where: pilotCertificatesWhere(u), select: { orgId: true }, distinct: ["orgId"] });
  return rows.map((r) => r.orgId);
}
