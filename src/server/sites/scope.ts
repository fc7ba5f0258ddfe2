// Who reads which sites: a school its own applications (a scoped sub-account those touching its levels), an org
// the ones addressed to it once submitted (drafts stay with the school).
import type { Prisma } from "@/generated/prisma/client";
import { forbidden } from "@/server/errors";
import type { Scope } from "@/server/tenancy";

export function sitesWhere(scope: Scope): Prisma.AssessmentSiteWhereInput {
  switch (scope.kind) {
    case "school":
      return {
        schoolId: scope.schoolId,
        ...(scope.certificateLevelIds ? { levels: { some: { certificateLevelId: { in: scope.certificateLevelIds } } } } : {}),
      };
    case "org":
      // A site the school took back (撤销) before review has a submission on record but is a draft again.
      return { orgId: scope.orgId, reviewStatus: { not: "DRAFT" } };
    default:
      throw forbidden();
  }
}

/** Allocations a school sees (lent to it, or of its own sites) and an org makes (of its sites). */
export function allocationsWhere(scope: Scope): Prisma.SiteAllocationWhereInput {
  switch (scope.kind) {
    case "school":
      // The borrowing school, and the host school of the site (whose rooms the borrowed students will sit in).
      return { OR: [{ schoolId: scope.schoolId }, { site: { schoolId: scope.schoolId } }] };
    case "org":
      return { site: { orgId: scope.orgId } };
    default:
      throw forbidden();
  }
}
