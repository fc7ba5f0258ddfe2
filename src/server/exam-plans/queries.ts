// Reads behind 考试计划: one plan with its subjects, times, rule and schools (an org its own, a school one it takes
// part in — it sees the rule, not the other schools), and the org's form options.
import { notFound } from "@/server/errors";
import type { ReadCtx } from "@/server/use-case";
import type { OrgScope } from "@/server/tenancy";
import { examPlanStatus, currentWindow } from "@/domain/exams/plan";
import { passRuleSchema, passRuleText } from "@/domain/exams/pass-rule";
import { examPlansWhere } from "./scope";

export async function examPlanDetail({ ctx: { db, scope, clock }, input: { id } }: { ctx: ReadCtx; input: { id: string } }) {
  const p = await db.examPlan.findFirst({
    where: { AND: [{ id }, examPlansWhere(scope)] },
    include: {
      org: { select: { name: true } },
      subjects: {
        include: {
          subject: {
            select: {
              id: true,
              code: true,
              name: true,
              examMode: true,
              durationMinutes: true,
              targetGroup: true,
              fullScore: true,
              passScore: true,
              certificateLevel: { select: { id: true, code: true, level: true, certificate: { select: { name: true } } } },
            },
          },
        },
        orderBy: [{ startsAt: "asc" }],
      },
      schools: { select: { school: { select: { id: true, name: true } } }, orderBy: { school: { name: "asc" } } },
    },
  });
  if (!p) throw notFound("考试计划不存在");
  const now = clock.now();
  const rule = passRuleSchema.parse(p.passRule);
  const { subjects, schools, ...rest } = p;
  const levels = [...new Map(subjects.map((s) => [s.subject.certificateLevel.id, s.subject.certificateLevel])).values()].sort((a, b) =>
    a.code.localeCompare(b.code),
  );
  return {
    ...rest,
    passRule: rule,
    status: examPlanStatus(p, now),
    window: currentWindow(p, now),
    levels: levels.map((l) => {
      const own = subjects.filter((s) => s.subject.certificateLevel.id === l.id);
      return {
        ...l,
        rule: passRuleText(
          rule,
          own.map((s) => s.subject),
        ),
        subjects: own.map((s) => ({ ...s.subject, startsAt: s.startsAt, endsAt: s.endsAt })),
      };
    }),
    // The participating schools are the org's to see; a school sees how many take part.
    schools: scope.kind === "org" ? schools.map((s) => s.school) : [],
    schoolCount: schools.length,
  };
}

/** The org's plan form: its enabled levels with their enabled subjects, and the schools piloting each level. */
export async function examPlanOptions({ ctx: { db, scope } }: { ctx: ReadCtx<OrgScope> }) {
  const levels = await db.certificateLevel.findMany({
    where: { certificate: { orgId: scope.orgId, status: "ENABLED" }, subjects: { some: { status: "ENABLED" } } },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      level: true,
      certificate: { select: { name: true } },
      subjects: {
        where: { status: "ENABLED" },
        orderBy: { code: "asc" },
        select: { id: true, code: true, name: true, examMode: true, durationMinutes: true, fullScore: true, passScore: true },
      },
      pilotApplications: { where: { status: "APPROVED" }, select: { school: { select: { id: true, name: true } } } },
    },
  });
  const schools = new Map<string, { id: string; name: string; levelIds: string[] }>();
  for (const l of levels)
    for (const { school } of l.pilotApplications) {
      const s = schools.get(school.id) ?? { ...school, levelIds: [] };
      if (!s.levelIds.includes(l.id)) s.levelIds.push(l.id);
      schools.set(school.id, s);
    }
  return {
    levels: levels.map(({ pilotApplications: _p, ...l }) => l),
    schools: [...schools.values()].sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
  };
}
