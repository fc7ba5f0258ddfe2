// 考生信息 state and edit rules (DOMAIN.md): 无照片 → 信息待认证 → 信息准确 | 需人工确认 → 信息准确.
import { cleanCell, cleanIdNumber, cleanName, idNumberProblem, nameProblem, PHONE, type IdType } from "./identity";
import { MAJOR_LEVEL_LABELS } from "@/domain/catalogue/labels";

export type CandidateStatus = "NO_PHOTO" | "PENDING_VERIFICATION" | "VERIFIED" | "NEEDS_REVIEW";
export const CANDIDATE_STATUS_LABELS: Record<CandidateStatus, string> = {
  NO_PHOTO: "无照片",
  PENDING_VERIFICATION: "信息待认证",
  VERIFIED: "信息准确",
  NEEDS_REVIEW: "需人工确认",
};
export type CandidateType = "SCHOOL" | "SOCIAL";
export const CANDIDATE_TYPE_LABELS: Record<CandidateType, string> = { SCHOOL: "院校考生", SOCIAL: "社会考生" };
export const GENDER_LABELS = { MALE: "男", FEMALE: "女" } as const;

/** Fields locked once the information is 信息准确. */
export const LOCKED_WHEN_VERIFIED = ["name", "idType", "idNumber", "photoFileId"] as const;

export function lockedChanges(status: CandidateStatus, before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  if (status !== "VERIFIED") return [];
  return LOCKED_WHEN_VERIFIED.filter((k) => k in after && after[k] !== before[k]);
}

/** The state after the photo changed (or not) on an unverified candidate. */
export function statusAfterEdit(status: CandidateStatus, hasPhoto: boolean): CandidateStatus {
  if (status === "VERIFIED") return status;
  return hasPhoto ? "PENDING_VERIFICATION" : "NO_PHOTO";
}

export const canDeleteCandidate = (registeredCount: number) => registeredCount === 0;

export type CandidateInput = {
  type: CandidateType;
  name: string;
  pinyin: string;
  gender: "MALE" | "FEMALE";
  idType: IdType;
  idNumber: string;
  phone: string | null;
  enrolYear: number | null;
  majorLevel: string | null;
  majorCode: string | null;
};

export type Person = { name: string; idType: IdType; idNumber: string; gender: "MALE" | "FEMALE"; phone: string };

/**
 * 姓名, 证件类型, 证件号码, 性别 and 手机号 as every person form and import cleans them (candidates, teachers):
 * the clean values or the first problem in Chinese. 性别 may be left out when the ID number tells it.
 */
export function cleanPerson(raw: Record<string, unknown>, today: Date): { ok: true; value: Person } | { ok: false; error: string } {
  const name = cleanName(raw.name);
  const np = nameProblem(name);
  if (np) return { ok: false, error: np };
  const idType = (Object.entries({
    居民身份证: "RESIDENT_ID",
    港澳台居民居住证: "HMT_RESIDENCE",
    港澳居民来往内地通行证: "HK_MACAO_PERMIT",
    台湾居民来往大陆通行证: "TAIWAN_PERMIT",
    护照: "PASSPORT",
  }).find(([label, v]) => label === cleanCell(raw.idType) || v === cleanCell(raw.idType))?.[1] ??
    (cleanCell(raw.idType) ? null : "RESIDENT_ID")) as IdType | null;
  if (!idType) return { ok: false, error: "证件类型不正确" };
  const idNumber = cleanIdNumber(raw.idNumber);
  const ip = idNumberProblem(idType, idNumber, today);
  if (ip) return { ok: false, error: ip };
  const g = cleanCell(raw.gender);
  const gender =
    g === "男" || g === "MALE"
      ? "MALE"
      : g === "女" || g === "FEMALE"
        ? "FEMALE"
        : idType === "RESIDENT_ID" || idType === "HMT_RESIDENCE"
          ? Number(idNumber[16]) % 2
            ? "MALE"
            : "FEMALE"
          : null;
  if (!gender) return { ok: false, error: "请填写性别（男/女）" };
  if ((idType === "RESIDENT_ID" || idType === "HMT_RESIDENCE") && gender !== (Number(idNumber[16]) % 2 ? "MALE" : "FEMALE"))
    return { ok: false, error: "性别与身份证号码不符" };
  const phone = cleanCell(raw.phone);
  if (!phone) return { ok: false, error: "请填写手机号" };
  if (!PHONE.test(phone)) return { ok: false, error: "手机号应为 11 位手机号码" };
  return { ok: true, value: { name, idType, idNumber, gender, phone } };
}

