// 发布排考 (org): the scheduled subjects become visible to schools and students; their seats and tickets stay from
// then on (a re-run keeps them). Inside 排考 only, and not while a run of the plan is going.
import type { z } from "zod";
import { badRequest } from "@/server/errors";
import type { OrgScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { schedulingWindowProblem } from "@/domain/scheduling/rules";
import { loadPlanSubjects } from "./run-scheduling";
import type { schedulingSchema } from "./request-scheduling";

export async function publishScheduling({ ctx, input }: { ctx: UseCaseCtx<OrgScope>; input: z.infer<typeof schedulingSchema> }) {
  const now = ctx.clock.now();
  const plan = await loadPlanSubjects(ctx.db, ctx.scope.orgId, input.planId, input.subjectIds);
  const window = schedulingWindowProblem(plan, now);
  if (window) throw badRequest(window);
  const ids = plan.subjects.map((s) => s.subjectId);
  return change(
    ctx,
    async (tx) => {
      if (await tx.schedulingRun.count({ where: { planId: plan.id, status: "RUNNING" } })) throw badRequest("该考试计划正在排考，请等待本次排考完成后再发布");
      const done = await tx.examPlanSubject.updateMany({
        where: { planId: plan.id, subjectId: { in: ids }, scheduledAt: { not: null } },
        data: { publishedAt: now },
      });
      if (done.count === 0) throw badRequest("请先排考再发布");
      return { published: done.count };
    },
    (r) => ({ action: "scheduling.publish", targetType: "ExamPlan", targetId: plan.id, summary: `发布排考 ${plan.name}：${r.published} 个科目` }),
  );
}
