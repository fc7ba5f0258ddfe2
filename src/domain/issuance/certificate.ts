// What an issued certificate says and how it is numbered: the 证书编号, the bilingual wording of 004's sample, and
// the ledger leaf that records it without the holder's identity (a masked name and a salted ID commitment).
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import type { IssuanceStatus } from "./state";

export type Level = keyof typeof LEVEL_LABELS;
export const LEVEL_ENGLISH: Record<Level, string> = { JUNIOR: "Primary", INTERMEDIATE: "Intermediate", SENIOR: "Advanced" };
export const MODE_LABELS = { PAPER: "纸质证书", ELECTRONIC: "电子证书" } as const;
export type IssueMode = keyof typeof MODE_LABELS;

// ── 证书编号 (23 digits, the shape of 15600031015610012000045) ──
// org code (3) · year (2) · certificate level code (8) · serial (9) · check digit (1, Damm), so a
// mistyped digit is caught before any lookup. The level code is unique on the platform, so the prefix is too: an org
// code that is not 1–3 digits contributes its last three digits (or 000) without risk of a clash.
export const CERTIFICATE_NUMBER_RE = /^\d{23}$/;
export const SERIAL_MAX = 999_999_999;

export function numberPrefix(orgCode: string, year: number, levelCode: string): string {
  if (!/^\d{8}$/.test(levelCode)) throw new Error(`证书编号 ${levelCode} 须为 8 位数字`);
  const org = /^\d{1,3}$/.test(orgCode) ? orgCode : orgCode.replace(/\D/g, "").slice(-3);
  return `${org.padStart(3, "0")}${String(year % 100).padStart(2, "0")}${levelCode}`;
}

// Damm's totally anti-symmetric quasigroup of order 10: catches every single-digit error and every swap of two
// neighbouring digits (ISO 7064 MOD 11,10 misses some swaps).
const DAMM = ["0317598642", "7092154863", "4206871359", "1750983426", "6123045978", "3674209581", "5869720134", "8945362017", "9438617205", "2581436790"];

/** The Damm check digit over decimal digits. */
export function checkDigit(digits: string): string {
  let interim = 0;
  for (const c of digits) interim = Number(DAMM[interim][Number(c)]);
  return String(interim);
}

export function certificateNumber(prefix: string, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > SERIAL_MAX) throw new Error(`证书序号 ${serial} 超出范围`);
  const body = `${prefix}${String(serial).padStart(9, "0")}`;
  return body + checkDigit(body);
}

export function isCertificateNumber(s: string): boolean {
  return CERTIFICATE_NUMBER_RE.test(s) && checkDigit(s.slice(0, 22)) === s[22];
}

// ── wording (004's sample) ──
const SUFFIX_ZH = "职业技能等级证书";
const SUFFIX_EN = /\s*Vocational Skill Level Certificate$/i;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export type Wording = { zh: string; en: string };

/** "…年…月参加…职业技能等级水平考核，成绩合格，核发…职业技能等级证书（…级）。学习成果已经职业教育国家学分银行认定。" */
export function certificateWording(w: {
  name: string;
  pinyin: string;
  examYear: number;
  examMonth: number; // 1–12
  certificateName: string;
  englishName: string | null;
  level: Level;
}): Wording {
  const skill = w.certificateName.endsWith(SUFFIX_ZH) ? w.certificateName.slice(0, -SUFFIX_ZH.length) : w.certificateName;
  const zh = `${w.examYear}年${w.examMonth}月参加${skill}职业技能等级水平考核，成绩合格，核发${skill}${SUFFIX_ZH}（${LEVEL_LABELS[w.level]}）。学习成果已经职业教育国家学分银行认定。`;
  const skillEn = (w.englishName ?? "").replace(SUFFIX_EN, "").trim() || skill;
  const holder = englishName(w.pinyin) || w.name;
  const en =
    `This is to certify that ${holder} has passed the assessment in ${MONTHS[w.examMonth - 1]} ${w.examYear} and is qualified for the ` +
    `${LEVEL_ENGLISH[w.level]} Level of ${skillEn}. The learning outcomes are recognized by the National Credit Bank for Vocational Education.`;
  return { zh, en };
}

