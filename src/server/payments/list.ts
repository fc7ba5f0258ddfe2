// 缴费管理 on the list engine, for the school (its orders) and the org (the orders made out to it): tabs 未确认 /
// 已确认, filters by number, plan, certificate and (org) school.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { REGISTRATION_MODE_LABELS } from "@/domain/exams/plan";
import { PAYMENT_ORDER_STATUS_LABELS, yuan } from "@/domain/payments/rules";
import { beijingMinute } from "@/domain/text";
import { paymentOrdersWhere } from "./scope";

const text = z.string().trim().max(60).optional();
const filter = z.strictObject({ number: text, plan: text, certificate: text, school: text });
const include = {
  school: { select: { name: true } },
  plan: { select: { code: true, name: true } },
  certificateLevel: { select: { code: true, level: true, certificate: { select: { name: true } } } },
} satisfies Prisma.PaymentOrderInclude;
type Raw = Prisma.PaymentOrderGetPayload<{ include: typeof include }>;
export type PaymentOrderRow = Raw & { certificate: string };

export const paymentOrderList: ListDef<z.infer<typeof filter>, PaymentOrderRow, Prisma.PaymentOrderWhereInput> = {
  name: "paymentOrders",
  title: "缴费申请单",
  permissions: ["school.payments", "org.payments"],
  filter,
  where: (_db, scope, f) =>
    and<Prisma.PaymentOrderWhereInput>(
      paymentOrdersWhere(scope),
      f.number ? { number: { startsWith: f.number.toUpperCase() } } : null,
      f.plan ? { plan: { OR: [{ name: { contains: f.plan } }, { code: { startsWith: f.plan } }] } } : null,
      f.certificate ? { certificateLevel: { certificate: { name: { contains: f.certificate } } } } : null,
      f.school && scope.kind === "org" ? { school: { name: { contains: f.school } } } : null,
    ),
  tabs: (Object.keys(PAYMENT_ORDER_STATUS_LABELS) as (keyof typeof PAYMENT_ORDER_STATUS_LABELS)[]).map((s) => ({
    value: s,
    label: PAYMENT_ORDER_STATUS_LABELS[s],
    where: { status: s },
  })),
  count: (db, where) => db.paymentOrder.count({ where }),
  rows: async (db, where, p) => {
    const rows = await db.paymentOrder.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include,
      orderBy: p.byId ? { id: "asc" } : [{ createdAt: "desc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    return rows.map((r) => ({ ...r, certificate: `${r.certificateLevel.certificate.name}（${LEVEL_LABELS[r.certificateLevel.level]}）` }));
  },
  columns: [
    { header: "缴费单号", width: 20, value: (r) => r.number },
    { header: "考试计划编号", width: 16, value: (r) => r.plan.code },
    { header: "考试计划", width: 36, value: (r) => r.plan.name },
    { header: "考核证书", width: 40, value: (r) => r.certificate },
    { header: "缴费方式", value: (r) => REGISTRATION_MODE_LABELS[r.mode] },
    { header: "报考证书数/科次", value: (r) => r.quantity },
    { header: "总费用（元）", width: 14, value: (r) => yuan(r.total) },
    { header: "试点院校", width: 28, value: (r) => r.school.name },
    { header: "状态", value: (r) => PAYMENT_ORDER_STATUS_LABELS[r.status] },
    { header: "生成时间", width: 18, value: (r) => beijingMinute(r.createdAt) },
    { header: "确认时间", width: 18, value: (r) => (r.confirmedAt ? beijingMinute(r.confirmedAt) : "") },
  ],
};
