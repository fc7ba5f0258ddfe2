"use client";
// 查看缴费申请单 (school and org): the order, its lines priced at the fee standard then, and its registrations.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { DetailDialog, InfoGrid } from "../catalogue/detail";
import { beijing } from "../datetime";
import { REGISTRATION_MODE_LABELS } from "@/domain/exams/plan";
import { PAYMENT_ORDER_STATUS_LABELS, yuan } from "@/domain/payments/rules";

export function OrderDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.payments.detail.queryOptions({ id }));
  return (
    <DetailDialog title="查看缴费申请单" onClose={onClose} query={q}>
      {(o) => (
        <div className="space-y-3">
          <InfoGrid
            items={[
              ["缴费单号", <b key="n">{o.number}</b>],
              ["状态", PAYMENT_ORDER_STATUS_LABELS[o.status]],
              ["试点院校", o.school.name],
              ["培训评价组织", o.org.name],
              ["考试计划", `${o.plan.name}（${o.plan.code}）`],
              ["考核证书", o.certificate],
              ["缴费方式", REGISTRATION_MODE_LABELS[o.mode]],
              [o.mode === "BY_CERTIFICATE" ? "报考证书数" : "报考科次", o.quantity],
              ["总费用", `${yuan(o.total)} 元`],
              ["生成时间", beijing(o.createdAt)],
              ["确认时间", o.confirmedAt ? beijing(o.confirmedAt) : "—"],
            ]}
          />
          <p className="text-xs text-slate-500">
            请按总费用线下支付给培训评价组织并附上缴费单号；培训评价组织核对后确认缴费，报考信息即为已缴费。已确认的缴费申请单不能修改或删除。
          </p>
          <table className="table">
            <caption className="mb-1 text-left font-medium">费用明细</caption>
            <thead>
              <tr>
                <th>项目</th>
                <th>数量</th>
                <th>收费标准（元）</th>
                <th>金额（元）</th>
              </tr>
            </thead>
            <tbody>
              {o.lines.map((l) => (
                <tr key={l.seq}>
                  <td>{l.label}</td>
                  <td>{l.quantity}</td>
                  <td>{yuan(l.unitFee)}</td>
                  <td>{yuan(l.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="table">
            <caption className="mb-1 text-left font-medium">
              报考信息（{o._count.registrations} 条{o._count.registrations > o.registrations.length ? `，显示前 ${o.registrations.length} 条` : ""}）
            </caption>
            <thead>
              <tr>
                <th>姓名</th>
                <th>证件号码</th>
                <th>报考科目</th>
                <th>缴费</th>
              </tr>
            </thead>
            <tbody>
              {o.registrations.map((r) => (
                <tr key={r.id}>
                  <td>{r.name}</td>
                  <td>{r.idNumberMasked}</td>
                  <td>{r.subjects.join("、")}</td>
                  <td>{r.paidAt ? "已缴费" : "未缴费"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </DetailDialog>
  );
}

/** The list columns both sides share. */
export const orderColumns = [
  { header: "缴费单号", cell: (r: { number: string }) => <span className="whitespace-nowrap">{r.number}</span> },
  { header: "考试计划", cell: (r: { plan: { name: string } }) => r.plan.name, className: "min-w-40" },
  { header: "考核证书", cell: (r: { certificate: string }) => r.certificate, className: "min-w-40" },
  {
    header: "报考数量",
    cell: (r: { mode: keyof typeof REGISTRATION_MODE_LABELS; quantity: number }) => `${r.quantity} ${r.mode === "BY_CERTIFICATE" ? "个证书" : "科次"}`,
    className: "whitespace-nowrap",
  },
  { header: "总费用（元）", cell: (r: { total: number }) => yuan(r.total), className: "whitespace-nowrap" },
];

/** 状态 (both lists; the school's also shows 生成时间, the org's has 试点院校 in its place). */
export const orderStatusColumns = [
  {
    header: "状态",
    cell: (r: { status: keyof typeof PAYMENT_ORDER_STATUS_LABELS }) => (
      <span className={r.status === "CONFIRMED" ? "text-emerald-700" : "text-amber-700"}>{PAYMENT_ORDER_STATUS_LABELS[r.status]}</span>
    ),
    className: "whitespace-nowrap",
  },
];
