// 电子公章: the org's seal image that electronic certificates carry (paper copies are stamped by hand). Uploaded by
// the org as a transparent PNG; replacing it affects certificates issued from then on, never those already issued.
import { z } from "zod";
import { badRequest } from "@/server/errors";
import { change, type ReadCtx, type UseCaseCtx } from "@/server/use-case";
import { orgScopeOf } from "./issue";

export const setSealSchema = z.strictObject({ fileId: z.uuid("请先上传电子公章图片") });

export async function orgSeal({ ctx }: { ctx: ReadCtx }) {
  const scope = orgScopeOf(ctx);
  const o = await ctx.db.evaluationOrg.findUniqueOrThrow({ where: { id: scope.orgId }, select: { name: true, sealFileId: true, sealUpdatedAt: true } });
  return { org: o.name, fileId: o.sealFileId, updatedAt: o.sealUpdatedAt };
}

export async function setOrgSeal({ ctx, input }: { ctx: UseCaseCtx; input: z.infer<typeof setSealSchema> }) {
  const scope = orgScopeOf(ctx);
  const f = await ctx.db.storedFile.findFirst({ where: { id: input.fileId, purpose: "ORG_SEAL", ownerUserId: ctx.actor.id }, select: { id: true } });
  if (!f) throw badRequest("电子公章文件不存在，请重新上传");
  const now = ctx.clock.now();
  return change(
    ctx,
    async (tx) => {
      await tx.evaluationOrg.update({ where: { id: scope.orgId }, data: { sealFileId: f.id, sealUpdatedAt: now } });
      return { ok: true };
    },
    { action: "org.seal", targetType: "EvaluationOrg", targetId: scope.orgId, summary: "上传培训评价组织电子公章" },
  );
}
