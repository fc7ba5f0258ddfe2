// The one way a registration is made, by the form and by both imports: rows are checked against the candidates
// and the plan (checkRegistrationRows), then placed under the quota's lock (placeRegistrations). The quota is the
// school's approved application for the level and the plan's year; its row is locked FOR UPDATE before the
// count, so concurrent imports and single registrations queue on it and never exceed it together.
import type { Sql } from "@/server/db";
import type { CandidateStatus, CandidateType, Gender, IdType } from "@/generated/prisma/enums";
import type { Checked } from "@/server/imports/pipeline";
import { quotaProblem, type Quota } from "@/domain/pilots/quota";
import { candidateProblem, sittingsFor } from "@/domain/registrations/rules";
import type { RegistrationContext, RegistrationLevel } from "./context";

/** A row as typed or imported: the candidate by ID number (and name, to catch a wrong number), what to sit. */
export type RegistrationRow = { name: string; idNumber: string; levelCode: string | null; subjectCodes: string[]; declared: string | null };

export type Snapshot = {
  name: string;
  pinyin: string;
  gender: Gender;
  idType: IdType;
  idNumber: string;
  phone: string | null;
  photoFileId: string | null;
  type: CandidateType;
  majorId: string | null;
  majorName: string | null;
};
export type PlacedRow = { candidateId: string; levelId: string; subjectIds: string[]; targetGroup: string | null; snapshot: Snapshot };

export const ALREADY_REGISTERED = "考生已报考该证书，请勿重复报考";

type CandidateRecord = Snapshot & { id: string; schoolId: string; status: CandidateStatus; majorCode: string | null };

/** The rules that read the database, for many rows at once (two queries). `fixedLevel`: 按科目导入's chosen level. */
export async function checkRegistrationRows(
  sql: Sql,
  rows: RegistrationRow[],
  ctx: RegistrationContext,
  fixedLevel?: RegistrationLevel,
): Promise<Checked<PlacedRow>[]> {
  const candidates = await sql<CandidateRecord>`
    SELECT c.id, c."schoolId", c.name, c.pinyin, c.gender, c."idType", c."idNumber", c.phone, c."photoFileId", c.type, c.status,
           c."majorId", m.code AS "majorCode", m.name AS "majorName"
      FROM "Candidate" c LEFT JOIN "Major" m ON m.id = c."majorId"
     WHERE c."idNumber" = ANY(${rows.map((r) => r.idNumber)}::text[])`;
  const byId = new Map(candidates.map((c) => [c.idNumber, c]));
  const existing = await sql<{ candidateId: string; certificateLevelId: string }>`
    SELECT "candidateId", "certificateLevelId" FROM "Registration"
     WHERE "planId" = ${ctx.plan.id}::uuid AND "candidateId" = ANY(${candidates.map((c) => c.id)}::uuid[])`;
  const taken = new Set(existing.map((e) => `${e.candidateId}|${e.certificateLevelId}`));
  return rows.map((r): Checked<PlacedRow> => {
    const c = byId.get(r.idNumber);
    // Another school's candidate reads as unknown: nothing of it is revealed.
    const own = !!c && c.schoolId === ctx.schoolId;
    if (!c || !own) return { ok: false, error: "考生不存在或不属于本校，请先在考生管理中添加考生" };
    if (r.name && r.name !== c.name) return { ok: false, error: `姓名与考生信息不一致（考生信息为「${c.name}」）` };
    const level = fixedLevel ?? ctx.levels.find((l) => l.code === r.levelCode);
    if (!level) return { ok: false, error: `证书编号 ${r.levelCode ?? ""} 不在该考试计划中` };
    const who = candidateProblem({ status: c.status, type: c.type, majorId: c.majorId, own }, level.majorIds);
    if (who) return { ok: false, error: who };
    const sittings = sittingsFor(ctx.plan.registrationMode, level.subjects, c.type, { codes: r.subjectCodes, declared: r.declared });
    if (!sittings.ok) return sittings;
    if (taken.has(`${c.id}|${level.id}`)) return { ok: false, error: ALREADY_REGISTERED };
    const { id, schoolId: _s, status: _st, majorCode, ...snapshot } = c;
    return {
      ok: true,
      value: {
        candidateId: id,
        levelId: level.id,
        subjectIds: sittings.subjectIds,
        targetGroup: r.declared,
        snapshot: { ...snapshot, majorName: majorCode ? `${majorCode} ${c.majorName}` : null },
      },
    };
  });
}

/** What a transaction knows of a level's quota once it holds its lock: nobody else can register meanwhile. */
export type LevelUse = { quota: Quota; used: number; perMajor: Map<string | null, number>; registered: Set<string> };

/**
 * Writes the rows that fit the quota, inside the caller's transaction; returns the refused ones (index → reason).
 * A candidate already registered for the level this year (another plan) takes no second place. `held`: the
 * levels this transaction already locked and counted (an import's later batches), updated once a batch is written.
 */
