// Weekly reports are the principal's (sub-accounts have no part in them, 001 §1.8); departments read the
// submitted ones of schools in their region, the admin all submitted ones.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { schoolsInRegion, type Scope } from "@/server/tenancy";
import { forbidden } from "@/server/errors";
import type { Cadence } from "@/domain/reports/period";
import { provinceCodeOf } from "@/domain/regions";

export const PRINCIPAL_ONLY = "周报仅由试点院校负责人填报";

export function reportsWhere(scope: Scope): Prisma.WeeklyReportWhereInput {
  if (scope.kind === "school" && scope.permissions.includes("school.reports")) return { schoolId: scope.schoolId };
  if (scope.kind === "department") return { school: schoolsInRegion(scope), status: { not: "DRAFT" } };
  if (scope.kind === "admin") return { status: { not: "DRAFT" } };
  throw forbidden(PRINCIPAL_ONLY);
}

/** The cadence the school's province set (周报 by default). */
export async function cadenceForRegion(db: Db, regionCode: string): Promise<Cadence> {
  const province = await db.educationDepartment.findFirst({
    where: { level: "PROVINCE", regionCode: provinceCodeOf(regionCode) },
    select: { reportCadence: true },
  });
  return province?.reportCadence ?? "WEEKLY";
}
