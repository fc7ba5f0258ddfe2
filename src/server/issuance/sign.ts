// 签发 / 批量确认签发 (002 §4.2.1, §4.2.3; 001 §4): the org's or the school's signer confirms the records with a
// signature drawn on screen and an SMS code to their own phone. One signing act over the whole batch, final; the
// records move to the other side (考核站点待签发) or, once both have signed, to 证书待发放.
import { z } from "zod";
import type { UseCaseCtx } from "@/server/use-case";
import { change } from "@/server/use-case";
import { forbidden } from "@/server/errors";
import { verifySmsCode } from "@/server/sms/codes";
import { BATCH_MAX, moveIssuances, plannedMoves } from "./transition";
import { drawnSignaturePng, storeDrawnSignature } from "./drawn-signature";

export const signSchema = z.strictObject({
  ids: z.array(z.uuid("记录不存在")).min(1, "请选择要签发的记录").max(BATCH_MAX),
  signature: z.string().max(800_000, "签名图片过大"),
  smsCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "请输入 6 位短信验证码"),
});

/** The side the caller signs for; a school signs through its principal or a 证书负责人 (scoped to certificates). */
export function signingSide(ctx: Pick<UseCaseCtx, "scope" | "actor">): "org" | "site" {
  if (ctx.scope.kind === "org") return "org";
  if (ctx.scope.kind === "school" && (ctx.actor.role === "SCHOOL_PRINCIPAL" || ctx.scope.certificateLevelIds)) return "site";
  throw forbidden("只有培训评价组织、院校负责人或证书负责人可以签发");
}

export async function signIssuances({ ctx, input }: { ctx: UseCaseCtx; input: z.infer<typeof signSchema> }) {
  const side = signingSide(ctx);
  const action = { kind: side === "org" ? "orgSign" : "siteSign" } as const;
  // Refuse what cannot be signed before the code is spent.
  await plannedMoves(ctx.db, ctx.scope, input.ids, action);
  const png = await drawnSignaturePng(input.signature);
  const me = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: { phone: true, name: true } });
  await verifySmsCode(ctx, { phone: me.phone ?? "", purpose: "SIGN_ISSUANCE", code: input.smsCode });
  const now = ctx.clock.now();
  return change(
    ctx,
    async (tx) => {
      const image = await storeDrawnSignature(tx, ctx.actor.id, png, now);
      const signerName = me.name ?? ctx.actor.account;
      const sig = await tx.issuanceSignature.create({
        data: {
          side: side === "org" ? "ORG" : "SITE",
          signerId: ctx.actor.id,
          signerName,
          imageFileId: image.id,
          records: new Set(input.ids).size,
          ip: ctx.meta.ip,
          signedAt: now,
        },
      });
      const n = await moveIssuances(tx, ctx.scope, input.ids, action, {
        at: now,
        actorId: ctx.actor.id,
        actorName: signerName,
        signatureId: sig.id,
        data: { ...(side === "org" ? { orgSignatureId: sig.id } : { siteSignatureId: sig.id }), refusalReason: null },
      });
      return { signed: n, signatureId: sig.id };
    },
    (r) => ({
      action: "issuance.sign",
      targetType: "IssuanceSignature",
      targetId: r.signatureId,
      summary: `${side === "org" ? "培训评价组织" : "考核站点"}确认签发 ${r.signed} 条证书发放记录`,
    }),
  );
}
