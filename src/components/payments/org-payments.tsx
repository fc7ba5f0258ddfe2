"use client";
// 缴费管理 (org): the orders the schools made out to the org, 确认缴费 single and batch after checking the offline
// payment by its number; confirmation marks the registrations 已缴费 and freezes the order.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { ListPage } from "../list/list-page";
import { useActionMessage } from "../use-action-message";
import { PAYMENT_ORDER_STATUS_LABELS } from "@/domain/payments/rules";
import { OrderDetail, orderColumns, orderStatusColumns } from "./order-detail";

const TABS = (Object.keys(PAYMENT_ORDER_STATUS_LABELS) as (keyof typeof PAYMENT_ORDER_STATUS_LABELS)[]).map((s) => ({
  value: s,
  label: PAYMENT_ORDER_STATUS_LABELS[s],
}));

export function OrgPaymentsPage() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [view, setView] = useState<string | null>(null);
  const confirm = useMutation(trpc.payments.confirm.mutationOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.paymentOrders.pathKey() });
  const { act, banner } = useActionMessage(refresh);
  const confirmIds = (ids: string[], what: string, clear?: () => void) =>
    window.confirm(`确定已收到${what}的费用并确认缴费吗？确认后报考信息标记为已缴费，缴费申请单不能再修改。`) &&
    act(
      async () => {
        const r = await confirm.mutateAsync({ ids });
        clear?.();
        return r;
      },
      (r) => `已确认缴费 ${r.confirmed} 个缴费申请单，${r.registrations} 条报考信息已缴费${r.skipped ? `；${r.skipped} 个此前已确认` : ""}`,
    );
  return (
    <>
      {banner}
      <ListPage
        title="缴费管理"
        description="试点院校按本机构的收费标准生成缴费申请单并线下支付。请根据缴费单号核对到账后确认缴费。"
        exportList="paymentOrders"
        exportLabel="批量导出缴费申请单"
        initialTab="UNCONFIRMED"
        fields={[
          { key: "number", label: "缴费单号" },
          { key: "school", label: "试点院校" },
          { key: "plan", label: "考试计划" },
          { key: "certificate", label: "考核证书" },
        ]}
        tabs={TABS}
        list={trpc.lists.paymentOrders}
        rowData={(r) => ({ "data-order": r.number })}
        bulkActions={(ids, clear) => (
          <button className="btn-default" disabled={ids.length === 0} onClick={() => confirmIds(ids, `勾选的 ${ids.length} 个缴费申请单`, clear)}>
            批量确认缴费
          </button>
        )}
        columns={[...orderColumns, { header: "试点院校", cell: (r) => r.school.name, className: "min-w-32" }, ...orderStatusColumns]}
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setView(r.id)}>
              查看
            </button>
            {r.status === "UNCONFIRMED" && (
              <button className="btn-link text-emerald-700" onClick={() => confirmIds([r.id], `缴费申请单 ${r.number}`)}>
                确认缴费
              </button>
            )}
          </span>
        )}
      />
      {view && <OrderDetail id={view} onClose={() => setView(null)} />}
    </>
  );
}
