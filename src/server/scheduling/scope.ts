// Who reads which schedule. The org: everything of its plans, published or not. A school: only what is published —
// the subjects its candidates sit, the rooms it set or hosts (with every school's candidates in them: the host of a
// borrowed site runs the room) or where its own candidates sit (with only its own); a scoped sub-account its levels.
// A student: their own sittings, once published.
import type { Prisma } from "@/generated/prisma/client";
import { forbidden } from "@/server/errors";
import type { Scope, SchoolScope } from "@/server/tenancy";
import { registrationsWhere } from "@/server/registrations/scope";

const published = { publishedAt: { not: null } } as const;

/** The school's own registrations (its scoped levels). */
const ownRegistrations = (scope: SchoolScope) => registrationsWhere(scope);

/** 考核站点编排 rows: subjects of plans. */
export function planSubjectsWhere(scope: Scope): Prisma.ExamPlanSubjectWhereInput {
  switch (scope.kind) {
    case "org":
      return { plan: { orgId: scope.orgId } };
    case "school":
      return { sittings: { some: { registration: ownRegistrations(scope) } } };
    default:
      throw forbidden();
  }
}

/** The sittings a status or a count takes into account: the org's all, the school's own. */
export function countedSittingsWhere(scope: Scope): Prisma.RegistrationSubjectWhereInput {
  switch (scope.kind) {
    case "org":
      return {};
    case "school":
      return { registration: ownRegistrations(scope) };
    default:
      throw forbidden();
  }
}

/** 考场编排 rows: a room's sitting of a subject. */
export function roomSchedulesWhere(scope: Scope): Prisma.RoomScheduleWhereInput {
  switch (scope.kind) {
    case "org":
      return { planSubject: { plan: { orgId: scope.orgId } } };
    case "school":
      return {
        planSubject: published,
        ...(scope.certificateLevelIds ? { room: { certificateLevelId: { in: scope.certificateLevelIds } } } : {}),
        OR: [
          { room: { schoolId: scope.schoolId } },
          { site: { schoolId: scope.schoolId } },
          { room: { sittings: { some: { registration: { schoolId: scope.schoolId } } } } },
        ],
      };
    default:
      throw forbidden();
  }
}

/** Whether the school runs the room (set it, or hosts its site): then it sees every candidate in it. */
export function runsRoom(scope: Scope, room: { schoolId: string; site: { schoolId: string } }): boolean {
  if (scope.kind === "org") return true;
  return scope.kind === "school" && (room.schoolId === scope.schoolId || room.site.schoolId === scope.schoolId);
}

/** 排考明细 rows: sittings. */
export function sittingsWhere(scope: Scope): Prisma.RegistrationSubjectWhereInput {
  switch (scope.kind) {
    case "org":
      return { planSubject: { plan: { orgId: scope.orgId } } };
    case "school":
      return { registration: ownRegistrations(scope), planSubject: published };
    case "student":
      return { registration: { candidate: { userId: scope.userId } }, planSubject: published };
    default:
      throw forbidden();
  }
}
