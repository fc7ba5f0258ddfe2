import { z } from "zod";
import { createTRPCRouter, pageInput, portalProcedure } from "@/server/api/trpc";
import { deleteCandidates, resetCandidatePassword, saveCandidate } from "@/server/candidates/save-candidate";
import { importRecord, importRecords } from "@/server/candidates/imports";
import { confirmCandidate, verifyCandidates } from "@/server/candidates/verify";
import { candidateDetail } from "@/server/candidates/queries";

const school = portalProcedure("school");
const field = z
  .string()
  .max(60)
  .nullish()
  .transform((v) => v ?? "");

export const candidatesRouter = createTRPCRouter({
  save: school
    .input(
      z.strictObject({
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
        photoFileId: z.uuid().nullish(),
      }),
    )
    .mutation(({ ctx, input }) => saveCandidate(ctx, ctx.session, input, ctx.meta)),
  /** One candidate for the edit form; the ID number in full only here, to the school that holds it. */
  detail: school.input(z.strictObject({ id: z.uuid("考生不存在") })).query(({ ctx, input }) => candidateDetail({ ctx, input })),
  delete: school
    .input(z.strictObject({ ids: z.array(z.uuid()).min(1, "请先勾选考生").max(500) }))
    .mutation(({ ctx, input }) => deleteCandidates(ctx, ctx.session, input.ids, ctx.meta)),
  resetPassword: school
    .input(z.strictObject({ id: z.uuid("考生不存在") }))
    .mutation(({ ctx, input }) => resetCandidatePassword(ctx, ctx.session, input.id, ctx.meta)),
  /** 认证 (one) and 批量认证 (ticked): only 信息待认证 rows move. */
  verify: school
    .input(z.strictObject({ ids: z.array(z.uuid()).min(1, "请先勾选考生").max(500) }))
    .mutation(({ ctx, input }) => verifyCandidates(ctx, ctx.session, input.ids, ctx.meta)),
  /** 人工确认: single only, by design. */
  confirm: school.input(z.strictObject({ id: z.uuid("考生不存在") })).mutation(({ ctx, input }) => confirmCandidate(ctx, ctx.session, input.id, ctx.meta)),
  imports: school
    .input(z.strictObject({ kind: z.enum(["CANDIDATES", "CANDIDATE_UPDATES", "CANDIDATE_PHOTOS"]).optional(), ...pageInput }))
    .query(({ ctx, input }) => importRecords(ctx, ctx.session, input)),
  importStatus: school.input(z.strictObject({ id: z.uuid("导入记录不存在") })).query(({ ctx, input }) => importRecord(ctx, ctx.session, input.id)),
});
