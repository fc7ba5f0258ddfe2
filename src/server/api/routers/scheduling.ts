import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { publishScheduling, runScheduling, runSchedulingSchema } from "@/server/scheduling/run-scheduling";

const org = permissionProcedure("org.scheduling");

export const schedulingRouter = createTRPCRouter({
  /** 自动排考 of some subjects of a plan, or all (published seats and tickets kept). */
  run: org.input(runSchedulingSchema).mutation(({ ctx, input }) => runScheduling({ ctx, input })),
  /** 发布: schools and students see the schedule from then on. */
  publish: org.input(runSchedulingSchema).mutation(({ ctx, input }) => publishScheduling({ ctx, input })),
});
