// 收费标准 (org): a fee per certificate level (按证书报考) and per subject (按科目报考), for the org's own enabled
// certificates. An order copies the fee it was priced at, so a later change leaves existing orders as they are.
import { z } from "zod";
import { badRequest, notFound } from "@/server/errors";
import type { OrgScope } from "@/server/tenancy";
import { change, type ReadCtx, type UseCaseCtx } from "@/server/use-case";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { parseYuan, yuan } from "@/domain/payments/rules";

export const saveFeeSchema = z.strictObject({
  certificateLevelId: z.uuid().optional(),
  subjectId: z.uuid().optional(),
  /** 元, as typed; empty clears the standard. */
  amount: z.string().max(20),
});

export async function saveExamFee({ ctx, input }: { ctx: UseCaseCtx<OrgScope>; input: z.infer<typeof saveFeeSchema> }) {
  const { db, scope, actor } = ctx;
  if (!!input.certificateLevelId === !!input.subjectId) throw badRequest("请选择证书等级或考试科目");
  const orgId = scope.orgId;
  const target = input.certificateLevelId
    ? await db.certificateLevel.findFirst({
        where: { id: input.certificateLevelId, certificate: { orgId } },
        select: { id: true, level: true, certificate: { select: { name: true } } },
      })
    : await db.examSubject.findFirst({ where: { id: input.subjectId, certificateLevel: { certificate: { orgId } } }, select: { id: true, name: true } });
  if (!target) throw notFound(input.certificateLevelId ? "证书等级不存在" : "考试科目不存在");
  const label = "certificate" in target ? `${target.certificate.name}（${LEVEL_LABELS[target.level]}）` : target.name;
  const key = input.certificateLevelId ? { certificateLevelId: target.id } : { subjectId: target.id };
  if (!input.amount.trim()) {
    return change(ctx, (tx) => tx.examFee.deleteMany({ where: { orgId, ...key } }), {
      action: "examFee.save",
      targetType: "ExamFee",
      summary: `清除收费标准：${label}`,
    });
  }
  const fee = parseYuan(input.amount);
  if (!fee.ok) throw badRequest(fee.error);
  return change(
    ctx,
    (tx) =>
      tx.examFee.upsert({
        where: input.certificateLevelId ? { certificateLevelId: target.id } : { subjectId: target.id },
        create: { orgId, ...key, amount: fee.fen, updatedById: actor.id },
        update: { amount: fee.fen, updatedById: actor.id },
      }),
    (r) => ({ action: "examFee.save", targetType: "ExamFee", targetId: r.id, summary: `设置收费标准：${label} ${yuan(fee.fen)} 元` }),
  );
}

/** The org's certificates → levels (按证书的收费标准) → subjects (按科目的收费标准). */
export async function examFees({ ctx: { db, scope } }: { ctx: ReadCtx<OrgScope> }) {
  const certs = await db.certificate.findMany({
    where: { orgId: scope.orgId, status: "ENABLED" },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      levels: {
        orderBy: { code: "asc" },
        select: {
          id: true,
          code: true,
          level: true,
          fee: { select: { amount: true } },
          subjects: {
            where: { status: "ENABLED" },
            orderBy: { code: "asc" },
            select: { id: true, code: true, name: true, targetGroup: true, fee: { select: { amount: true } } },
          },
        },
      },
    },
  });
  return certs.map((c) => ({
    ...c,
    levels: c.levels.map((l) => ({
      ...l,
      label: `${c.name}（${LEVEL_LABELS[l.level]}）`,
      fee: l.fee?.amount ?? null,
      subjects: l.subjects.map((s) => ({ ...s, fee: s.fee?.amount ?? null })),
    })),
  }));
}
