// Rules that need the database, shared by the form and the imports: the major from the catalogue, and one
// candidate per ID number across the platform (the message names the holding school, nothing more).
import type { Sql } from "@/server/db";
import { majorLevelOf, type CandidateInput } from "@/domain/candidates/rules";
import { MAJOR_LEVEL_LABELS } from "@/domain/catalogue/labels";

type Level = keyof typeof MAJOR_LEVEL_LABELS;
export type Resolved = CandidateInput & { majorId: string | null; majorLevelValue: Level | null };

type MajorRef = { id: string; code: string; level: Level };
/** Majors by code, the newest catalogue version first. */
export type MajorIndex = Map<string, MajorRef[]>;

/** The majors of the given codes, or all of them (an import loads the catalogue once). */
export async function loadMajors(sql: Sql, codes?: string[]): Promise<MajorIndex> {
  const rows = await sql<MajorRef>`
    SELECT id, code, level::text FROM "Major" WHERE ${codes ?? null}::text[] IS NULL OR code = ANY(${codes ?? null}::text[])
    ORDER BY "catalogVersion" DESC`;
  const index: MajorIndex = new Map();
  for (const m of rows) index.set(m.code, [...(index.get(m.code) ?? []), m]);
  return index;
}

export async function resolveCandidates(
  sql: Sql,
  rows: CandidateInput[],
  opts: { exceptIds?: (string | null)[]; majors?: MajorIndex } = {},
): Promise<({ ok: true; value: Resolved } | { ok: false; error: string })[]> {
  const codes = [...new Set(rows.map((r) => r.majorCode).filter((c): c is string => !!c))];
  const majors = opts.majors ?? (codes.length ? await loadMajors(sql, codes) : (new Map() as MajorIndex));
  const holders = await sql<{ id: string; idNumber: string; school: string }>`
    SELECT c.id, c."idNumber", s.name AS school FROM "Candidate" c JOIN "School" s ON s.id = c."schoolId"
    WHERE c."idNumber" = ANY(${rows.map((r) => r.idNumber)}::text[])`;
  const heldBy = new Map<string, { id: string; school: string }[]>();
  for (const h of holders) heldBy.set(h.idNumber, [...(heldBy.get(h.idNumber) ?? []), h]);
  return rows.map((r, i) => {
    const held = heldBy.get(r.idNumber)?.find((h) => h.id !== opts.exceptIds?.[i]);
    if (held) return { ok: false, error: `该证件号码已在「${held.school}」登记为考生` };
    const level = majorLevelOf(r.majorLevel);
    if (level === undefined) return { ok: false, error: "专业层次应为 中职、高职专科（专科）、职业本科 或 本科" };
    let majorId: string | null = null;
    let majorLevelValue: Level | null = level;
    if (r.majorCode) {
      const m = majors.get(r.majorCode)?.find((x) => !level || x.level === level);
      if (!m) return { ok: false, error: `专业代码 ${r.majorCode} 不在${level ? MAJOR_LEVEL_LABELS[level] : ""}专业目录中` };
      majorId = m.id;
      majorLevelValue = m.level;
    }
    return { ok: true, value: { ...r, majorId, majorLevelValue } };
  });
}
