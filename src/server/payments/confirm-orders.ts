// 确认缴费 (org, single and batch): after the offline payment, the org confirms the orders made out to it; their
// registrations become 已缴费 in the same transaction. A confirmed order is immutable from then on.
import { z } from "zod";
import { notFound } from "@/server/errors";
import type { OrgScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";

export const confirmOrdersSchema = z.strictObject({ ids: z.array(z.uuid()).min(1, "请先勾选缴费申请单").max(200, "一次最多确认 200 个") });

export async function confirmPaymentOrders({ ctx, input }: { ctx: UseCaseCtx<OrgScope>; input: z.infer<typeof confirmOrdersSchema> }) {
  const { db, scope, clock, actor } = ctx;
  const now = clock.now();
  const ids = [...new Set(input.ids)];
  const orders = await db.paymentOrder.findMany({ where: { id: { in: ids }, orgId: scope.orgId }, select: { id: true, number: true, status: true } });
  if (orders.length !== ids.length) throw notFound("缴费申请单不存在");
  const open = orders.filter((o) => o.status === "UNCONFIRMED");
  return change(
    ctx,
    async (tx) => {
      const openIds = open.map((o) => o.id);
      // Registrations first: once its order is confirmed, nothing about it may change.
      const paid = await tx.registration.updateMany({
        where: { paymentOrderId: { in: openIds }, paidAt: null, paymentOrder: { status: "UNCONFIRMED" } },
        data: { paidAt: now },
      });
      const confirmed = await tx.paymentOrder.updateMany({
        where: { id: { in: openIds }, orgId: scope.orgId, status: "UNCONFIRMED" },
        data: { status: "CONFIRMED", confirmedAt: now, confirmedById: actor.id },
      });
      return { confirmed: confirmed.count, skipped: orders.length - confirmed.count, registrations: paid.count };
    },
    (r) => ({
      action: "paymentOrder.confirm",
      targetType: "PaymentOrder",
      targetId: open.length === 1 ? open[0].id : undefined,
      summary: `确认缴费 ${r.confirmed} 个缴费申请单（${open
        .slice(0, 5)
        .map((o) => o.number)
        .join("、")}${open.length > 5 ? "等" : ""}），${r.registrations} 条报考信息已缴费`,
    }),
  );
}
