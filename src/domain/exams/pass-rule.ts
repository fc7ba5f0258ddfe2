// The plan's pass rule (考证结果) as data, never code: either every subject at or above its 合格分数 (004:
// 理论考核与实操考核两科得分均达到或超过总分的60%), or a weighted total of the subjects at or above a mark.
import { z } from "zod";

export const passRuleSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("ALL_SUBJECTS") }),
  z.strictObject({
    kind: z.literal("WEIGHTED_TOTAL"),
    /** subject id → weight (percent); the weights add up to 100. */
    weights: z.record(z.uuid(), z.number().min(0).max(100)),
    /** The weighted total (0–100, on each subject's 满分 scaled to 100) needed to pass. */
    passTotal: z.number().min(0).max(100),
  }),
]);
export type PassRule = z.infer<typeof passRuleSchema>;

export type RuleSubject = { id: string; name: string; fullScore: number; passScore: number };

/** Whether the rule fits the plan's subjects of one level (weights on exactly those, adding up to 100). */
export function passRuleProblem(rule: PassRule, subjects: RuleSubject[]): string | null {
  if (rule.kind === "ALL_SUBJECTS") return null;
  const ids = Object.keys(rule.weights);
  if (ids.length !== subjects.length || subjects.some((s) => !(s.id in rule.weights))) return "加权合格规则须为每个考试科目设置权重";
  const sum = ids.reduce((t, id) => t + rule.weights[id], 0);
  if (Math.abs(sum - 100) > 1e-9) return `各科目权重之和须为 100%（当前为 ${sum}%）`;
  return null;
}

/** 通过 or not, from each subject's score (null: absent or not yet entered — never a pass). */
export function passes(rule: PassRule, subjects: RuleSubject[], scores: Record<string, number | null | undefined>): boolean {
  if (subjects.length === 0) return false;
  if (subjects.some((s) => scores[s.id] == null)) return false;
  if (rule.kind === "ALL_SUBJECTS") return subjects.every((s) => (scores[s.id] as number) >= s.passScore);
  const total = subjects.reduce((t, s) => t + ((scores[s.id] as number) / s.fullScore) * 100 * ((rule.weights[s.id] ?? 0) / 100), 0);
  // Scores are stored to one decimal; compare without floating noise.
  return Math.round(total * 1000) >= Math.round(rule.passTotal * 1000);
}

export function passRuleText(rule: PassRule, subjects: RuleSubject[]): string {
  if (rule.kind === "ALL_SUBJECTS") return `各科目成绩均达到合格分数（${subjects.map((s) => `${s.name} ${s.passScore}/${s.fullScore}`).join("，")}）`;
  return `加权总分达到 ${rule.passTotal} 分（${subjects.map((s) => `${s.name} ${rule.weights[s.id] ?? 0}%`).join("，")}，各科按满分折算为百分制）`;
}
