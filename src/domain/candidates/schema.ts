// The 添加考生 / 编辑考生 form's input, shared by the form and the procedure. Cleaning and the rules
// (ID checks, names, locks) run on the server in cleanCandidate; this only bounds the shape.
import { z } from "zod";

const field = z
  .string()
  .max(60)
  .nullish()
  .transform((v) => v ?? "");

export const candidateInputSchema = z.strictObject({
  id: z.uuid().optional(),
  type: z.enum(["SCHOOL", "SOCIAL"]),
  name: z.string().max(60),
  pinyin: field,
  gender: z.enum(["MALE", "FEMALE"]),
  idType: z.enum(["RESIDENT_ID", "HMT_RESIDENCE", "HK_MACAO_PERMIT", "TAIWAN_PERMIT", "PASSPORT"]),
  idNumber: z.string().max(40),
  phone: field,
  enrolYear: z.number().int().min(1990).max(2100).nullish(),
  majorLevel: z.enum(["SECONDARY", "HIGHER_VOCATIONAL", "VOCATIONAL_BACHELOR", "BACHELOR"]).nullish(),
  majorCode: field,
  /** 就读专业 picked from the catalogue (the form); imports give majorCode. */
  majorId: z.uuid("所选专业不存在").nullish(),
  photoFileId: z.uuid().nullish(),
});
export type CandidateInput = z.infer<typeof candidateInputSchema>;
