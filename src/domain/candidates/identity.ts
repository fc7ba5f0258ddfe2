// 证件 of a candidate: type, number format per type, name rules, cleaning of typed or imported text.
import { idCheckChar } from "@/domain/identifiers/id-number";

export type IdType = "RESIDENT_ID" | "HMT_RESIDENCE" | "HK_MACAO_PERMIT" | "TAIWAN_PERMIT" | "PASSPORT";
export const ID_TYPE_LABELS: Record<IdType, string> = {
  RESIDENT_ID: "居民身份证",
  HMT_RESIDENCE: "港澳台居民居住证",
  HK_MACAO_PERMIT: "港澳居民来往内地通行证",
  TAIWAN_PERMIT: "台湾居民来往大陆通行证",
  PASSPORT: "护照",
};

// Province codes valid as the first two digits of a 居民身份证 (GB/T 2260), 71/81/82 for the residence permits' 83/81/82.
const PROVINCES = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
]);

/** Strips spaces, tabs and line breaks (also full-width spaces) and upper-cases letters (the check X). */
export function cleanCell(raw: unknown): string {
  if (raw == null) return "";
  return String(raw).replace(/[\s\u3000\u00a0]/g, "");
}
export const cleanIdNumber = (raw: unknown) => cleanCell(raw).toUpperCase();
/** Chinese names lose every space, tab and line break; foreign names keep single inner spaces. */
export function cleanName(raw: unknown): string {
  if (raw == null) return "";
  const squeezed = String(raw).replace(/[\s\u3000\u00a0]/g, "");
  if (/^[\u4e00-\u9fa5·]+$/.test(squeezed)) return squeezed;
  return String(raw)
    .replace(/[\t\r\n\u3000\u00a0]/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

function validDate(yyyymmdd: string, today: Date): boolean {
  const y = Number(yyyymmdd.slice(0, 4)),
    m = Number(yyyymmdd.slice(4, 6)),
    d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && date <= today;
}

/** A Chinese refusal for the number of this ID type, or null. `today` bounds the birth date. */
export function idNumberProblem(type: IdType, number: string, today: Date): string | null {
  if (!number) return "请填写证件号码";
  switch (type) {
    case "RESIDENT_ID":
    case "HMT_RESIDENCE": {
      if (!/^\d{17}[\dX]$/.test(number)) return "身份证号码应为 18 位（末位为数字或 X）";
      const p = number.slice(0, 2);
      if (type === "RESIDENT_ID" && !PROVINCES.has(p)) return "身份证号码的地区码不正确";
      if (type === "HMT_RESIDENCE" && !["81", "82", "83"].includes(p)) return "港澳台居民居住证号码应以 810000、820000 或 830000 开头";
      if (!validDate(number.slice(6, 14), today)) return "身份证号码中的出生日期不正确";
      if (idCheckChar(number.slice(0, 17)) !== number[17]) return "身份证号码校验位不正确";
      return null;
    }
    case "HK_MACAO_PERMIT":
      return /^[HM]\d{8}(\d{2})?$/.test(number) ? null : "港澳居民来往内地通行证号码应为 H 或 M 开头加 8 位或 10 位数字";
    case "TAIWAN_PERMIT":
      return /^\d{8}$/.test(number) ? null : "台湾居民来往大陆通行证号码应为 8 位数字";
    case "PASSPORT":
      return /^[A-Z0-9]{5,17}$/.test(number) ? null : "护照号码应为 5–17 位字母或数字";
  }
}

/** Birth date and gender where the number carries them (居民身份证 / 居住证). */
export function fromIdNumber(type: IdType, number: string): { birth: string; gender: "MALE" | "FEMALE" } | null {
  if ((type !== "RESIDENT_ID" && type !== "HMT_RESIDENCE") || !/^\d{17}[\dX]$/.test(number)) return null;
  return { birth: `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`, gender: Number(number[16]) % 2 === 1 ? "MALE" : "FEMALE" };
}

/** 2–30 Chinese characters (with · for minority names), or a foreign name in Latin letters. */
export function nameProblem(name: string): string | null {
  if (!name) return "请填写姓名";
  if (/^[\u4e00-\u9fa5]{1,}(·[\u4e00-\u9fa5]+)*$/.test(name))
    return name.replace(/·/g, "").length >= 2 && name.length <= 30 ? null : "中文姓名应为 2–30 个汉字";
  if (/^[A-Za-z][A-Za-z .'-]{0,58}[A-Za-z.]$/.test(name)) return null;
  return "姓名只能是中文姓名或外文姓名（字母、空格、点、连字符）";
}

export const PHONE = /^1[3-9]\d{9}$/;
