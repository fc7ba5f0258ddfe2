// Who sees which 证书发放 records: the org those of its plans; a school its own candidates' (a 证书负责人 sub-account
// those of its certificates); a student their own once issued (我的证书).
import type { Prisma } from "@/generated/prisma/client";
import { forbidden } from "@/server/errors";
import type { Scope } from "@/server/tenancy";

export function issuanceWhere(scope: Scope): Prisma.IssuanceWhereInput {
  switch (scope.kind) {
    case "org":
      return { orgId: scope.orgId };
    case "school":
      return scope.certificateLevelIds ? { schoolId: scope.schoolId, certificateLevelId: { in: scope.certificateLevelIds } } : { schoolId: scope.schoolId };
    case "student":
      return { registration: { candidate: { userId: scope.userId } }, status: "ISSUED" };
    default:
      throw forbidden();
  }
}
