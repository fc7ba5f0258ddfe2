// Who reads which scores and results. The org: every sitting of its plans. A school: its own candidates' (a scoped
// sub-account those of its levels), as soon as they are entered. A student: their own, from the start of 成绩公示.
import type { Prisma } from "@/generated/prisma/client";
import { forbidden } from "@/server/errors";
import type { Scope } from "@/server/tenancy";
import { registrationsWhere } from "@/server/registrations/scope";

/** The registrations whose scores and results the caller sees. */
export function resultsWhere(scope: Scope, now: Date): Prisma.RegistrationWhereInput {
  switch (scope.kind) {
    case "org":
    case "school":
      return registrationsWhere(scope);
    case "student":
      return { candidate: { userId: scope.userId }, plan: { publicityStartsAt: { lte: now } } };
    default:
      throw forbidden();
  }
}

/** 科目成绩 rows: the sittings that were scheduled (only those can be scored). */
export function scoreSittingsWhere(scope: Scope, now: Date): Prisma.RegistrationSubjectWhereInput {
  return { registration: resultsWhere(scope, now), roomId: { not: null } };
}
