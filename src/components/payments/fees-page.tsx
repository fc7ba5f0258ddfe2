"use client";
// 收费标准 (org): the fee per certificate level (按证书报考) and per subject (按科目报考), in yuan. Orders copy the
// standard when generated; a change applies to orders generated after it.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { yuan } from "@/domain/payments/rules";

export function FeesPage() {
  const trpc = useTRPC();
  const q = useQuery(trpc.payments.fees.queryOptions());
  return (
    <div className="card p-4">
      <h1 className="mb-1 text-lg font-semibold">收费标准</h1>
      <p className="mb-3 text-xs text-slate-500">
        按证书报考的考试计划按每个证书等级收费，按科目报考的按每个科目收费（元/人）。试点院校生成缴费申请单时按当时的收费标准计算，修改只影响之后生成的缴费申请单；留空并保存即清除。
      </p>
      {q.data?.length === 0 && <p className="text-slate-400">本机构暂无已启用的证书</p>}
      <div className="space-y-4">
        {q.data?.map((c) => (
          <section key={c.id} aria-label={c.name}>
            <h2 className="mb-1 font-medium">
              {c.name}（{c.code}）
            </h2>
            <div className="overflow-x-auto">
              <table className="table">
                <thead>
                  <tr>
                    <th>证书等级 / 科目</th>
                    <th>编号</th>
                    <th>当前标准（元）</th>
                    <th>修改为（元）</th>
                  </tr>
                </thead>
                <tbody>
                  {c.levels.map((l) => [
                    <FeeRow
                      key={l.id}
                      label={`${l.label} · 按证书报考`}
                      code={l.code}
                      fee={l.fee}
                      target={{ certificateLevelId: l.id }}
                      onSaved={() => q.refetch()}
                      strong
                    />,
                    ...l.subjects.map((s) => (
                      <FeeRow
                        key={s.id}
                        label={`${s.name}（${s.targetGroup}） · 按科目报考`}
                        code={s.code}
                        fee={s.fee}
                        target={{ subjectId: s.id }}
                        onSaved={() => q.refetch()}
                      />
                    )),
                  ])}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}

function FeeRow(props: {
  label: string;
  code: string;
  fee: number | null;
  target: { certificateLevelId?: string; subjectId?: string };
  onSaved: () => void;
  strong?: boolean;
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.payments.saveFee.mutationOptions());
  const [value, setValue] = useState(props.fee == null ? "" : yuan(props.fee).replace(/,/g, ""));
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const id = `fee-${props.code}`;
  return (
    <tr data-fee={props.code}>
      <td className={props.strong ? "font-medium" : "pl-6"}>
        <label htmlFor={id}>{props.label}</label>
      </td>
      <td>{props.code}</td>
      <td>{props.fee == null ? <span className="text-slate-400">未设置</span> : yuan(props.fee)}</td>
      <td>
        <div className="flex items-center gap-2">
          <input id={id} className="input w-28" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
          <button
            className="btn-default shrink-0"
            disabled={save.isPending}
            onClick={async () => {
              setMsg(null);
              try {
                await save.mutateAsync({ ...props.target, amount: value });
                setMsg({ ok: true, text: "已保存" });
                props.onSaved();
              } catch (e) {
                setMsg({ ok: false, text: errorMessage(e) });
              }
            }}
          >
            保存
          </button>
          {msg && (
            <span role={msg.ok ? "status" : "alert"} className={msg.ok ? "text-xs text-emerald-700" : "text-xs text-red-600"}>
              {msg.text}
            </span>
          )}
        </div>
      </td>
    </tr>
  );
}
