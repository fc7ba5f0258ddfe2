// The catalogue's numbering (004's certificate list and subject list): a certificate has a 7-digit 证书代码, each of
// its levels the 8-digit 证书编号 that adds 1 初级 / 2 中级 / 3 高级 (60000001, 60000002, 60000003), and each exam
// subject an 11-digit 科目编号 that extends its level's number (60000001104).
import { LEVEL_LABELS } from "./labels";

export type LevelName = keyof typeof LEVEL_LABELS;
export const LEVEL_DIGIT: Record<LevelName, string> = { JUNIOR: "1", INTERMEDIATE: "2", SENIOR: "3" };

/** The 证书编号 of a level of the certificate coded `certificateCode`. */
export const levelCode = (certificateCode: string, level: LevelName) => `${certificateCode}${LEVEL_DIGIT[level]}`;

/** 智能新能源汽车职业技能等级证书（初级）: how 004's list names one level. */
export const levelTitle = (certificateName: string, level: LevelName) => `${certificateName}（${LEVEL_LABELS[level]}）`;

export function certificateCodeProblem(code: string): string | null {
  return /^\d{7}$/.test(code) ? null : "证书代码为 7 位数字（各等级证书编号在其后加 1 初级、2 中级、3 高级）";
}

export function subjectCodeProblem(code: string, ofLevel: string): string | null {
  return /^\d{11}$/.test(code) && code.startsWith(ofLevel) ? null : `科目编号为 11 位数字，以该等级的证书编号 ${ofLevel} 开头`;
}
