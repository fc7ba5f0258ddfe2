// Which applications a user may read: a school its own (a scoped sub-account its levels), a department the
// submitted ones of schools in its region, the admin all submitted ones. Drafts stay with the school.
import type { Prisma } from "@/generated/prisma/client";
import { schoolsInRegion, type Scope } from "@/server/tenancy";
import { forbidden } from "@/server/errors";

export function applicationsWhere(scope: Scope): Prisma.PilotApplicationWhereInput {
  switch (scope.kind) {
    case "school":
      return { schoolId: scope.schoolId, ...(scope.certificateLevelIds ? { certificateLevelId: { in: scope.certificateLevelIds } } : {}) };
    case "department":
      return { school: schoolsInRegion(scope), status: { not: "DRAFT" } };
    case "admin":
      return { status: { not: "DRAFT" } };
    default:
      throw forbidden();
  }
}