/** The wording of a registration's certificate: the exam's month in Beijing time, the holder, the certificate. */
export function registrationWording(reg: {
  name: string;
  pinyin: string;
  plan: { examStartsAt: Date };
  certificateLevel: { level: Level; certificate: { name: string; englishName: string | null } };
}): Wording {
  const [year, month] = beijingDate(reg.plan.examStartsAt).split("-").map(Number);
  return certificateWording({
    name: reg.name,
    pinyin: reg.pinyin,
    examYear: year,
    examMonth: month,
    certificateName: reg.certificateLevel.certificate.name,
    englishName: reg.certificateLevel.certificate.englishName,
    level: reg.certificateLevel.level,
  });
}

/** "zhang san feng" → "ZHANG Sanfeng" (family name first, as Chinese passports print it). */
export function englishName(pinyin: string): string {
  const parts = pinyin.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return "";
  const [family, ...given] = parts;
  const rest = given.join("");
  return [family.toUpperCase(), rest ? rest[0].toUpperCase() + rest.slice(1).toLowerCase() : ""].filter(Boolean).join(" ");
}

/** 张** — the family name and a star for each other character. */
export const maskName = (name: string) => [...name].map((c, i) => (i === 0 ? c : "*")).join("");

// ── the ledger leaf ──
/** The holder's ID number bound to a per-certificate salt: the leaf proves whose certificate it is to anyone shown
 * the ID number and the salt, and reveals nothing to anyone else. */
export function idCommitment(salt: string, idNumber: string): string {
  return bytesToHex(sha256(utf8ToBytes(`vslc-id-commitment:v1:${salt}:${idNumber.toUpperCase()}`)));
}

export type IssuedLeaf = {
  type: "certificate-issued";
  version: 1;
  certificateNumber: string;
  holder: { name: string; idCommitment: string };
  certificate: { code: string; name: string; level: Level };
  org: { code: string; name: string };
  issuedOn: string; // YYYY-MM-DD, Beijing
  mode: IssueMode;
  document: { sha256: string };
};

export function issuedLeaf(c: {
  certificateNumber: string;
  name: string;
  idNumber: string;
  idSalt: string;
  levelCode: string;
  certificateName: string;
  level: Level;
  orgCode: string;
  orgName: string;
  issuedAt: Date;
  mode: IssueMode;
  pdf: Uint8Array;
}): IssuedLeaf {
  return {
    type: "certificate-issued",
    version: 1,
    certificateNumber: c.certificateNumber,
    holder: { name: maskName(c.name), idCommitment: idCommitment(c.idSalt, c.idNumber) },
    certificate: { code: c.levelCode, name: c.certificateName, level: c.level },
    org: { code: c.orgCode, name: c.orgName },
    issuedOn: beijingDate(c.issuedAt),
    mode: c.mode,
    document: { sha256: bytesToHex(sha256(c.pdf)) },
  };
}

export function revokedLeaf(c: { certificateNumber: string; revokedAt: Date; reason: string }) {
  return {
    type: "certificate-revoked" as const,
    version: 1 as const,
    certificateNumber: c.certificateNumber,
    revokedAt: c.revokedAt.toISOString(),
    reason: c.reason,
  };
}

export const beijingDate = (d: Date) => d.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
export const beijingDateZh = (d: Date) => {
  const [y, m, day] = beijingDate(d).split("-").map(Number);
  return `${y}年${m}月${day}日`;
};

// ── revocation ──
export const REVOCATION_REASON_MAX = 200;

export function revocationProblem(r: { status: IssuanceStatus; revokedAt: Date | null }, reason: string): string | null {
  if (r.status !== "ISSUED") return "只有完成发放的证书可以撤销";
  if (r.revokedAt) return "该证书已撤销";
  const t = reason.trim();
  if (!t) return "请填写撤销理由";
  if (t.length > REVOCATION_REASON_MAX) return `撤销理由不超过 ${REVOCATION_REASON_MAX} 个字`;
  return null;
}

/** Why a certificate cannot go through generation (盖章失败's cause), or null. */
export function sealProblem(mode: IssueMode, has: { seal: boolean; signature: boolean; photo: boolean }): string | null {
  if (!has.photo) return "考生照片缺失，请院校补充考生照片后重新发放";
  if (!has.signature) return "考核站点负责人电子签章未上传，请院校负责人上传后重新发放";
  if (mode === "ELECTRONIC" && !has.seal) return "培训评价组织电子公章未上传，请上传电子公章后重新发放";
  return null;
}
