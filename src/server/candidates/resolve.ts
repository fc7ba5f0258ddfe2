// Rules that need the database, shared by the form and the imports: the major from the catalogue, and one
// candidate per ID number across the platform (the message names the holding school, nothing more).
import type { Db, Tx } from "@/server/db";
import type { CandidateInput } from "@/domain/candidates/rules";
import { MAJOR_LEVEL_LABELS } from "@/domain/catalogue/labels";

type Level = keyof typeof MAJOR_LEVEL_LABELS;
export type Resolved = CandidateInput & { majorId: string | null; majorLevelValue: Level | null };

function levelOf(raw: string | null): Level | null | undefined {
  if (!raw) return null;
  const hit = (Object.entries(MAJOR_LEVEL_LABELS) as [Level, string][]).find(([k, l]) => k === raw || l === raw);
  return hit ? hit[0] : undefined;
}

export async function resolveCandidates(
  db: Db | Tx,
  rows: CandidateInput[],
  opts: { exceptIds?: (string | null)[] } = {},
): Promise<({ ok: true; value: Resolved } | { ok: false; error: string })[]> {
  const codes = [...new Set(rows.map((r) => r.majorCode).filter((c): c is string => !!c))];
  const majors = codes.length ? await db.major.findMany({ where: { code: { in: codes } }, orderBy: { catalogVersion: "desc" } }) : [];
  // One array parameter rather than a 1,000-value IN list (Prisma compiles each value; measured on imports).
  const holders = await db.$queryRaw<{ id: string; idNumber: string; school: string }[]>`
    SELECT c.id, c."idNumber", s.name AS school FROM "Candidate" c JOIN "School" s ON s.id = c."schoolId"
    WHERE c."idNumber" = ANY(${rows.map((r) => r.idNumber)}::text[])`;
  const heldBy = new Map<string, { id: string; school: string }[]>();
  for (const h of holders) heldBy.set(h.idNumber, [...(heldBy.get(h.idNumber) ?? []), h]);
  return rows.map((r, i) => {
    const held = heldBy.get(r.idNumber)?.find((h) => h.id !== opts.exceptIds?.[i]);
    if (held) return { ok: false, error: `该证件号码已在「${held.school}」登记为考生` };
    const level = levelOf(r.majorLevel);
    if (level === undefined) return { ok: false, error: "专业层次应为 中职、高职专科、职业本科 或 本科" };
    let majorId: string | null = null;
    let majorLevelValue: Level | null = level;
    if (r.majorCode) {
      const m = majors.find((x) => x.code === r.majorCode && (!level || x.level === level));
      if (!m) return { ok: false, error: `专业代码 ${r.majorCode} 不在${level ? MAJOR_LEVEL_LABELS[level] : ""}专业目录中` };
      majorId = m.id;
      majorLevelValue = m.level;
    }
    return { ok: true, value: { ...r, majorId, majorLevelValue } };
  });
}
