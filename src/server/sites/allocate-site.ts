// 考核站点分配 (借考, 002 §5.2.4.2): the org lends one of its approved, enabled sites to other schools of a plan
// for a certificate level the site holds and the plan examines. The borrowing school then registers its own
// students as usual; until the plan's scheduling ends the org may take an allocation back if no room uses it.
import { badRequest, conflict, notFound } from "@/server/errors";
import type { OrgScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { siteUsable } from "@/domain/sites/rules";
import { roomStatus } from "@/domain/rooms/rules";
import { z } from "zod";

export const allocationInputSchema = z.strictObject({
  planId: z.uuid("请选择考试计划"),
  siteId: z.uuid("请选择考核站点"),
  certificateLevelId: z.uuid("请选择考试证书"),
  schoolIds: z.array(z.uuid()).min(1, "请选择借考院校").max(200),
});
export type AllocationInput = z.infer<typeof allocationInputSchema>;

export async function allocateSite({ ctx, input }: { ctx: UseCaseCtx<OrgScope>; input: AllocationInput }) {
  const { db, scope, clock, actor } = ctx;
  const plan = await db.examPlan.findFirst({ where: { id: input.planId, orgId: scope.orgId }, include: { levels: true, schools: true } });
  if (!plan) throw notFound("考试计划不存在");
  if (roomStatus(plan, clock.now()) === "ENDED") throw badRequest("考试计划的排考时间已结束，不能再分配考核站点");
  const site = await db.assessmentSite.findFirst({
    where: { id: input.siteId, orgId: scope.orgId },
    include: { levels: true, school: { select: { name: true } } },
  });
  if (!site) throw notFound("考核站点不存在");
  if (!siteUsable(site)) throw badRequest("只能分配审核通过且已启用的考核站点");
  if (!site.levels.some((l) => l.certificateLevelId === input.certificateLevelId)) throw badRequest("该考核站点没有申报此证书等级");
  if (!plan.levels.some((l) => l.certificateLevelId === input.certificateLevelId)) throw badRequest("该证书等级不在此考试计划中");
  const schoolIds = [...new Set(input.schoolIds)];
  if (schoolIds.includes(site.schoolId)) throw badRequest(`${site.school.name}是该考核站点的申报院校，无需分配`);
  const outside = schoolIds.filter((id) => !plan.schools.some((s) => s.schoolId === id));
  if (outside.length) throw badRequest("借考院校须为该考试计划的参考院校");
  const existing = await db.siteAllocation.findMany({
    where: { planId: plan.id, siteId: site.id, certificateLevelId: input.certificateLevelId, schoolId: { in: schoolIds } },
    select: { schoolId: true },
  });
  const fresh = schoolIds.filter((id) => !existing.some((e) => e.schoolId === id));
  if (fresh.length === 0) throw conflict("所选院校已分配到该考核站点");
  await change(
    ctx,
    (tx) =>
      tx.siteAllocation.createMany({
        data: fresh.map((schoolId) => ({
          planId: plan.id,
          siteId: site.id,
          schoolId,
          certificateLevelId: input.certificateLevelId,
          createdById: actor.id,
          createdAt: clock.now(),
        })),
      }),
    {
      action: "site.allocate",
      targetType: "AssessmentSite",
      targetId: site.id,
      summary: `分配考核站点 ${site.name} 给 ${fresh.length} 所院校借考（${plan.name}）`,
    },
    { unique: "所选院校已分配到该考核站点" },
  );
  return { allocated: fresh.length, skipped: schoolIds.length - fresh.length };
}

export async function removeAllocation({ ctx, input: { id } }: { ctx: UseCaseCtx<OrgScope>; input: { id: string } }) {
  const { db, scope, clock } = ctx;
  const a = await db.siteAllocation.findFirst({
    where: { id, site: { orgId: scope.orgId } },
    include: { plan: true, site: { select: { name: true } }, school: { select: { name: true } } },
  });
  if (!a) throw notFound("分配记录不存在");
  if (roomStatus(a.plan, clock.now()) !== "NOT_SCHEDULED") throw badRequest("考试计划已进入排考，不能取消分配");
  const rooms = await db.examRoom.count({ where: { planId: a.planId, siteId: a.siteId, certificateLevelId: a.certificateLevelId, schoolId: a.schoolId } });
  if (rooms) throw badRequest(`${a.school.name}已在该考核站点设置了 ${rooms} 个考场，不能取消分配`);
  await change(ctx, (tx) => tx.siteAllocation.delete({ where: { id } }), {
    action: "site.unallocate",
    targetType: "AssessmentSite",
    targetId: a.siteId,
    summary: `取消 ${a.school.name} 在考核站点 ${a.site.name} 的借考分配（${a.plan.name}）`,
  });
  return { id };
}