export async function placeRegistrations(
  sql: Sql,
  rows: PlacedRow[],
  ctx: RegistrationContext,
  meta: { now: Date; importId: string | null; createdById: string },
  held: Map<string, LevelUse> = new Map(),
): Promise<Map<number, string>> {
  const refused = new Map<number, string>();
  const { schoolId, plan } = ctx;
  const byLevel = new Map<string, number[]>();
  rows.forEach((r, i) => byLevel.set(r.levelId, [...(byLevel.get(r.levelId) ?? []), i]));
  const after = new Map<string, LevelUse>();
  // Locks in one order, so two imports of several levels never wait on each other in a circle.
  for (const levelId of [...byLevel.keys()].sort()) {
    const idx = byLevel.get(levelId)!;
    const before = held.get(levelId) ?? (await lockAndCount(sql, schoolId, levelId, plan.year));
    const use = { ...before, perMajor: new Map(before.perMajor), registered: new Set(before.registered) };
    for (const i of idx) {
      const r = rows[i];
      if (use.registered.has(r.candidateId)) continue;
      const inMajor = use.perMajor.get(r.snapshot.majorId) ?? 0;
      const problem = quotaProblem(use.quota, { year: plan.year, majorId: r.snapshot.majorId, used: use.used, usedInMajor: inMajor });
      if (problem) {
        refused.set(i, problem);
        continue;
      }
      use.used++;
      use.perMajor.set(r.snapshot.majorId, inMajor + 1);
      use.registered.add(r.candidateId);
    }
    after.set(levelId, use);
  }
  const placed = rows.map((r, i) => ({ ...r, id: crypto.randomUUID(), i })).filter((r) => !refused.has(r.i));
  if (placed.length === 0) return refused;
  const col = <T>(f: (r: (typeof placed)[number]) => T) => placed.map(f);
  // One statement per table from unnest(…) of one array per column (Prisma's createMany costs ~0.5 s per 1,000).
  await sql`
    INSERT INTO "Registration" (id, "planId", "certificateLevelId", year, "schoolId", "candidateId", mode, name, pinyin, gender, "idType", "idNumber",
                                phone, "photoFileId", "candidateType", "majorId", "majorName", "targetGroup", "importId", "createdById", "createdAt", "updatedAt")
    SELECT r.id, ${plan.id}::uuid, r.level, ${plan.year}, ${schoolId}::uuid, r.cand, ${plan.registrationMode}::"ExamRegistrationMode", r.name, r.pinyin,
           r.gender::"Gender", r.id_type::"IdType", r.id_number, r.phone, r.photo, r.type::"CandidateType", r.major, r.major_name, r.target,
           ${meta.importId}::uuid, ${meta.createdById}::uuid, ${meta.now}::timestamptz, ${meta.now}::timestamptz
      FROM unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.levelId)}::uuid[], ${col((r) => r.candidateId)}::uuid[], ${col((r) => r.snapshot.name)}::text[],
                  ${col((r) => r.snapshot.pinyin)}::text[], ${col((r) => r.snapshot.gender)}::text[], ${col((r) => r.snapshot.idType)}::text[],
                  ${col((r) => r.snapshot.idNumber)}::text[], ${col((r) => r.snapshot.phone)}::text[], ${col((r) => r.snapshot.photoFileId)}::uuid[],
                  ${col((r) => r.snapshot.type)}::text[], ${col((r) => r.snapshot.majorId)}::uuid[], ${col((r) => r.snapshot.majorName)}::text[],
                  ${col((r) => r.targetGroup)}::text[])
           AS r(id, level, cand, name, pinyin, gender, id_type, id_number, phone, photo, type, major, major_name, target)`;
  const sittings = placed.flatMap((r) => r.subjectIds.map((s) => [r.id, s] as const));
  await sql`
    INSERT INTO "RegistrationSubject" ("registrationId", "planId", "subjectId")
    SELECT s.r, ${plan.id}::uuid, s.s FROM unnest(${sittings.map((s) => s[0])}::uuid[], ${sittings.map((s) => s[1])}::uuid[]) AS s(r, s)`;
  for (const [levelId, use] of after) held.set(levelId, use);
  return refused;
}

/** Locks the school's approved application for the level and year (FOR UPDATE, held to the commit) and counts. */
async function lockAndCount(sql: Sql, schoolId: string, levelId: string, year: number): Promise<LevelUse> {
  const [app] = await sql<{ id: string; approvedTotal: number | null }>`
    SELECT id, "approvedTotal" FROM "PilotApplication"
     WHERE "schoolId" = ${schoolId}::uuid AND "certificateLevelId" = ${levelId}::uuid AND year = ${year} AND status = 'APPROVED'
     FOR UPDATE`;
  const majors = app
    ? await sql<{ majorId: string; approved: number }>`
        SELECT "majorId", COALESCE(approved, 0) AS approved FROM "PilotApplicationMajor" WHERE "applicationId" = ${app.id}::uuid`
    : [];
  // Each candidate once, under the major of its first registration this year.
  const counted = await sql<{ candidateId: string; majorId: string | null }>`
    SELECT DISTINCT ON ("candidateId") "candidateId", "majorId" FROM "Registration"
     WHERE "schoolId" = ${schoolId}::uuid AND "certificateLevelId" = ${levelId}::uuid AND year = ${year}
     ORDER BY "candidateId", "createdAt"`;
  const perMajor = new Map<string | null, number>();
  for (const c of counted) perMajor.set(c.majorId, (perMajor.get(c.majorId) ?? 0) + 1);
  return {
    quota: { year, approvedTotal: app?.approvedTotal ?? null, majors },
    used: counted.length,
    perMajor,
    registered: new Set(counted.map((c) => c.candidateId)),
  };
}
