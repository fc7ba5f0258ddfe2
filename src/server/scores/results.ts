// 考证结果 recomputed for some registrations, inside the transaction that changed their scores: the plan's pass rule
// over every subject of the level in the plan. Under 按科目报考 a subject not sat here counts with the candidate's
// best passing score of it elsewhere (成绩保留), or as not sat.
import type { Sql } from "@/server/db";
import { passRuleSchema, type RuleSubject } from "@/domain/exams/pass-rule";
import { resultOf, type ScoreMarkName, type SubjectEntry } from "@/domain/scores/outcome";

type Reg = { id: string; planId: string; schoolId: string; levelId: string; year: number; candidateId: string; orgId: string; passRule: unknown };

export async function recomputeResults(sql: Sql, registrationIds: string[], now: Date): Promise<void> {
  const ids = [...new Set(registrationIds)];
  if (ids.length === 0) return;
  const regs = await sql<Reg>`
    SELECT r.id, r."planId", r."schoolId", r."certificateLevelId" AS "levelId", r.year, r."candidateId", p."orgId", p."passRule"
      FROM "Registration" r JOIN "ExamPlan" p ON p.id = r."planId"
     WHERE r.id = ANY(${ids}::uuid[])`;
  const planIds = [...new Set(regs.map((r) => r.planId))];
  const [subjects, own] = await Promise.all([
    sql<RuleSubject & { planId: string; levelId: string }>`
      SELECT ps."planId", s.id, s.name, s."fullScore", s."passScore", s."certificateLevelId" AS "levelId"
        FROM "ExamPlanSubject" ps JOIN "ExamSubject" s ON s.id = ps."subjectId"
       WHERE ps."planId" = ANY(${planIds}::uuid[])
       ORDER BY s.code`,
    sql<{ registrationId: string; subjectId: string; mark: ScoreMarkName | null; score: string | null }>`
      SELECT rs."registrationId", rs."subjectId", sc.mark, sc.score::text
        FROM "RegistrationSubject" rs LEFT JOIN "SubjectScore" sc ON sc."registrationId" = rs."registrationId" AND sc."subjectId" = rs."subjectId"
       WHERE rs."registrationId" = ANY(${ids}::uuid[])`,
  ]);
  const required = (r: Reg) => subjects.filter((s) => s.planId === r.planId && s.levelId === r.levelId);
  const sat = new Map<string, Map<string, SubjectEntry | undefined>>();
  for (const o of own) {
    const m = sat.get(o.registrationId) ?? new Map();
    m.set(o.subjectId, o.mark ? { mark: o.mark, score: o.score === null ? null : Number(o.score) } : undefined);
    sat.set(o.registrationId, m);
  }
  // Subjects a registration does not sit here: an earlier pass of the same candidate carries over.
  const missing = regs.filter((r) => required(r).some((s) => !sat.get(r.id)?.has(s.id)));
  const carried = missing.length
    ? await sql<{ candidateId: string; registrationId: string; subjectId: string; score: string }>`
        SELECT r."candidateId", r.id AS "registrationId", sc."subjectId", sc.score::text
          FROM "SubjectScore" sc JOIN "Registration" r ON r.id = sc."registrationId" JOIN "ExamSubject" s ON s.id = sc."subjectId"
         WHERE r."candidateId" = ANY(${[...new Set(missing.map((r) => r.candidateId))]}::uuid[])
           AND sc.mark = 'SCORED' AND sc.score >= s."passScore"`
    : [];
  const rows = regs.map((r) => {
    const subs = required(r);
    const mine = sat.get(r.id) ?? new Map<string, SubjectEntry | undefined>();
    const entries: Record<string, SubjectEntry | undefined> = {};
    for (const s of subs) {
      if (mine.has(s.id)) {
        const e = mine.get(s.id);
        if (e !== undefined) entries[s.id] = e;
        continue;
      }
      const best = carried
        .filter((c) => c.candidateId === r.candidateId && c.subjectId === s.id && c.registrationId !== r.id)
        .reduce<number | null>((m, c) => Math.max(m ?? 0, Number(c.score)), null);
      entries[s.id] = best === null ? null : { mark: "SCORED", score: best };
    }
    const rule = passRuleSchema.safeParse(r.passRule);
    return { r, ...resultOf(rule.success ? rule.data : { kind: "ALL_SUBJECTS" }, subs, entries) };
  });
  const col = <T>(f: (x: (typeof rows)[number]) => T) => rows.map(f);
  await sql`
    INSERT INTO "CertificationResult" ("registrationId", "planId", "orgId", "schoolId", "certificateLevelId", year, outcome, total, "computedAt")
    SELECT x.id, x.plan, x.org, x.school, x.level, x.year, x.outcome::"ResultOutcome", x.total, ${now}::timestamptz
      FROM unnest(${col((x) => x.r.id)}::uuid[], ${col((x) => x.r.planId)}::uuid[], ${col((x) => x.r.orgId)}::uuid[], ${col((x) => x.r.schoolId)}::uuid[],
                  ${col((x) => x.r.levelId)}::uuid[], ${col((x) => x.r.year)}::int[], ${col((x) => x.outcome)}::text[], ${col((x) => x.total)}::numeric[])
           AS x(id, plan, org, school, level, year, outcome, total)
    ON CONFLICT ("registrationId") DO UPDATE SET outcome = EXCLUDED.outcome, total = EXCLUDED.total, "computedAt" = EXCLUDED."computedAt"
     WHERE ("CertificationResult".outcome, "CertificationResult".total) IS DISTINCT FROM (EXCLUDED.outcome, EXCLUDED.total)`;
}
