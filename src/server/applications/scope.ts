// Which applications a user may read: a school its own (a scoped sub-account its levels), a department the
// submitted ones of schools in its region, the admin all submitted ones. Drafts stay with the school.
import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/server/session-user";
import { departmentScope, schoolScope } from "@/server/tenancy";
import { forbidden } from "@/server/errors";

export function applicationsWhere(u: SessionUser): Prisma.PilotApplicationWhereInput {
  if (u.role === "SCHOOL_PRINCIPAL" || u.role === "SCHOOL_ADMIN") {
    const { schoolId, certificateLevelIds } = schoolScope(u);
    return { schoolId, ...(certificateLevelIds ? { certificateLevelId: { in: certificateLevelIds } } : {}) };
  }
  if (u.role === "EDU") return { school: { regionCode: { startsWith: departmentScope(u).regionPrefix } }, status: { not: "DRAFT" } };
  if (u.role === "ADMIN") return { status: { not: "DRAFT" } };
  throw forbidden();
}
