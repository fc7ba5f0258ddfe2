// 撤销证书: the org revokes an issued certificate with a reason. The record stays 完成发放 and reads as revoked
// everywhere (lists, 我的证书, verification); the revocation is a ledger leaf in the same transaction, and final.
import { z } from "zod";
import { sqlOf } from "@/server/db";
import { badRequest, conflict, notFound } from "@/server/errors";
import { appendLeaves } from "@/server/ledger/append";
import { change, type UseCaseCtx } from "@/server/use-case";
import { REVOCATION_REASON_MAX, revocationProblem, revokedLeaf } from "@/domain/issuance/certificate";
import { orgScopeOf } from "./issue";
import { issuanceWhere } from "./scope";

export const revokeSchema = z.strictObject({
  id: z.uuid("记录不存在"),
  reason: z.string().trim().min(1, "请填写撤销理由").max(REVOCATION_REASON_MAX, `撤销理由不超过 ${REVOCATION_REASON_MAX} 个字`),
});

export async function revokeCertificate({ ctx, input }: { ctx: UseCaseCtx; input: z.infer<typeof revokeSchema> }) {
  const scope = orgScopeOf(ctx);
  const now = ctx.clock.now();
  return change(
    ctx,
    async (tx) => {
      const r = await tx.issuance.findFirst({
        where: { AND: [issuanceWhere(scope), { id: input.id }] },
        select: { id: true, status: true, revokedAt: true, certificateNumber: true },
      });
      if (!r) throw notFound("证书发放记录不存在或无权操作");
      const problem = revocationProblem(r, input.reason);
      if (problem) throw badRequest(problem);
      const done = await tx.issuance.updateMany({
        where: { id: r.id, status: "ISSUED", revokedAt: null },
        data: { revokedAt: now, revocationReason: input.reason },
      });
      if (done.count !== 1) throw conflict("记录状态已被他人修改，请刷新后重试");
      const actorName = ctx.actor.name ?? ctx.actor.account;
      await tx.issuanceEvent.create({
        data: { issuanceId: r.id, action: "revoke", from: "ISSUED", to: "ISSUED", actorId: ctx.actor.id, actorName, reason: input.reason, at: now },
      });
      const [leaf] = await appendLeaves(
        sqlOf(tx),
        [
          {
            kind: "CERTIFICATE_REVOKED",
            subjectId: r.id,
            value: revokedLeaf({ certificateNumber: r.certificateNumber!, revokedAt: now, reason: input.reason }),
          },
        ],
        now,
      );
      return { id: r.id, certificateNumber: r.certificateNumber!, ledger: leaf };
    },
    (r) => ({ action: "issuance.revoke", targetType: "Issuance", targetId: r.id, summary: `撤销证书 ${r.certificateNumber}：${input.reason}` }),
  );
}
