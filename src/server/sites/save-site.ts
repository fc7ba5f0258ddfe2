// 申报考核站点 / 编辑 (002 §5.2.4.1): 保存 keeps it 未提交, 提交 sends it to the org (待审核). The name is
// generated; the levels must be the org's and ones the school pilots; one site per school per level.
import { badRequest, conflict, notFound } from "@/server/errors";
import type { SchoolScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { sqlOf } from "@/server/db";
import { recordEvent } from "@/server/reviews/events";
import { pilotLevelsWhere } from "@/server/catalogue/pilots";
import { sitesWhere } from "./scope";
import { canDeleteSite, canEditSite, canWithdrawSite, siteName, siteProblem, type SiteInput } from "@/domain/sites/rules";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";

const ONE_SITE_PER_LEVEL = "该证书等级已申报过考核站点，不能重复申报";

export async function saveSite({ ctx, input }: { ctx: UseCaseCtx<SchoolScope>; input: SiteInput }) {
  const { db, clock, scope, actor } = ctx;
  const { schoolId } = scope;
  const problem = siteProblem(input);
  if (problem) throw badRequest(problem);
  const existing = input.id ? await db.assessmentSite.findFirst({ where: { AND: [{ id: input.id }, sitesWhere(scope)] }, include: { levels: true } }) : null;
  if (input.id && !existing) throw notFound("考核站点不存在");
  if (existing && !canEditSite(existing.reviewStatus)) throw badRequest("只有未提交或审核退回的考核站点可以修改");
  if (existing && existing.orgId !== input.orgId) throw badRequest("不能更改申报对象，请删除后重新申报");
  const region = await db.region.findUnique({ where: { code: input.regionCode }, select: { level: true } });
  if (!region || region.level !== "DISTRICT") throw badRequest("请选择考核站点所在的省、市、区县");
  // The org's enabled certificate levels that this school (this account's certificates) pilots.
  const levels = await db.certificateLevel.findMany({
    where: { AND: [{ id: { in: input.certificateLevelIds } }, pilotLevelsWhere(scope), { certificate: { orgId: input.orgId, status: "ENABLED" } }] },
    include: { certificate: { select: { name: true } } },
    orderBy: [{ certificate: { code: "asc" } }, { level: "asc" }],
  });
  if (levels.length !== input.certificateLevelIds.length) throw badRequest("所选证书等级须为申报对象的证书、且为本校已获批试点的证书");
  const taken = await db.assessmentSiteLevel.findFirst({
    where: { schoolId, certificateLevelId: { in: levels.map((l) => l.id) }, ...(existing ? { siteId: { not: existing.id } } : {}) },
    include: { certificateLevel: { include: { certificate: { select: { name: true } } } } },
  });
  if (taken) throw conflict(`${taken.certificateLevel.certificate.name}（${LEVEL_LABELS[taken.certificateLevel.level]}）已申报过考核站点，不能重复申报`);
  if (
    input.evidenceFileId &&
    input.evidenceFileId !== existing?.evidenceFileId &&
    !(await db.storedFile.count({ where: { id: input.evidenceFileId, ownerUserId: actor.id, purpose: "SITE_EVIDENCE" } }))
  )
    throw badRequest("佐证材料不存在，请重新上传");
  const school = await db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { name: true } });
  const name = siteName(
    school.name,
    levels.map((l) => ({ certificateName: l.certificate.name, level: l.level })),
  );
  const now = clock.now();
  const data = {
    name,
    regionCode: input.regionCode,
    address: input.address.trim(),
    contactName: input.contactName.trim(),
    contactPhone: input.contactPhone.trim(),
    contactEmail: input.contactEmail.trim(),
    intro: input.intro.trim(),
    evidenceFileId: input.evidenceFileId ?? null,
    reviewStatus: input.submit ? ("SUBMITTED" as const) : (existing?.reviewStatus ?? ("DRAFT" as const)),
    submittedAt: input.submit ? now : (existing?.submittedAt ?? null),
  };
  return change(
    ctx,
    async (tx) => {
      let id: string;
      if (existing) {
        // Conditional: a submission meanwhile (another tab) is not overwritten.
        const claimed = await tx.assessmentSite.updateMany({ where: { id: existing.id, reviewStatus: { in: ["DRAFT", "RETURNED"] } }, data });
        if (claimed.count === 0) throw conflict("该考核站点已提交，请刷新后查看");
        await tx.assessmentSiteLevel.deleteMany({ where: { siteId: existing.id } });
        id = existing.id;
      } else {
        const [{ code }] = await sqlOf(tx)<{ code: string }>`SELECT nextval('assessment_site_code_seq')::text AS code`;
        id = (await tx.assessmentSite.create({ data: { ...data, code, schoolId, orgId: input.orgId, createdById: actor.id } })).id;
      }
      await tx.assessmentSiteLevel.createMany({ data: levels.map((l) => ({ siteId: id, schoolId, certificateLevelId: l.id })) });
      if (input.submit) await recordEvent(tx, { siteId: id }, { action: "SUBMIT" }, actor, now);
      return { id };
    },
    ({ id }) => ({
      action: input.submit ? "site.submit" : "site.save",
      targetType: "AssessmentSite",
      targetId: id,
      summary: `${input.submit ? "提交" : "保存"}考核站点申报 ${name}`,
    }),
    { unique: ONE_SITE_PER_LEVEL },
  );
}

