// 按证书报考生成缴费申请单 / 按科目报考生成缴费申请单 (school): every registration of the school for one plan and
// certificate level in that mode not yet on an order becomes one order, priced by the org's fee standard now
// (per registration, or per subject sitting). The registrations are locked while taken, so two clicks or two
// accounts never put one registration on two orders.
import { z } from "zod";
import { sqlOf, type Tx } from "@/server/db";
import { badRequest, notFound } from "@/server/errors";
import type { SchoolScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { orderCreateProblem, orderLines, orderNumber, yuan } from "@/domain/payments/rules";

export const createOrderSchema = z.strictObject({
  planId: z.uuid("请选择考试计划"),
  certificateLevelId: z.uuid("请选择考核证书"),
  mode: z.enum(["BY_CERTIFICATE", "BY_SUBJECT"]),
});

export async function createPaymentOrder({ ctx, input }: { ctx: UseCaseCtx<SchoolScope>; input: z.infer<typeof createOrderSchema> }) {
  const { db, scope, clock, actor } = ctx;
  const now = clock.now();
  const plan = await db.examPlan.findFirst({
    where: { id: input.planId, schools: { some: { schoolId: scope.schoolId } } },
    select: { id: true, name: true, orgId: true, registrationStartsAt: true, registrationEndsAt: true, registrationMode: true },
  });
  if (!plan) throw notFound("考试计划不存在");
  const problem = orderCreateProblem(plan, input.mode, now);
  if (problem) throw badRequest(problem);
  if (scope.certificateLevelIds && !scope.certificateLevelIds.includes(input.certificateLevelId)) throw notFound("考核证书不存在");
  const level = await db.certificateLevel.findFirst({
    where: { id: input.certificateLevelId, examPlans: { some: { planId: plan.id } } },
    select: { id: true, level: true, certificate: { select: { name: true } }, fee: { select: { amount: true } } },
  });
  if (!level) throw notFound("考核证书不在该考试计划中");
  const label = `${level.certificate.name}（${LEVEL_LABELS[level.level]}）`;
  return change(
    ctx,
    (tx) => writeOrder(tx, { schoolId: scope.schoolId, plan, level, label, mode: input.mode, now, createdById: actor.id }),
    (r) => ({
      action: "paymentOrder.create",
      targetType: "PaymentOrder",
      targetId: r.id,
      summary: `生成缴费申请单 ${r.number}：${plan.name} ${label}，${r.registrations} 条报考，${yuan(r.total)} 元`,
    }),
  );
}

/** The order itself, inside the caller's transaction (the use case, and the demo seed for past plans). */
export async function writeOrder(
  tx: Tx,
  a: {
    schoolId: string;
    plan: { id: string; orgId: string };
    level: { id: string; fee: { amount: number } | null };
    label: string;
    mode: "BY_CERTIFICATE" | "BY_SUBJECT";
    now: Date;
    createdById: string | null;
  },
) {
  const sql = sqlOf(tx);
  const regs = await sql<{ id: string }>`
    SELECT id FROM "Registration"
     WHERE "planId" = ${a.plan.id}::uuid AND "schoolId" = ${a.schoolId}::uuid AND "certificateLevelId" = ${a.level.id}::uuid
       AND mode = ${a.mode}::"ExamRegistrationMode" AND "paymentOrderId" IS NULL AND "paidAt" IS NULL
     ORDER BY "createdAt", id FOR UPDATE`;
  const ids = regs.map((r) => r.id);
  let priced;
  if (a.mode === "BY_CERTIFICATE") priced = orderLines([{ label: a.label, subjectId: null, quantity: ids.length, unitFee: a.level.fee?.amount ?? null }]);
  else {
    const sittings = await tx.registrationSubject.groupBy({ by: ["subjectId"], where: { registrationId: { in: ids } }, _count: { _all: true } });
    const subjects = await tx.examSubject.findMany({
      where: { id: { in: sittings.map((s) => s.subjectId) } },
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, fee: { select: { amount: true } } },
    });
    priced = orderLines(
      subjects.map((s) => ({
        label: `${s.name}（${s.code}）`,
        subjectId: s.id,
        quantity: sittings.find((x) => x.subjectId === s.id)!._count._all,
        unitFee: s.fee?.amount ?? null,
      })),
    );
  }
  if (!priced.ok) throw badRequest(priced.error);
  const [{ n }] = await sql<{ n: string }>`SELECT nextval('payment_order_code_seq')::text AS n`;
  const order = await tx.paymentOrder.create({
    data: {
      number: orderNumber(a.now, Number(n)),
      schoolId: a.schoolId,
      orgId: a.plan.orgId,
      planId: a.plan.id,
      certificateLevelId: a.level.id,
      mode: a.mode,
      quantity: priced.quantity,
      total: priced.total,
      createdById: a.createdById,
      createdAt: a.now,
      lines: { create: priced.lines },
    },
  });
  await tx.registration.updateMany({ where: { id: { in: ids }, paymentOrderId: null }, data: { paymentOrderId: order.id } });
  return { id: order.id, number: order.number, quantity: order.quantity, total: order.total, registrations: ids.length };
}
