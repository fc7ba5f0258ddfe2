// What a registration needs to know of its plan: the window, whether the school takes part, the mode, and per
// certificate level its subjects (with 参考对象) and the certificate's majors. One load per import or form.
import type { Db, Tx } from "@/server/db";
import type { SchoolScope } from "@/server/tenancy";
import type { ExamRegistrationMode } from "@/generated/prisma/enums";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { registrationWindowProblem, type PlanSubject } from "@/domain/registrations/rules";

export type RegistrationLevel = { id: string; code: string; label: string; subjects: PlanSubject[]; majorIds: string[] };
export type RegistrationContext = {
  schoolId: string;
  userId: string;
  plan: { id: string; code: string; name: string; year: number; registrationStartsAt: Date; registrationEndsAt: Date; registrationMode: ExamRegistrationMode };
  /** The levels this account may register for (a sub-account: its certificate levels only). */
  levels: RegistrationLevel[];
};

/** The plan as the school may register into it now, or the Chinese reason it may not. */
export async function registrationContext(
  db: Db | Tx,
  scope: SchoolScope,
  userId: string,
  planId: string,
  now: Date,
): Promise<{ ok: true; value: RegistrationContext } | { ok: false; error: string }> {
  const c = await planContext(db, scope, userId, planId);
  if (!c) return { ok: false, error: "考试计划不存在或贵校未参加" };
  const window = registrationWindowProblem({ ...c.plan, includesSchool: true }, now);
  return window ? { ok: false, error: window } : { ok: true, value: c };
}

/** The plan, its levels and subjects as this school (or sub-account) sees them, whatever the moment. */
export async function planContext(
  db: Db | Tx,
  scope: Pick<SchoolScope, "schoolId" | "certificateLevelIds">,
  userId: string,
  planId: string,
): Promise<RegistrationContext | null> {
  const plan = await db.examPlan.findFirst({
    where: { id: planId, schools: { some: { schoolId: scope.schoolId } } },
    select: {
      id: true,
      code: true,
      name: true,
      year: true,
      registrationStartsAt: true,
      registrationEndsAt: true,
      registrationMode: true,
      subjects: {
        orderBy: { startsAt: "asc" },
        select: {
          subject: {
            select: {
              id: true,
              code: true,
              name: true,
              targetGroup: true,
              certificateLevel: {
                select: { id: true, code: true, level: true, certificate: { select: { name: true, majors: { select: { majorId: true } } } } },
              },
            },
          },
        },
      },
    },
  });
  if (!plan) return null;
  const levels = new Map<string, RegistrationLevel>();
  for (const { subject: s } of plan.subjects) {
    const l = s.certificateLevel;
    if (scope.certificateLevelIds && !scope.certificateLevelIds.includes(l.id)) continue;
    const level = levels.get(l.id) ?? {
      id: l.id,
      code: l.code,
      label: `${l.certificate.name}（${LEVEL_LABELS[l.level]}）`,
      subjects: [],
      majorIds: l.certificate.majors.map((m) => m.majorId),
    };
    level.subjects.push({ subjectId: s.id, code: s.code, name: s.name, targetGroup: s.targetGroup });
    levels.set(l.id, level);
  }
  const { subjects: _subjects, ...p } = plan;
  return { schoolId: scope.schoolId, userId, plan: p, levels: [...levels.values()].sort((a, b) => a.code.localeCompare(b.code)) };
}
