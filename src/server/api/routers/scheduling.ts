import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { requestScheduling, schedulingRunStatus, schedulingSchema } from "@/server/scheduling/request-scheduling";
import { publishScheduling } from "@/server/scheduling/publish-scheduling";
import { planSubjectSites, roomScheduleDetail, schedulingPlans } from "@/server/scheduling/queries";
import { documentSchema, requestDocument } from "@/server/scheduling/documents";
import { moveSitting, moveSittingSchema, moveTargets } from "@/server/scheduling/move-sitting";
import { changeDuty, changeDutySchema, dutyCandidates } from "@/server/scheduling/change-duty";

const org = permissionProcedure("org.scheduling");
const reader = permissionProcedure("org.scheduling", "school.scheduling");
const byId = z.strictObject({ id: z.uuid("记录不存在") });

export const schedulingRouter = createTRPCRouter({
  /** 自动排考 of some subjects of a plan, or all, as a job (published seats and tickets kept). */
  run: org.input(schedulingSchema).mutation(({ ctx, input }) => requestScheduling({ ctx, input })),
  runStatus: org.input(byId).query(({ ctx, input }) => schedulingRunStatus({ ctx, input })),
  /** 发布: schools and students see the schedule from then on. */
  publish: org.input(schedulingSchema).mutation(({ ctx, input }) => publishScheduling({ ctx, input })),
  plans: org.query(({ ctx }) => schedulingPlans({ ctx })),
  /** 调整考场: one candidate to another room and seat at the site (or an unplaced one into a free seat). */
  move: org.input(moveSittingSchema).mutation(({ ctx, input }) => moveSitting({ ctx, input })),
  moveTargets: org.input(byId).query(({ ctx, input }) => moveTargets({ ctx, input })),
  /** 更换监考 / 巡考: another certified person, or a swap with one on the same subject. */
  changeDuty: org.input(changeDutySchema).mutation(({ ctx, input }) => changeDuty({ ctx, input })),
  dutyCandidates: org.input(byId).query(({ ctx, input }) => dutyCandidates({ ctx, input })),
  sites: reader.input(byId).query(({ ctx, input }) => planSubjectSites({ ctx, input })),
  room: reader.input(byId).query(({ ctx, input }) => roomScheduleDetail({ ctx, input })),
  /** 导出准考证 / 下载考场门贴 / 桌贴 / 签到表 for a room or a site's rooms of a subject, as a job. */
  document: reader.input(documentSchema).mutation(({ ctx, input }) => requestDocument({ ctx, input })),
});