/** Cleans one typed or imported row the same way; returns the clean row or the first problem in Chinese. */
export function cleanCandidate(raw: Record<string, unknown>, today: Date): { ok: true; value: CandidateInput } | { ok: false; error: string } {
  const type = ({ 院校考生: "SCHOOL", 社会考生: "SOCIAL", SCHOOL: "SCHOOL", SOCIAL: "SOCIAL" } as Record<string, CandidateType>)[cleanCell(raw.type)];
  if (!type) return { ok: false, error: "考生类型应为「院校考生」或「社会考生」" };
  const person = cleanPerson(raw, today);
  if (!person.ok) return person;
  const { name, idType, idNumber, gender, phone } = person.value;
  const y = cleanCell(raw.enrolYear);
  const enrolYear = y ? Number(y) : null;
  if (enrolYear != null && (!Number.isInteger(enrolYear) || enrolYear < 1990 || enrolYear > today.getUTCFullYear() + 1))
    return { ok: false, error: "入学年份不正确" };
  const majorCode = cleanCell(raw.majorCode) || null;
  if (type === "SCHOOL" && (!enrolYear || !majorCode)) return { ok: false, error: "院校考生须填写入学年份和所学专业" };
  const pinyin = cleanName(raw.pinyin).toLowerCase().slice(0, 120);
  if (pinyin && !/^[a-z üv]+$/.test(pinyin)) return { ok: false, error: "姓名拼音只能包含字母和空格" };
  return { ok: true, value: { type, name, pinyin, gender, idType, idNumber, phone, enrolYear, majorLevel: cleanCell(raw.majorLevel) || null, majorCode } };
}

type MajorLevel = keyof typeof MAJOR_LEVEL_LABELS;
// What offices write for 专业层次 besides the template's labels.
const MAJOR_LEVEL_ALIASES: Record<string, MajorLevel> = {
  中专: "SECONDARY",
  中等职业: "SECONDARY",
  中等职业教育: "SECONDARY",
  专科: "HIGHER_VOCATIONAL",
  大专: "HIGHER_VOCATIONAL",
  高职: "HIGHER_VOCATIONAL",
  高职高专: "HIGHER_VOCATIONAL",
  "高职（专科）": "HIGHER_VOCATIONAL",
  "本科（职业）": "VOCATIONAL_BACHELOR",
  职教本科: "VOCATIONAL_BACHELOR",
  本科职业教育: "VOCATIONAL_BACHELOR",
  普通本科: "BACHELOR",
};

/** 专业层次 from a label, a short form or the enum value; null when empty, undefined when unknown. */
export function majorLevelOf(raw: string | null | undefined): MajorLevel | null | undefined {
  const v = (raw ?? "").trim().replace(/\(/g, "（").replace(/\)/g, "）");
  if (!v) return null;
  const label = (Object.entries(MAJOR_LEVEL_LABELS) as [MajorLevel, string][]).find(([k, l]) => k === v || l === v);
  return label ? label[0] : MAJOR_LEVEL_ALIASES[v];
}

/** 王玉霞 (Wang Yuxia): the stored pinyin ("wang yu xia") as 004 lists it, family name apart. */
export function pinyinDisplay(pinyin: string): string {
  const [family, ...given] = pinyin.trim().split(/\s+/).filter(Boolean);
  if (!family) return "";
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return given.length ? `${cap(family)} ${cap(given.join(""))}` : cap(family);
}

/** 考生编号 in the manuals' shape: region (6) + year (4) + seconds (10) + 6 digits = 26 digits. */
export function candidateNumber(idType: IdType, idNumber: string, at: Date, six: string): string {
  const region = /^\d{6}/.test(idNumber) && (idType === "RESIDENT_ID" || idType === "HMT_RESIDENCE") ? idNumber.slice(0, 6) : "000000";
  return `${region}${at.getUTCFullYear()}${Math.floor(at.getTime() / 1000)}${six}`;
}
