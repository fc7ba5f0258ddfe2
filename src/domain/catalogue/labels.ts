export const LEVEL_LABELS = { JUNIOR: "初级", INTERMEDIATE: "中级", SENIOR: "高级" } as const;
export const EXAM_MODE_LABELS = { COMPUTER: "机考", PRACTICAL: "实操", WRITTEN: "笔试" } as const;
export const RECORD_STATUS_LABELS = { ENABLED: "已启用", DISABLED: "已停用" } as const;
export const SCHOOL_TYPE_LABELS = { UNDERGRADUATE: "本科院校", HIGHER_VOCATIONAL: "高职院校", SECONDARY_VOCATIONAL: "中职学校", OTHER: "其他" } as const;
export const SCHOOL_STATUS_LABELS = { REGISTERED: "注册完成", APPLYING: "申报中", DISABLED: "已停用" } as const;
export const ORG_STATUS_LABELS = { REGISTERED: "注册完成", DISABLED: "已停用" } as const;
export const MAJOR_LEVEL_LABELS = { SECONDARY: "中职", HIGHER_VOCATIONAL: "高职专科", VOCATIONAL_BACHELOR: "职业本科", BACHELOR: "本科" } as const;
export const CATALOG_VERSION_LABELS = { OLD: "旧版专业目录", NEW: "新版专业目录" } as const;

export function examModesLabel(modes: readonly (keyof typeof EXAM_MODE_LABELS)[]): string {
  return modes.map((m) => EXAM_MODE_LABELS[m]).join("+");
}

/** 院校属性 as 004 names it, from whether the school pilots (the stored attribute is a registration-time label). */
export const schoolAttribute = (r: { isPilot: boolean }) => (r.isPilot ? "试点院校机构" : "非试点院校机构");
