// The org's side of 考核站点 (DOMAIN: 待审核 → 审核通过 | 审核退回): approve (the site is then 已启用), return with
// a reason, batch approve; enable and disable approved sites. Decisions are conditional updates, so two tabs
// cannot both decide, and the school's contact hears the outcome by SMS after the change committed.
import { badRequest, conflict, notFound } from "@/server/errors";
import type { OrgScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { notify, recordEvent } from "@/server/reviews/events";
import { canReviewSite, canToggleSite } from "@/domain/sites/rules";
import { returnReasonProblem } from "@/domain/pilots/review";

export type SiteDecision = { id: string; approve: boolean; reason?: string };

export async function decideSite({ ctx, input }: { ctx: UseCaseCtx<OrgScope>; input: SiteDecision }) {
  const { orgId } = ctx.scope;
  const site = await ctx.db.assessmentSite.findFirst({
    where: { id: input.id, orgId, reviewStatus: { not: "DRAFT" } },
    select: { id: true, name: true, reviewStatus: true, contactPhone: true },
  });
  if (!site) throw notFound("考核站点不存在");
  if (!canReviewSite(site.reviewStatus)) throw badRequest("该考核站点已审核，不能重复审核");
  const reason = input.reason?.trim() ?? "";
  if (!input.approve) {
    const problem = returnReasonProblem(reason);
    if (problem) throw badRequest(problem);
  }
  const now = ctx.clock.now();
  await change(
    ctx,
    async (tx) => {
      const claimed = await tx.assessmentSite.updateMany({
        where: { id: site.id, orgId, reviewStatus: "SUBMITTED" },
        data: input.approve ? { reviewStatus: "APPROVED", status: "ENABLED", reviewedAt: now } : { reviewStatus: "RETURNED", reviewedAt: now },
      });
      if (claimed.count === 0) throw conflict("该考核站点已被审核或已被院校撤销，请刷新后查看");
      await recordEvent(tx, { siteId: site.id }, { action: input.approve ? "APPROVE" : "RETURN", reason: reason || null }, ctx.actor, now);
    },
    {
      action: input.approve ? "site.approve" : "site.return",
      targetType: "AssessmentSite",
      targetId: site.id,
      summary: `${input.approve ? "审核通过" : "退回"}考核站点 ${site.name}${reason ? `：${reason}` : ""}`,
    },
  );
  await notify(
    ctx.sms,
    site.contactPhone,
    input.approve
      ? `贵校申报的${site.name}已审核通过，可组织学生考试。`
      : `贵校申报的${site.name}被退回，原因：${reason.slice(0, 60)}。请登录平台修改后重新提交。`,
  );
  return { id: site.id };
}

/** 批量审核通过: each ticked 待审核 site passes; the rest are reported, not fatal. */
export async function approveSites({ ctx, input: { ids } }: { ctx: UseCaseCtx<OrgScope>; input: { ids: string[] } }) {
  const failed: { id: string; message: string }[] = [];
  let approved = 0;
  for (const id of [...new Set(ids)]) {
    try {
      await decideSite({ ctx, input: { id, approve: true } });
      approved++;
    } catch (e) {
      failed.push({ id, message: (e as Error).message });
    }
  }
  return { approved, failed };
}

/** 启用 / 停用 an approved site: a stopped site takes no new rooms or allocations. */
export async function setSiteEnabled({ ctx, input }: { ctx: UseCaseCtx<OrgScope>; input: { id: string; enabled: boolean } }) {
  const { orgId } = ctx.scope;
  const site = await ctx.db.assessmentSite.findFirst({
    where: { id: input.id, orgId, reviewStatus: { not: "DRAFT" } },
    select: { id: true, name: true, reviewStatus: true },
  });
  if (!site) throw notFound("考核站点不存在");
  if (!canToggleSite(site.reviewStatus)) throw badRequest("只有审核通过的考核站点可以启用或停用");
  await change(ctx, (tx) => tx.assessmentSite.update({ where: { id: site.id }, data: { status: input.enabled ? "ENABLED" : "DISABLED" } }), {
    action: input.enabled ? "site.enable" : "site.disable",
    targetType: "AssessmentSite",
    targetId: site.id,
    summary: `${input.enabled ? "启用" : "停用"}考核站点 ${site.name}`,
  });
  return { id: site.id };
}
