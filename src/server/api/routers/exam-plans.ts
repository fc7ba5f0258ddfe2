import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { deleteExamPlan, saveExamPlan } from "@/server/exam-plans/save-plan";
import { examPlanDetail, examPlanOptions } from "@/server/exam-plans/queries";
import { examPlanInputSchema } from "@/domain/exams/plan";

const org = permissionProcedure("org.examPlans");
const id = z.strictObject({ id: z.uuid("考试计划不存在") });

export const examPlansRouter = createTRPCRouter({
  /** 发布考试计划 / 编辑 (before 报考 opens). */
  save: org.input(examPlanInputSchema).mutation(({ ctx, input }) => saveExamPlan({ ctx, input })),
  delete: org.input(id).mutation(({ ctx, input }) => deleteExamPlan({ ctx, input })),
  options: org.query(({ ctx }) => examPlanOptions({ ctx })),
  /** 计划信息 and 考试规则: the org's own plans, a school's plans it takes part in. */
  detail: permissionProcedure("org.examPlans", "school.examPlans")
    .input(id)
    .query(({ ctx, input }) => examPlanDetail({ ctx, input })),
});
