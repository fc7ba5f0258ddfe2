// 考试科目 (002 §5.2.1): who sits it (参考对象: 所有考生, 院校考生, 社会考生 or a named major direction), its 满分
// and 合格分数. A candidate registers for a subject only when its 参考对象 fits (issue 14's registration rules).
export const TARGET_GROUPS = ["所有考生", "院校考生", "社会考生"] as const;

export function subjectScoresProblem(fullScore: number, passScore: number): string | null {
  if (!Number.isInteger(fullScore) || fullScore < 1 || fullScore > 1000) return "满分应为 1–1000 的整数";
  if (!Number.isInteger(passScore) || passScore < 0 || passScore > fullScore) return "合格分数应为不超过满分的非负整数";
  return null;
}

export function targetGroupProblem(group: string): string | null {
  const g = group.trim();
  if (!g) return "请填写参考对象（所有考生、院校考生、社会考生或专业方向）";
  if (g.length > 30) return "参考对象不能超过 30 字";
  return null;
}
