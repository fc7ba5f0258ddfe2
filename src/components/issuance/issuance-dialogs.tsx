"use client";
// The dialogs of 证书发放管理: 签发 (drawn signature + SMS code), 拒绝签发 (a reason) and, for the org,
// 获取待发证记录 (conditions, 可发证/不可发证 counts and lists, 确认生成).
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { FormDialog } from "../dialog";
import { OwnPhoneCodeField } from "../sms-button";
import { ExportButton } from "../list/export-dialog";
import { SignaturePad } from "./signature-pad";

export function SignDialog({ ids, onClose, onDone }: { ids: string[]; onClose: () => void; onDone: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const send = useMutation(trpc.auth.sendOwnCode.mutationOptions());
  const sign = useMutation(trpc.issuance.sign.mutationOptions());
  const [png, setPng] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState("");
  return (
    <FormDialog
      title={ids.length > 1 ? `批量确认签发（${ids.length} 条）` : "确认签发"}
      submitLabel="确认签发"
      disabled={!png || code.trim().length !== 6}
      onClose={onClose}
      onSubmit={async () => {
        await sign.mutateAsync({ ids, signature: png!, smsCode: code });
        await onDone();
      }}
    >
      <p className="alert-info">签名并确认后，即证明已确认发证记录和成绩准确无误，可发证。一经确认，不可撤回。</p>
      <SignaturePad onChange={setPng} />
      <OwnPhoneCodeField
        action="签发"
        phone={me.data?.phone}
        code={code}
        onCode={setCode}
        send={() => send.mutateAsync({ purpose: "SIGN_ISSUANCE" })}
        onError={setError}
      />
      {error && <p className="alert-error">{error}</p>}
    </FormDialog>
  );
}

export function RefuseDialog({ ids, onClose, onDone }: { ids: string[]; onClose: () => void; onDone: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const refuse = useMutation(trpc.issuance.refuse.mutationOptions());
  const [reason, setReason] = useState("");
  return (
    <FormDialog
      title="拒绝签发"
      submitLabel="确认拒绝"
      disabled={!reason.trim()}
      onClose={onClose}
      onSubmit={async () => {
        await refuse.mutateAsync({ ids, reason });
        await onDone();
      }}
    >
      <label className="label" htmlFor="refuse-reason">
        拒绝签发理由（必填，不超过 200 字）
      </label>
      <textarea id="refuse-reason" className="input min-h-24" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
      <p className="text-xs text-slate-500">拒绝后记录进入“拒绝签发”，与对方协商处理后可重新签发。</p>
    </FormDialog>
  );
}

export function GenerateDialog({ onClose, onDone }: { onClose: () => void; onDone: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const plans = useQuery(trpc.scores.plans.queryOptions());
  const [planId, setPlanId] = useState("");
  const filter = planId ? { planId } : {};
  const preview = useQuery(trpc.issuance.preview.queryOptions(filter));
  const generate = useMutation(trpc.issuance.generate.mutationOptions());
  const [done, setDone] = useState<number | null>(null);
  const ended = (plans.data ?? []).filter((p) => p.phase === "LOCKED" || p.publicityEndsAt <= new Date());
  return (
    <FormDialog
      title="获取待发证记录"
      submitLabel="确认生成"
      wide
      disabled={!preview.data?.eligible}
      onClose={onClose}
      onSubmit={async () => {
        const r = await generate.mutateAsync(filter);
        setDone(r.created);
        await onDone();
      }}
    >
      <label className="label" htmlFor="gen-plan">
        考试计划（考试计划结束后方可发证）
      </label>
      <select id="gen-plan" className="input" value={planId} onChange={(e) => setPlanId(e.target.value)}>
        <option value="">全部已结束的考试计划</option>
        {ended.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}（{p.code}）
          </option>
        ))}
      </select>
      {preview.data && (
        <p aria-live="polite" data-issuable={preview.data.eligible}>
          符合条件的考证通过记录：可发证 <strong>{preview.data.eligible}</strong> 人；
          {preview.data.ineligible > 0 ? `${preview.data.ineligible} 人由于信息未完善不允许发证，可下载名单处理后再生成。` : "无不可发证考生。"}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <ExportButton list="issuable" label="下载可发证名单" filter={filter} tab="ELIGIBLE" ids={[]} />
        <ExportButton list="issuable" label="下载不可发证名单" filter={filter} tab="INELIGIBLE" ids={[]} />
      </div>
      <p className="text-xs text-slate-500">多次获取不会产生重复记录，已签发的记录状态不变。</p>
      {done !== null && (
        <p className="alert-info" role="status">
          已生成 {done} 条待签发记录。
        </p>
      )}
    </FormDialog>
  );
}
