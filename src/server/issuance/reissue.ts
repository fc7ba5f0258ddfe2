// 重新发放 (002 §4.2): a record in 盖章失败 (after its cause is fixed) or in 完成发放 goes back to 证书待发放 to be
// issued again; it keeps its 证书编号. A revoked certificate is never re-issued.
import { z } from "zod";
import { badRequest } from "@/server/errors";
import { change, type UseCaseCtx } from "@/server/use-case";
import { BATCH_MAX, moveIssuances } from "./transition";
import { orgScopeOf } from "./issue";
import { issuanceWhere } from "./scope";

export const reissueSchema = z.strictObject({
  ids: z.array(z.uuid("记录不存在")).min(1, "请选择要重新发放的记录").max(BATCH_MAX),
});

export async function reissueCertificates({ ctx, input }: { ctx: UseCaseCtx; input: z.infer<typeof reissueSchema> }) {
  const scope = orgScopeOf(ctx);
  const now = ctx.clock.now();
  return change(
    ctx,
    async (tx) => {
      const revoked = await tx.issuance.count({ where: { AND: [issuanceWhere(scope), { id: { in: input.ids } }, { revokedAt: { not: null } }] } });
      if (revoked) throw badRequest("已撤销的证书不能重新发放");
      return {
        reissued: await moveIssuances(
          tx,
          scope,
          input.ids,
          { kind: "reissue" },
          { at: now, actorId: ctx.actor.id, actorName: ctx.actor.name ?? ctx.actor.account },
        ),
      };
    },
    (r) => ({ action: "issuance.reissue", targetType: "Issuance", targetId: input.ids[0], summary: `重新发放 ${r.reissued} 条证书发放记录` }),
  );
}
