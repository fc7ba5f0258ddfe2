// Who reads which rooms: the school that set them, and the host school of the site (a borrowing school's rooms
// at its site, read-only); an org the rooms at its sites (for scheduling).
import type { Prisma } from "@/generated/prisma/client";
import { forbidden } from "@/server/errors";
import type { Scope } from "@/server/tenancy";

export function roomsWhere(scope: Scope): Prisma.ExamRoomWhereInput {
  switch (scope.kind) {
    case "school":
      return {
        OR: [{ schoolId: scope.schoolId }, { site: { schoolId: scope.schoolId } }],
        ...(scope.certificateLevelIds ? { certificateLevelId: { in: scope.certificateLevelIds } } : {}),
      };
    case "org":
      return { site: { orgId: scope.orgId } };
    default:
      throw forbidden();
  }
}
