// 自动排考 (org): the request checks the plan, its 排考 window and the subjects, then queues the run; the worker
// places and writes (run-scheduling.ts) and the page follows the run's stage. One run per plan at a time.
import { z } from "zod";
import { badRequest, notFound } from "@/server/errors";
import type { OrgScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { enqueue } from "@/server/jobs/queue";
import { schedulingWindowProblem } from "@/domain/scheduling/rules";
import { loadPlanSubjects, type SchedulingJob } from "./run-scheduling";

export const schedulingSchema = z.strictObject({
  planId: z.uuid("考试计划不存在"),
  /** None: every subject of the plan. */
  subjectIds: z.array(z.uuid("考试科目不存在")).max(200).optional(),
});

export async function requestScheduling({ ctx, input }: { ctx: UseCaseCtx<OrgScope>; input: z.infer<typeof schedulingSchema> }) {
  const now = ctx.clock.now();
  const plan = await loadPlanSubjects(ctx.db, ctx.scope.orgId, input.planId, input.subjectIds);
  const window = schedulingWindowProblem(plan, now);
  if (window) throw badRequest(window);
  if (plan.subjects.length === 0) throw badRequest("考试计划没有考试科目");
  return change(
    ctx,
    async (tx) => {
      const run = await tx.schedulingRun.create({
        data: {
          orgId: ctx.scope.orgId,
          planId: plan.id,
          subjectIds: input.subjectIds ?? [],
          createdById: ctx.actor.id,
          createdAt: now,
          heartbeatAt: now,
          stage: "排队中",
        },
      });
      const job: SchedulingJob = { runId: run.id, actor: ctx.actor, ip: ctx.meta.ip };
      await enqueue(tx, "schedule", job);
      return { runId: run.id };
    },
    (r) => ({
      action: "scheduling.request",
      targetType: "SchedulingRun",
      targetId: r.runId,
      summary: `申请自动排考 ${plan.name}：${input.subjectIds ? `${plan.subjects.length} 个科目` : "全部科目"}`,
    }),
    { unique: "该考试计划正在排考，请等待本次排考完成" },
  );
}

/** The page polls this while the run goes; only the org's own runs. */
export async function schedulingRunStatus({ ctx, input }: { ctx: { db: UseCaseCtx["db"]; scope: OrgScope }; input: { id: string } }) {
  const r = await ctx.db.schedulingRun.findFirst({ where: { id: input.id, orgId: ctx.scope.orgId } });
  if (!r) throw notFound("排考记录不存在");
  return {
    id: r.id,
    status: r.status,
    stage: r.stage,
    total: r.total,
    placed: r.placed,
    unplaced: r.unplaced,
    reasons: (r.reasons ?? []) as { reason: string; count: number }[],
    problems: r.problems.slice(0, 50),
    problemCount: r.problems.length,
    message: r.message,
  };
}
