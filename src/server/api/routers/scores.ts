import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { resultDetail, scorePlans } from "@/server/scores/queries";
import { enterScore, scoreCorrectionSchema, scoreEntrySchema } from "@/server/scores/enter-score";
import { correctScore } from "@/server/scores/correct-score";

const org = permissionProcedure("org.scores");

export const scoresRouter = createTRPCRouter({
  /** The org's plans in or past 成绩登记, with their phase (import dialog, filters). */
  plans: org.query(({ ctx }) => scorePlans({ ctx })),
  /** 录入成绩: one sitting, inside 成绩登记. */
  enter: org.input(scoreEntrySchema).mutation(({ ctx, input }) => enterScore({ ctx, input })),
  /** 更正成绩: during 成绩公示, with a reason. */
  correct: org.input(scoreCorrectionSchema).mutation(({ ctx, input }) => correctScore({ ctx, input })),
  /** 查看考证详情 (org and school). */
  result: permissionProcedure("org.scores", "school.scores")
    .input(z.strictObject({ id: z.uuid("考证结果不存在") }))
    .query(({ ctx, input }) => resultDetail({ ctx, input })),
});
