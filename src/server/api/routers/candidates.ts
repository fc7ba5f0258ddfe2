import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { deleteCandidates, resetCandidatePassword, saveCandidate } from "@/server/candidates/save-candidate";
import { confirmCandidate, verificationStatus, verifyCandidates } from "@/server/candidates/verify";
import { candidateDetail, candidateView } from "@/server/candidates/queries";
import { searchMajors } from "@/server/catalogue/search-majors";
import { candidateInputSchema } from "@/domain/candidates/schema";

const school = permissionProcedure("school.candidates");
export const candidatesRouter = createTRPCRouter({
  save: school.input(candidateInputSchema).mutation(({ ctx, input }) => saveCandidate({ ctx, input })),
  /** One candidate for the edit form; the ID number in full only here, to the school that holds it. */
  detail: school.input(z.strictObject({ id: z.uuid("考生不存在") })).query(({ ctx, input }) => candidateDetail({ ctx, input })),
  /** 查看: every field masked, the photo, 已报考证书 and the information's history. */
  view: school.input(z.strictObject({ id: z.uuid("考生不存在") })).query(({ ctx, input }) => candidateView({ ctx, input })),
  /** 就读专业 options: the major catalogue at the chosen 专业层次, searchable by name or code. */
  majors: school
    .input(
      z.strictObject({
        q: z.string().trim().max(30).optional(),
        level: z.enum(["SECONDARY", "HIGHER_VOCATIONAL", "VOCATIONAL_BACHELOR", "BACHELOR"]).optional(),
      }),
    )
    .query(({ ctx, input }) => searchMajors({ ctx, input: { ...input, take: 30 } })),
  delete: school
    .input(z.strictObject({ ids: z.array(z.uuid()).min(1, "请先勾选考生").max(500) }))
    .mutation(({ ctx, input }) => deleteCandidates({ ctx, input })),
  resetPassword: school.input(z.strictObject({ id: z.uuid("考生不存在") })).mutation(({ ctx, input }) => resetCandidatePassword({ ctx, input })),
  /** 认证 (one) and 批量认证 (ticked): queues the 信息待认证 rows' identity checks; poll verification. */
  verify: school
    .input(z.strictObject({ ids: z.array(z.uuid()).min(1, "请先勾选考生").max(500) }))
    .mutation(({ ctx, input }) => verifyCandidates({ ctx, input })),
  verification: school.input(z.strictObject({ id: z.uuid("认证批次不存在") })).query(({ ctx, input }) => verificationStatus({ ctx, input })),
  /** 人工确认: single only, by design. */
  confirm: school.input(z.strictObject({ id: z.uuid("考生不存在") })).mutation(({ ctx, input }) => confirmCandidate({ ctx, input })),
});
