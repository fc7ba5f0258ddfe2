// Weekly reports are the principal's (sub-accounts have no part in them, 001 §1.8); departments read the
// submitted ones of schools in their region, the admin all submitted ones.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import type { SessionUser } from "@/server/session-user";
import { departmentScope, schoolScope } from "@/server/tenancy";
import { forbidden } from "@/server/errors";
import type { Cadence } from "@/domain/reports/period";

export function reportsWhere(u: SessionUser): Prisma.WeeklyReportWhereInput {
  if (u.role === "SCHOOL_PRINCIPAL") return { schoolId: schoolScope(u).schoolId };
  if (u.role === "EDU") return { school: { regionCode: { startsWith: departmentScope(u).regionPrefix } }, status: { not: "DRAFT" } };
  if (u.role === "ADMIN") return { status: { not: "DRAFT" } };
  throw forbidden("周报仅由试点院校负责人填报");
}

/** The cadence the school's province set (周报 by default). */
export async function cadenceForRegion(db: Db, regionCode: string): Promise<Cadence> {
  const province = await db.educationDepartment.findFirst({ where: { level: "PROVINCE", regionCode: `${regionCode.slice(0, 2)}0000` }, select: { reportCadence: true } });
  return province?.reportCadence ?? "WEEKLY";
}
