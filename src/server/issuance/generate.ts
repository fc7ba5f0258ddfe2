// 获取待发证记录 (002 §4.2.1): pending records (培训评价组织待签发) for the filter's 可发证 passes. Repeating it adds
// only what is new (one record per registration, kept by a unique key) and leaves signed records as they are.
import type { UseCaseCtx } from "@/server/use-case";
import type { OrgScope } from "@/server/tenancy";
import { change } from "@/server/use-case";
import { ELIGIBLE, INELIGIBLE, issuableWhere, type IssuableFilter } from "./issuable";

/** What the dialog shows before 确认生成: how many would be generated and how many cannot be yet. */
export async function issuablePreview({ ctx, input }: { ctx: Pick<UseCaseCtx<OrgScope>, "db" | "clock" | "scope">; input: IssuableFilter }) {
  const where = issuableWhere(ctx.scope, input, ctx.clock.now());
  const [eligible, ineligible] = await Promise.all([
    ctx.db.registration.count({ where: { AND: [where, ELIGIBLE] } }),
    ctx.db.registration.count({ where: { AND: [where, INELIGIBLE] } }),
  ]);
  return { eligible, ineligible };
}

export async function generateIssuances({ ctx, input }: { ctx: UseCaseCtx<OrgScope>; input: IssuableFilter }) {
  const now = ctx.clock.now();
  return change(
    ctx,
    async (tx) => {
      const ids = (await tx.registration.findMany({ where: { AND: [issuableWhere(ctx.scope, input, now), ELIGIBLE] }, select: { id: true } })).map((r) => r.id);
      if (ids.length === 0) return { created: 0 };
      // ON CONFLICT: a concurrent 获取 of the same passes adds nothing twice.
      const created = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "Issuance" (id, "registrationId", "planId", "orgId", "schoolId", "certificateLevelId", year, status, "createdAt", "updatedAt")
        SELECT gen_random_uuid(), r.id, r."planId", ${ctx.scope.orgId}::uuid, r."schoolId", r."certificateLevelId", r.year, 'ORG_PENDING', ${now}, ${now}
          FROM "Registration" r WHERE r.id = ANY(${ids}::uuid[])
        ON CONFLICT ("registrationId") DO NOTHING
        RETURNING id::text`;
      await tx.issuanceEvent.createMany({
        data: created.map((c) => ({
          issuanceId: c.id,
          action: "generate",
          to: "ORG_PENDING" as const,
          actorId: ctx.actor.id,
          actorName: ctx.actor.name ?? ctx.actor.account,
          at: now,
        })),
      });
      return { created: created.length };
    },
    (r) => ({ action: "issuance.generate", targetType: "EvaluationOrg", targetId: ctx.scope.orgId, summary: `获取待发证记录 ${r.created} 条` }),
  );
}
