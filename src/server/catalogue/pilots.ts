// Which certificates a school pilots: those with an approved pilot application (any year), narrowed to a
// sub-account's certificate scope when it has one.
import type { Db } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";
import type { SchoolScope } from "@/server/tenancy";

export function pilotLevelsWhere(s: SchoolScope): Prisma.CertificateLevelWhereInput {
  return {
    pilotApplications: { some: { schoolId: s.schoolId, status: "APPROVED" } },
    ...(s.certificateLevelIds ? { id: { in: s.certificateLevelIds } } : {}),
  };
}

/** Certificates the signed-in school user may see as "its" certificates. */
export function pilotCertificatesWhere(s: SchoolScope): Prisma.CertificateWhereInput {
  return { levels: { some: pilotLevelsWhere(s) } };
}

/** Certificates the school has applied for in any year, submitted (审核中, 通过 or 退回) or approved. */
export function appliedCertificatesWhere(s: SchoolScope): Prisma.CertificateWhereInput {
  return {
    levels: {
      some: {
        pilotApplications: { some: { schoolId: s.schoolId, status: { not: "DRAFT" } } },
        ...(s.certificateLevelIds ? { id: { in: s.certificateLevelIds } } : {}),
      },
    },
  };
}

export async function pilotOrgIds(db: Db, s: SchoolScope): Promise<string[]> {
  const rows = await db.certificate.findMany({ where: pilotCertificatesWhere(s), select: { orgId: true }, distinct: ["orgId"] });
  return rows.map((r) => r.orgId);
}
