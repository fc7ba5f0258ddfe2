// Who reads which 缴费申请单: the school its own (a scoped sub-account those of its certificate levels), the org
// those made out to it; and whose 收费标准 an org edits.
import type { Prisma } from "@/generated/prisma/client";
import { forbidden } from "@/server/errors";
import type { Scope } from "@/server/tenancy";

export function paymentOrdersWhere(scope: Scope): Prisma.PaymentOrderWhereInput {
  switch (scope.kind) {
    case "school":
      return { schoolId: scope.schoolId, ...(scope.certificateLevelIds ? { certificateLevelId: { in: scope.certificateLevelIds } } : {}) };
    case "org":
      return { orgId: scope.orgId };
    default:
      throw forbidden();
  }
}
