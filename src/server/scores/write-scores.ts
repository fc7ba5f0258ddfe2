// Writes entered scores (an import batch or one entry) in the caller's transaction: new ones inserted, changed ones
// updated with the old value kept in ScoreCorrection, unchanged ones left alone; then the registrations' results.
import type { Sql } from "@/server/db";
import type { ScoreMarkName } from "@/domain/scores/outcome";
import { recomputeResults } from "./results";

export type ScoreWrite = { registrationId: string; subjectId: string; planId: string; mark: ScoreMarkName; score: number | null };
export type WriteMeta = { now: Date; userId: string; importId?: string | null; reason: string };

/** Returns how many scores changed (new or different). */
export async function writeScores(sql: Sql, rows: ScoreWrite[], meta: WriteMeta): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <T>(f: (r: ScoreWrite) => T) => rows.map(f);
  const [{ changed }] = await sql<{ changed: number }>`
    WITH input AS (
      SELECT * FROM unnest(${col((r) => r.registrationId)}::uuid[], ${col((r) => r.subjectId)}::uuid[], ${col((r) => r.planId)}::uuid[],
                           ${col((r) => r.mark)}::text[], ${col((r) => r.score)}::numeric[]) AS i(reg, subj, plan, mark, score)
    ), old AS (
      SELECT s.id, s."registrationId", s."subjectId", s.mark, s.score FROM "SubjectScore" s
        JOIN input i ON i.reg = s."registrationId" AND i.subj = s."subjectId"
    ), up AS (
      INSERT INTO "SubjectScore" (id, "registrationId", "subjectId", "planId", mark, score, "enteredById", "importId", "enteredAt", "updatedAt")
      SELECT gen_random_uuid(), i.reg, i.subj, i.plan, i.mark::"ScoreMark", i.score, ${meta.userId}::uuid, ${meta.importId ?? null}::uuid,
             ${meta.now}::timestamptz, ${meta.now}::timestamptz
        FROM input i
      ON CONFLICT ("registrationId", "subjectId") DO UPDATE
        SET mark = EXCLUDED.mark, score = EXCLUDED.score, "enteredById" = EXCLUDED."enteredById", "importId" = EXCLUDED."importId", "updatedAt" = EXCLUDED."updatedAt"
        WHERE ("SubjectScore".mark, "SubjectScore".score) IS DISTINCT FROM (EXCLUDED.mark, EXCLUDED.score)
      RETURNING 1
    ), kept AS (
      INSERT INTO "ScoreCorrection" (id, "scoreId", "oldMark", "oldScore", "newMark", "newScore", reason, "userId", "createdAt")
      SELECT gen_random_uuid(), o.id, o.mark, o.score, i.mark::"ScoreMark", i.score, ${meta.reason}, ${meta.userId}::uuid, ${meta.now}::timestamptz
        FROM old o JOIN input i ON i.reg = o."registrationId" AND i.subj = o."subjectId"
       WHERE (o.mark, o.score) IS DISTINCT FROM (i.mark::"ScoreMark", i.score)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM up)::int AS changed, (SELECT count(*) FROM kept)::int AS corrected`;
  if (changed > 0)
    await recomputeResults(
      sql,
      col((r) => r.registrationId),
      meta.now,
    );
  return changed;
}
