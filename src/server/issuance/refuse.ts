// 拒绝签发 (002 §4.2.1, §4.2.3): the org or the school refuses records with a reason; they wait in 培训评价组织/考核站点
// 拒绝签发 until the same side signs them after all (重新签发). Only pending records can be refused.
import { z } from "zod";
import type { UseCaseCtx } from "@/server/use-case";
import { change } from "@/server/use-case";
import { REASON_MAX } from "@/domain/issuance/state";
import { BATCH_MAX, moveIssuances } from "./transition";
import { signingSide } from "./sign";

export const refuseSchema = z.strictObject({
  ids: z.array(z.uuid("记录不存在")).min(1, "请选择要拒绝签发的记录").max(BATCH_MAX),
  reason: z.string().trim().min(1, "请填写拒绝签发理由").max(REASON_MAX, `拒绝签发理由不超过 ${REASON_MAX} 个字`),
});

export async function refuseIssuances({ ctx, input }: { ctx: UseCaseCtx; input: z.infer<typeof refuseSchema> }) {
  const side = signingSide(ctx);
  const now = ctx.clock.now();
  return change(
    ctx,
    async (tx) => ({
      refused: await moveIssuances(
        tx,
        ctx.scope,
        input.ids,
        { kind: side === "org" ? "orgRefuse" : "siteRefuse", reason: input.reason },
        {
          at: now,
          actorId: ctx.actor.id,
          actorName: ctx.actor.name ?? ctx.actor.account,
          data: { refusalReason: input.reason },
        },
      ),
    }),
    (r) => ({
      action: "issuance.refuse",
      targetType: "Issuance",
      targetId: input.ids[0],
      summary: `${side === "org" ? "培训评价组织" : "考核站点"}拒绝签发 ${r.refused} 条证书发放记录：${input.reason}`,
    }),
  );
}