/** 删除 / 批量删除考核站点: only 未提交 or 审核退回, all or nothing. */
export async function deleteSites({ ctx, input: { ids } }: { ctx: UseCaseCtx<SchoolScope>; input: { ids: string[] } }) {
  const { schoolId } = ctx.scope;
  // A sub-account limited to some certificates touches only the sites of those.
  const rows = await ctx.db.assessmentSite.findMany({
    where: { AND: [{ id: { in: ids } }, sitesWhere(ctx.scope)] },
    select: { id: true, name: true, reviewStatus: true },
  });
  if (rows.length !== new Set(ids).size) throw notFound("考核站点不存在");
  const locked = rows.find((r) => !canDeleteSite(r.reviewStatus));
  if (locked) throw badRequest(`「${locked.name}」已提交或已审核通过，只有未提交或审核退回的考核站点可以删除`);
  await change(
    ctx,
    async (tx) => {
      const gone = await tx.assessmentSite.deleteMany({ where: { id: { in: rows.map((r) => r.id) }, schoolId, reviewStatus: { in: ["DRAFT", "RETURNED"] } } });
      if (gone.count !== rows.length) throw conflict("考核站点状态已变化，请刷新后重试");
    },
    {
      action: "site.delete",
      targetType: "AssessmentSite",
      summary: `删除考核站点 ${rows.length} 个：${rows
        .slice(0, 3)
        .map((r) => r.name)
        .join("、")}${rows.length > 3 ? "等" : ""}`,
    },
  );
  return { deleted: rows.length };
}

/** 撤销: a 待审核 site back to 未提交, only while the org has not decided (a conditional update). */
export async function withdrawSite({ ctx, input: { id } }: { ctx: UseCaseCtx<SchoolScope>; input: { id: string } }) {
  const { schoolId } = ctx.scope;
  const site = await ctx.db.assessmentSite.findFirst({ where: { AND: [{ id }, sitesWhere(ctx.scope)] }, select: { id: true, name: true, reviewStatus: true } });
  if (!site) throw notFound("考核站点不存在");
  if (!canWithdrawSite(site.reviewStatus)) throw badRequest("只有待审核的考核站点可以撤销");
  const now = ctx.clock.now();
  await change(
    ctx,
    async (tx) => {
      const claimed = await tx.assessmentSite.updateMany({
        where: { id, schoolId, reviewStatus: "SUBMITTED" },
        data: { reviewStatus: "DRAFT", submittedAt: null },
      });
      if (claimed.count === 0) throw conflict("培训评价组织已审核该考核站点，不能撤销");
      await recordEvent(tx, { siteId: id }, { action: "WITHDRAW" }, ctx.actor, now);
    },
    { action: "site.withdraw", targetType: "AssessmentSite", targetId: id, summary: `撤销考核站点申报 ${site.name}` },
  );
  return { id };
}
