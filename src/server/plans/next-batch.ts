// The 申报批次 the 发布申报计划 form proposes: the department's next unused batch of the year (manual 002 §6).
import type { DepartmentScope } from "@/server/tenancy";
import type { ReadCtx } from "@/server/use-case";
import { nextBatch } from "@/domain/pilots/plan";

export async function proposedBatch({ ctx, input }: { ctx: ReadCtx<DepartmentScope>; input: { year: number } }) {
  const used = await ctx.db.applicationPlan.findMany({ where: { departmentId: ctx.scope.departmentId, year: input.year }, select: { batch: true } });
  return { batch: nextBatch(used.map((p) => p.batch)) };
}
