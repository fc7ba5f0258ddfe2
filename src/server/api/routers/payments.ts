import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { createOrderSchema, createPaymentOrder } from "@/server/payments/create-order";
import { deletePaymentOrder, orderIdSchema } from "@/server/payments/delete-order";
import { confirmOrdersSchema, confirmPaymentOrders } from "@/server/payments/confirm-orders";
import { examFees, saveExamFee, saveFeeSchema } from "@/server/payments/fees";
import { paymentOrderDetail, paymentOrderOptions } from "@/server/payments/queries";

const school = permissionProcedure("school.payments");
const org = permissionProcedure("org.payments");

export const paymentsRouter = createTRPCRouter({
  /** 按证书报考 / 按科目报考生成缴费申请单. */
  create: school.input(createOrderSchema).mutation(({ ctx, input }) => createPaymentOrder({ ctx, input })),
  delete: school.input(orderIdSchema).mutation(({ ctx, input }) => deletePaymentOrder({ ctx, input })),
  options: school.query(({ ctx }) => paymentOrderOptions({ ctx })),
  detail: permissionProcedure("school.payments", "org.payments")
    .input(orderIdSchema)
    .query(({ ctx, input }) => paymentOrderDetail({ ctx, input })),
  /** 确认缴费, single and batch. */
  confirm: org.input(confirmOrdersSchema).mutation(({ ctx, input }) => confirmPaymentOrders({ ctx, input })),
  fees: org.query(({ ctx }) => examFees({ ctx })),
  saveFee: org.input(saveFeeSchema).mutation(({ ctx, input }) => saveExamFee({ ctx, input })),
});
