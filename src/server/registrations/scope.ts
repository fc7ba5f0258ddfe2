// Who reads which 报考: the school its own (a scoped sub-account those of its certificate levels), an org those of
// its plans. The host school of a borrowed site sees the borrower's candidates through scheduling, not here.
import type { Prisma } from "@/generated/prisma/client";
import { forbidden } from "@/server/errors";
import type { Scope } from "@/server/tenancy";

export function registrationsWhere(scope: Scope): Prisma.RegistrationWhereInput {
  switch (scope.kind) {
    case "school":
      return { schoolId: scope.schoolId, ...(scope.certificateLevelIds ? { certificateLevelId: { in: scope.certificateLevelIds } } : {}) };
    case "org":
      return { plan: { orgId: scope.orgId } };
    default:
      throw forbidden();
  }
}
