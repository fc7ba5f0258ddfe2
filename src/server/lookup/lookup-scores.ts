// 成绩查询 (public): name + ID number (+ the plan's code) → the subjects' scores and the result of every plan whose
// 成绩公示 has begun. Found or not, the answer has one shape and costs the same query.
import { maskIdNumber } from "@/domain/auth/mask";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { MARK_LABELS, OUTCOME_LABELS, type Outcome, type ScoreMarkName } from "@/domain/scores/outcome";
import type { Level } from "@/domain/issuance/certificate";
import { normalizeIdNumber, normalizeName, type ScoreLookupInput } from "@/domain/lookup/rules";
import { poolSql } from "@/server/db";
import { guardLookup, type LookupCtx } from "./guard";

type Row = {
  name: string;
  idNumber: string;
  planCode: string;
  plan: string;
  publicityEndsAt: Date;
  org: string;
  certificateName: string;
  level: Level;
  outcome: Outcome | null;
  total: number | null;
  subjects: { code: string; name: string; fullScore: number; passScore: number; mark: ScoreMarkName | null; score: number | null }[];
};

export async function lookupScores({ ctx, input }: { ctx: LookupCtx; input: ScoreLookupInput }) {
  const idNumber = normalizeIdNumber(input.idNumber);
  const name = normalizeName(input.name);
  await guardLookup(ctx, input, [{ kind: "id", value: idNumber }]);
  const now = ctx.clock.now();
  // One prepared statement on the read replica: publication day sends every candidate here within hours.
  const regs = await poolSql(ctx.readDb, "lookup_scores")<Row>`
    SELECT r.name, r."idNumber", p.code AS "planCode", p.name AS plan, p."publicityEndsAt", o.name AS org, c.name AS "certificateName", l.level,
           cr.outcome, cr.total::float8 AS total,
           coalesce(json_agg(json_build_object('code', s.code, 'name', s.name, 'fullScore', s."fullScore", 'passScore', s."passScore",
                                               'mark', ss.mark, 'score', ss.score::float8) ORDER BY s.code) FILTER (WHERE s.id IS NOT NULL), '[]') AS subjects
      FROM "Registration" r
      JOIN "ExamPlan" p ON p.id = r."planId"
      JOIN "EvaluationOrg" o ON o.id = p."orgId"
      JOIN "CertificateLevel" l ON l.id = r."certificateLevelId"
      JOIN "Certificate" c ON c.id = l."certificateId"
      LEFT JOIN "CertificationResult" cr ON cr."registrationId" = r.id
      LEFT JOIN "RegistrationSubject" rs ON rs."registrationId" = r.id
      LEFT JOIN "ExamSubject" s ON s.id = rs."subjectId"
      LEFT JOIN "SubjectScore" ss ON ss."registrationId" = rs."registrationId" AND ss."subjectId" = rs."subjectId"
     WHERE r."idNumber" = ${idNumber}::text AND r.name = ${name}::text AND p."publicityStartsAt" <= ${now}::timestamptz
       AND (${input.planCode ?? null}::text IS NULL OR p.code = ${input.planCode ?? null}::text)
     GROUP BY r.id, p.id, o.id, l.id, c.id, cr."registrationId"
     ORDER BY p."publicityStartsAt" DESC, r.id
     LIMIT 20`;
  return {
    found: regs.length > 0,
    name: regs[0]?.name ?? "",
    idNumber: regs[0] ? maskIdNumber(regs[0].idNumber) : "",
    results: regs.map((r) => ({
      planCode: r.planCode,
      plan: r.plan,
      org: r.org,
      certificate: `${r.certificateName}（${LEVEL_LABELS[r.level]}）`,
      inPublicity: now < r.publicityEndsAt,
      outcome: OUTCOME_LABELS[r.outcome ?? "PENDING"],
      total: r.total,
      subjects: r.subjects.map((x) => ({
        code: x.code,
        name: x.name,
        fullScore: x.fullScore,
        passScore: x.passScore,
        mark: x.mark ? MARK_LABELS[x.mark] : "未录入",
        score: x.mark === "SCORED" && x.score != null ? x.score : null,
      })),
    })),
  };
}
