// 删除缴费申请单 (school): only an unconfirmed one; its registrations are free for a new order. The delete is
// conditional, and the database refuses a confirmed order's deletion whatever the code does.
import { z } from "zod";
import { badRequest, conflict, notFound } from "@/server/errors";
import type { SchoolScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { canDeleteOrder } from "@/domain/payments/rules";
import { paymentOrdersWhere } from "./scope";

export const orderIdSchema = z.strictObject({ id: z.uuid("缴费申请单不存在") });

export async function deletePaymentOrder({ ctx, input }: { ctx: UseCaseCtx<SchoolScope>; input: z.infer<typeof orderIdSchema> }) {
  const o = await ctx.db.paymentOrder.findFirst({
    where: { AND: [{ id: input.id }, paymentOrdersWhere(ctx.scope)] },
    select: { id: true, number: true, status: true },
  });
  if (!o) throw notFound("缴费申请单不存在");
  if (!canDeleteOrder(o.status)) throw badRequest("已确认缴费的缴费申请单不能删除");
  return change(
    ctx,
    async (tx) => {
      const done = await tx.paymentOrder.deleteMany({ where: { id: o.id, schoolId: ctx.scope.schoolId, status: "UNCONFIRMED" } });
      if (done.count === 0) throw conflict("缴费申请单刚被确认，不能删除");
      return { deleted: 1 };
    },
    { action: "paymentOrder.delete", targetType: "PaymentOrder", targetId: o.id, summary: `删除缴费申请单 ${o.number}` },
  );
}
