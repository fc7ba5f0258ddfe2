// 考证结果 from the scores (002 §5.2.10): every subject of the level in the plan under the plan's pass rule. A
// subject not yet entered leaves the result 成绩未齐; 违纪 in any subject fails it as 违纪; 缺考 in every subject is
// 缺考; otherwise 通过 or 未通过 (a subject 缺考 counts as no score, never a pass).
import { passes, type PassRule, type RuleSubject } from "@/domain/exams/pass-rule";

export type ScoreMarkName = "SCORED" | "ABSENT" | "DISQUALIFIED";
export type Outcome = "PENDING" | "PASSED" | "FAILED" | "ABSENT" | "DISQUALIFIED";
export const OUTCOME_LABELS: Record<Outcome, string> = { PENDING: "成绩未齐", PASSED: "通过", FAILED: "未通过", ABSENT: "缺考", DISQUALIFIED: "违纪" };
export const MARK_LABELS: Record<ScoreMarkName, string> = { SCORED: "正常", ABSENT: "缺考", DISQUALIFIED: "违纪" };

/**
 * One subject's entry: its mark and score; `null` when the registration does not sit it here (按科目报考) and
 * no earlier pass carries over (never a pass); a missing key: not entered yet.
 */
export type SubjectEntry = { mark: ScoreMarkName; score: number | null } | null;

export type Result = { outcome: Outcome; total: number | null };

export function resultOf(rule: PassRule, subjects: RuleSubject[], entries: Record<string, SubjectEntry | undefined>): Result {
  const total = rule.kind === "WEIGHTED_TOTAL" ? weightedTotal(rule.weights, subjects, entries) : null;
  if (subjects.length === 0) return { outcome: "PENDING", total };
  const all = subjects.map((s) => entries[s.id]);
  if (all.some((e) => e?.mark === "DISQUALIFIED")) return { outcome: "DISQUALIFIED", total };
  if (all.some((e) => e === undefined)) return { outcome: "PENDING", total };
  const sat = all.filter((e): e is NonNullable<SubjectEntry> => e !== null);
  if (sat.length > 0 && sat.every((e) => e.mark === "ABSENT")) return { outcome: "ABSENT", total };
  const scores = Object.fromEntries(subjects.map((s) => [s.id, entries[s.id]?.mark === "SCORED" ? entries[s.id]!.score : null]));
  return { outcome: passes(rule, subjects, scores) ? "PASSED" : "FAILED", total };
}

function weightedTotal(weights: Record<string, number>, subjects: RuleSubject[], entries: Record<string, SubjectEntry | undefined>): number {
  const t = subjects.reduce((sum, s) => {
    const e = entries[s.id];
    const score = e?.mark === "SCORED" ? (e.score ?? 0) : 0;
    return sum + (score / s.fullScore) * 100 * ((weights[s.id] ?? 0) / 100);
  }, 0);
  return Math.round(t * 100) / 100;
}

/** A score as typed or imported: 0 … 满分, at most one decimal. */
export function scoreProblem(score: number, fullScore: number): string | null {
  if (!Number.isFinite(score)) return "成绩须为数字";
  if (score < 0 || score > fullScore) return `成绩须在 0 至 ${fullScore}（满分）之间`;
  if (Math.abs(score * 10 - Math.round(score * 10)) > 1e-9) return "成绩最多保留一位小数";
  return null;
}

/** The 考试状态 cell of an import: 正常 (or empty, with a score), 缺考, 违纪. */
export function markOf(text: string): ScoreMarkName | null {
  const t = text.trim();
  if (t === "" || t === "正常" || t === "已考") return "SCORED";
  if (t === "缺考") return "ABSENT";
  if (t === "违纪" || t === "作弊") return "DISQUALIFIED";
  return null;
}

/** A score cell with its mark, as entered: the checked entry or the reason it is refused. */
export function entryOf(
  mark: ScoreMarkName,
  scoreText: string,
  fullScore: number,
): { ok: true; mark: ScoreMarkName; score: number | null } | { ok: false; error: string } {
  const t = scoreText.trim();
  if (mark !== "SCORED") {
    if (t !== "" && t !== "0") return { ok: false, error: `${MARK_LABELS[mark]}的科目不填写成绩` };
    return { ok: true, mark, score: null };
  }
  if (t === "") return { ok: false, error: "请填写成绩（缺考、违纪请填写考试状态）" };
  if (!/^\d+(\.\d+)?$/.test(t)) return { ok: false, error: "成绩须为数字" };
  const score = Number(t);
  const p = scoreProblem(score, fullScore);
  return p ? { ok: false, error: p } : { ok: true, mark, score };
}
