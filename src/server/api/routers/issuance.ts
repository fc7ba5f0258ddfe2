import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { issuableFilter } from "@/server/issuance/issuable";
import { generateIssuances, issuablePreview } from "@/server/issuance/generate";
import { signIssuances, signSchema } from "@/server/issuance/sign";
import { refuseIssuances, refuseSchema } from "@/server/issuance/refuse";

const org = permissionProcedure("org.issuance");
const both = permissionProcedure("org.issuance", "school.issuance");

export const issuanceRouter = createTRPCRouter({
  /** 获取待发证记录's counts before 确认生成: 可发证 and 不可发证 under the filter. */
  preview: org.input(issuableFilter).query(({ ctx, input }) => issuablePreview({ ctx, input })),
  /** 确认生成: pending records for the 可发证 passes (never twice). */
  generate: org.input(issuableFilter).mutation(({ ctx, input }) => generateIssuances({ ctx, input })),
  /** 签发 / 批量确认签发 (org or school side): a drawn signature and an SMS code. */
  sign: both.input(signSchema).mutation(({ ctx, input }) => signIssuances({ ctx, input })),
  /** 拒绝签发 with a reason. */
  refuse: both.input(refuseSchema).mutation(({ ctx, input }) => refuseIssuances({ ctx, input })),
});
