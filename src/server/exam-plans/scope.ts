// Who reads which 考试计划: an org its own, a school those it takes part in (a scoped sub-account those examining
// its certificate levels).
import type { Prisma } from "@/generated/prisma/client";
import { forbidden } from "@/server/errors";
import type { Scope } from "@/server/tenancy";

export function examPlansWhere(scope: Scope): Prisma.ExamPlanWhereInput {
  switch (scope.kind) {
    case "org":
      return { orgId: scope.orgId };
    case "school":
      return {
        schools: { some: { schoolId: scope.schoolId } },
        ...(scope.certificateLevelIds ? { levels: { some: { certificateLevelId: { in: scope.certificateLevelIds } } } } : {}),
      };
    default:
      throw forbidden();
  }
}
