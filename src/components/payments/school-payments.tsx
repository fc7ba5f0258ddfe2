"use client";
// 缴费管理 (school, 002 §5.2.7): 按证书报考 / 按科目报考生成缴费申请单 for one plan and certificate, export, detail,
// delete while unconfirmed. Payment itself happens offline, with the order number.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { FormDialog } from "../dialog";
import { Field } from "../field";
import { ListPage } from "../list/list-page";
import { usePatchState } from "../use-patch";
import { useActionMessage } from "../use-action-message";
import { beijing } from "../datetime";
import { PAYMENT_ORDER_STATUS_LABELS, yuan } from "@/domain/payments/rules";
import { OrderDetail, orderColumns, orderStatusColumns } from "./order-detail";

type Mode = "BY_CERTIFICATE" | "BY_SUBJECT";
const TABS = (Object.keys(PAYMENT_ORDER_STATUS_LABELS) as (keyof typeof PAYMENT_ORDER_STATUS_LABELS)[]).map((s) => ({
  value: s,
  label: PAYMENT_ORDER_STATUS_LABELS[s],
}));

export function SchoolPaymentsPage() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<null | { create: Mode } | { view: string }>(null);
  const remove = useMutation(trpc.payments.delete.mutationOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.paymentOrders.pathKey() });
  const { act, say, banner } = useActionMessage(refresh);
  const close = () => setDialog(null);
  return (
    <>
      {banner}
      <ListPage
        title="缴费管理"
        description="按培训评价组织的收费方式生成缴费申请单，按总费用线下支付并附上缴费单号；培训评价组织确认缴费后，报考信息标记为已缴费。缴费申请单须在考试计划的报考时间内生成。"
        exportList="paymentOrders"
        exportLabel="批量导出缴费申请单"
        fields={[
          { key: "number", label: "缴费单号" },
          { key: "plan", label: "考试计划" },
          { key: "certificate", label: "考核证书" },
        ]}
        tabs={TABS}
        list={trpc.lists.paymentOrders}
        rowData={(r) => ({ "data-order": r.number })}
        toolbar={
          <>
            <button className="btn-default" onClick={() => setDialog({ create: "BY_SUBJECT" })}>
              按科目报考生成缴费申请单
            </button>
            <button className="btn-primary" onClick={() => setDialog({ create: "BY_CERTIFICATE" })}>
              按证书报考生成缴费申请单
            </button>
          </>
        }
        columns={[...orderColumns, ...orderStatusColumns, { header: "生成时间", cell: (r) => beijing(r.createdAt), className: "whitespace-nowrap" }]}
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setDialog({ view: r.id })}>
              查看
            </button>
            {r.status === "UNCONFIRMED" && (
              <button
                className="btn-link text-red-600"
                onClick={() =>
                  window.confirm(`确定删除缴费申请单 ${r.number} 吗？删除后其中的报考信息可重新生成缴费申请单。`) &&
                  act(() => remove.mutateAsync({ id: r.id }), `已删除缴费申请单 ${r.number}`)
                }
              >
                删除
              </button>
            )}
          </span>
        )}
      />
      {dialog && "create" in dialog && (
        <CreateOrderDialog
          mode={dialog.create}
          onClose={close}
          onDone={async (text) => {
            close();
            say({ ok: true, text });
            await refresh();
          }}
        />
      )}
      {dialog && "view" in dialog && <OrderDetail id={dialog.view} onClose={close} />}
    </>
  );
}

function CreateOrderDialog({ mode, onClose, onDone }: { mode: Mode; onClose: () => void; onDone: (text: string) => void }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.payments.options.queryOptions());
  const create = useMutation(trpc.payments.create.mutationOptions());
  const [f, patch] = usePatchState({ planId: "", levelId: "" });
  const plans = options.data?.filter((p) => p.registrationMode === mode) ?? [];
  const plan = plans.find((p) => p.id === f.planId);
  const level = plan?.levels.find((l) => l.id === f.levelId);
  const label = mode === "BY_CERTIFICATE" ? "按证书报考生成缴费申请单" : "按科目报考生成缴费申请单";
  return (
    <FormDialog
      title={label}
      submitLabel="确定"
      onClose={onClose}
      onSubmit={async () => {
        const r = await create.mutateAsync({ planId: f.planId, certificateLevelId: f.levelId, mode });
        onDone(
          `已生成缴费申请单 ${r.number}：${r.registrations} 条报考信息，${mode === "BY_CERTIFICATE" ? "报考证书" : "报考科次"} ${r.quantity}，总费用 ${yuan(r.total)} 元`,
        );
      }}
    >
      <p className="text-slate-500">
        {mode === "BY_CERTIFICATE" ? "按报考证书数收费：" : "按报考科目数收费："}
        所选考试计划和证书中尚未生成缴费申请单、未缴费的报考信息生成一个缴费申请单。
      </p>
      {options.data && plans.length === 0 && <p className="alert-info">没有处于报考时间内的{mode === "BY_CERTIFICATE" ? "按证书" : "按科目"}报考考试计划。</p>}
      <Field label="考试计划" htmlFor="order-plan" required>
        <select id="order-plan" className="input" value={f.planId} onChange={(e) => patch({ planId: e.target.value, levelId: "" })}>
          <option value="">请选择</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="考核证书" htmlFor="order-level" required>
        <select id="order-level" className="input" value={f.levelId} onChange={(e) => patch({ levelId: e.target.value })}>
          <option value="">请选择</option>
          {plan?.levels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}（{l.open} 条待缴费）
            </option>
          ))}
        </select>
      </Field>
      {plan && plan.levels.length === 0 && <p className="text-sm text-slate-500">该考试计划中没有待生成缴费申请单的报考信息。</p>}
      {level && <p className="text-sm">将包含 {level.open} 条报考信息，费用按培训评价组织当前的收费标准计算。</p>}
    </FormDialog>
  );
}
