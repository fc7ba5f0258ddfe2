// 成绩查询 / 证书查询 (public, no login): what a query must carry, how often it may come, and what an answer may show.
// A query proves knowledge of a person's name and ID number (or a certificate's number and its holder's name); the
// answer shows that person's published scores or certificates and nothing else — no phone, no school, the ID masked.
import { z } from "zod";

/** Per client address, per ID number and per certificate number; counted in PostgreSQL, so shared by every instance. */
export const LOOKUP_LIMITS = {
  perClientPerMinute: 30,
  perIdNumberPerHour: 10,
  perCertificateNumberPerHour: 10,
} as const;
export const TOO_MANY_LOOKUPS = "查询过于频繁，请稍后再试";
export const CHALLENGE_FAILED = "安全校验未通过或已过期，请重新查询";

export const normalizeIdNumber = (s: string) => s.trim().toUpperCase();
export const normalizeName = (s: string) => s.trim().replace(/\s+/g, " ");

const name = z.string().trim().min(2, "请输入姓名").max(30, "姓名不超过 30 个字");
const idNumber = z
  .string()
  .trim()
  .min(6, "请输入证件号码")
  .max(30, "证件号码不超过 30 位")
  .regex(/^[0-9A-Za-z()（）-]+$/, "证件号码只能包含字母、数字和括号");
const challenge = { challengeId: z.string().max(64), work: z.number().int().min(0).max(10_000_000) };

export const scoreLookupSchema = z.strictObject({
  name,
  idNumber,
  planCode: z.string().trim().max(20).optional(),
  ...challenge,
});
export type ScoreLookupInput = z.infer<typeof scoreLookupSchema>;

export const certificateLookupSchema = z.union([
  z.strictObject({
    by: z.literal("number"),
    certificateNumber: z
      .string()
      .trim()
      .regex(/^\d{23}$/, "证书编号为 23 位数字"),
    name,
    ...challenge,
  }),
  z.strictObject({ by: z.literal("person"), name, idNumber, ...challenge }),
]);
export type CertificateLookupInput = z.infer<typeof certificateLookupSchema>;
