// 申报计划: provincial departments publish plans; their cities and the schools of the province read them.
import type { Db } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";
import { badRequest, conflict, forbidden, notFound } from "@/server/errors";
import type { DepartmentScope, Scope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { provinceCodeOf } from "@/domain/regions";
import { planProblem, planStatus } from "@/domain/pilots/plan";

export type PlanInput = {
  id?: string;
  year: number;
  batch: string;
  startsAt: Date;
  endsAt: Date;
  byMajor: boolean;
  cityReviewFirst: boolean;
  scope: "ALL" | "PARTIAL";
  certificateIds: string[];
};

/** The plans this user may read: a province its own, a city its province's, a school its province's. */
export async function visiblePlansWhere(db: Db, scope: Scope): Promise<Prisma.ApplicationPlanWhereInput> {
  if (scope.kind === "department") return { department: { level: "PROVINCE", regionCode: scope.provinceCode } };
  if (scope.kind === "school") {
    const school = await db.school.findUniqueOrThrow({ where: { id: scope.schoolId }, select: { regionCode: true } });
    return { department: { level: "PROVINCE", regionCode: provinceCodeOf(school.regionCode) } };
  }
  throw forbidden();
}

/** The reader may publish plans: provincial departments only. */
export function canManagePlans(scope: Scope): boolean {
  return scope.kind === "department" && scope.level === "PROVINCE";
}

function requireProvince(d: DepartmentScope) {
  if (d.level !== "PROVINCE") throw forbidden("申报计划由省级教育行政部门发布");
  return d;
}

export async function savePlan({ ctx, input }: { ctx: UseCaseCtx<DepartmentScope>; input: PlanInput }) {
  const { db, clock } = ctx;
  const d = requireProvince(ctx.scope);
  const now = clock.now();
  const batch = input.batch.trim();
  const certificateIds = input.scope === "PARTIAL" ? [...new Set(input.certificateIds)] : [];
  const existing = input.id
    ? await db.applicationPlan.findFirst({ where: { id: input.id, departmentId: d.departmentId }, include: { _count: { select: { applications: true } } } })
    : null;
  if (input.id && !existing) throw notFound("申报计划不存在");
  const problem = planProblem({ ...input, batch, certificateIds }, now, existing ?? undefined);
  if (problem) throw badRequest(problem);
  if (
    existing &&
    existing._count.applications > 0 &&
    (existing.byMajor !== input.byMajor || existing.scope !== input.scope || existing.cityReviewFirst !== input.cityReviewFirst)
  ) {
    throw badRequest("已有院校按此计划申报，不能再修改填报方式、审批流程或证书范围");
  }
  if (certificateIds.length && (await db.certificate.count({ where: { id: { in: certificateIds }, status: "ENABLED" } })) !== certificateIds.length) {
    throw badRequest("所选证书不存在或已停用");
  }
  const clash = await db.applicationPlan.findFirst({
    where: { departmentId: d.departmentId, year: input.year, batch, ...(existing ? { id: { not: existing.id } } : {}) },
    select: { id: true },
  });
  if (clash) throw conflict(`${input.year}年${batch}已存在`);
  const data = {
    year: input.year,
    batch,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    byMajor: input.byMajor,
    cityReviewFirst: input.cityReviewFirst,
    scope: input.scope,
  };
  return change(
    ctx,
    async (tx) => {
      const plan = existing
        ? await tx.applicationPlan.update({ where: { id: existing.id }, data })
        : await tx.applicationPlan.create({ data: { ...data, departmentId: d.departmentId, createdById: ctx.actor.id } });
      await tx.applicationPlanCertificate.deleteMany({ where: { planId: plan.id } });
      if (certificateIds.length)
        await tx.applicationPlanCertificate.createMany({ data: certificateIds.map((certificateId) => ({ planId: plan.id, certificateId })) });
      return { id: plan.id };
    },
    (plan) => ({
      action: existing ? "plan.update" : "plan.create",
      targetType: "ApplicationPlan",
      targetId: plan.id,
      summary: `${existing ? "修改" : "发布"}申报计划 ${input.year}年${batch}`,
    }),
    { unique: `${input.year}年${batch}已存在` },
  );
}

export async function deletePlan({ ctx, input: { id } }: { ctx: UseCaseCtx<DepartmentScope>; input: { id: string } }) {
  const { db, clock } = ctx;
  const d = requireProvince(ctx.scope);
  const plan = await db.applicationPlan.findFirst({ where: { id, departmentId: d.departmentId }, include: { _count: { select: { applications: true } } } });
  if (!plan) throw notFound("申报计划不存在");
  if (planStatus(plan, clock.now()) !== "NOT_STARTED" || plan._count.applications > 0) throw badRequest("只能删除尚未开始且无人申报的申报计划");
  await change(ctx, (tx) => tx.applicationPlan.delete({ where: { id: plan.id } }), {
    action: "plan.delete",
    targetType: "ApplicationPlan",
    targetId: plan.id,
    summary: `删除申报计划 ${plan.year}年${plan.batch}`,
  });
  return { ok: true };
}
