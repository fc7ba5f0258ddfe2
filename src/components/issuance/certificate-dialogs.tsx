"use client";
// The issuing half of 证书发放管理: 发放 (paper or electronic), 重新发放, 撤销, 电子公章, the generation progress, and
// 查看 with its four tabs (学生信息, 证书信息, 考核信息, 签发记录).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { FormDialog } from "../dialog";
import { UploadButton } from "../upload";
import { DetailDialog, InfoGrid } from "../catalogue/detail";
import { StatusTabs } from "../list/status-tabs";
import { beijing } from "../datetime";

type Done = () => Promise<unknown>;

export function IssueDialog({ ids, onClose, onDone }: { ids: string[]; onClose: () => void; onDone: Done }) {
  const trpc = useTRPC();
  const issue = useMutation(trpc.issuance.issue.mutationOptions());
  const [mode, setMode] = useState<"ELECTRONIC" | "PAPER">("ELECTRONIC");
  return (
    <FormDialog
      title={ids.length > 1 ? `批量发放证书（${ids.length} 条）` : "发放证书"}
      submitLabel="确认发放"
      onClose={onClose}
      onSubmit={async () => {
        await issue.mutateAsync({ ids, mode });
        await onDone();
      }}
    >
      <fieldset className="space-y-2">
        <legend className="label">发证方式</legend>
        <label className="flex items-start gap-2">
          <input type="radio" name="issue-mode" checked={mode === "ELECTRONIC"} onChange={() => setMode("ELECTRONIC")} />
          <span>
            电子证书<span className="block text-xs text-slate-500">在线加盖电子公章生成电子证书，院校和学生可在线查看和下载。</span>
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name="issue-mode" checked={mode === "PAPER"} onChange={() => setMode("PAPER")} />
          <span>
            纸质证书<span className="block text-xs text-slate-500">生成不含公章的证书打印稿，打印并加盖公章后寄送院校。</span>
          </span>
        </label>
      </fieldset>
      <p className="text-xs text-slate-500">发放后分配证书编号并进入“证书生成中”；电子公章、负责人签章或考生照片缺失的记录进入“盖章失败”，补齐后可重新发放。</p>
    </FormDialog>
  );
}

export function ReissueDialog({ ids, onClose, onDone }: { ids: string[]; onClose: () => void; onDone: Done }) {
  const trpc = useTRPC();
  const reissue = useMutation(trpc.issuance.reissue.mutationOptions());
  return (
    <FormDialog
      title="重新发放"
      submitLabel="确认重新发放"
      onClose={onClose}
      onSubmit={async () => {
        await reissue.mutateAsync({ ids });
        await onDone();
      }}
    >
      <p>所选 {ids.length} 条记录将回到“证书待发放”，证书编号保持不变，可再次选择发证方式发放。</p>
    </FormDialog>
  );
}

export function RevokeDialog({ id, onClose, onDone }: { id: string; onClose: () => void; onDone: Done }) {
  const trpc = useTRPC();
  const revoke = useMutation(trpc.issuance.revoke.mutationOptions());
  const [reason, setReason] = useState("");
  return (
    <FormDialog
      title="撤销证书"
      submitLabel="确认撤销"
      disabled={!reason.trim()}
      onClose={onClose}
      onSubmit={async () => {
        await revoke.mutateAsync({ id, reason });
        await onDone();
      }}
    >
      <p className="alert-error">撤销后证书在公开查询中显示为“已撤销”，并记入上链信息，不可恢复。</p>
      <label className="label" htmlFor="revoke-reason">
        撤销理由（必填，不超过 200 字）
      </label>
      <textarea id="revoke-reason" className="input min-h-24" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
    </FormDialog>
  );
}

export function SealDialog({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const seal = useQuery(trpc.issuance.seal.queryOptions());
  const save = useMutation(trpc.issuance.setSeal.mutationOptions());
  const [fileId, setFileId] = useState<string | null>(null);
  const [error, setError] = useState("");
  const current = fileId ?? seal.data?.fileId ?? null;
  return (
    <FormDialog
      title="电子公章"
      submitLabel="保存"
      disabled={!fileId}
      onClose={onClose}
      onSubmit={async () => {
        await save.mutateAsync({ fileId: fileId! });
        await qc.invalidateQueries({ queryKey: trpc.issuance.seal.queryKey() });
        onClose();
      }}
    >
      <p className="alert-info text-xs leading-5">
        电子证书在线加盖本组织的电子公章。请上传透明背景的正方形 PNG 图片（200×200 至 2000×2000 像素，不超过 1M）。更换公章只影响此后发放的证书。
      </p>
      <div className="flex items-center gap-4">
        <div className="flex h-32 w-32 items-center justify-center rounded border border-dashed border-slate-300 bg-amber-50">
          {current ? (
            <img src={`/api/files/${current}`} alt="电子公章预览" className="h-28 w-28 object-contain" />
          ) : (
            <span className="text-slate-500">未上传</span>
          )}
        </div>
        <UploadButton purpose="org-seal" accept=".png" label={current ? "重新上传" : "上传电子公章"} onUploaded={(u) => setFileId(u.id)} onError={setError} />
      </div>
      {seal.data?.updatedAt && <p className="text-xs text-slate-500">当前公章上传于 {beijing(seal.data.updatedAt)}</p>}
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </FormDialog>
  );
}

/** The latest generation run while it runs (polled), and its outcome once it ends. */
export function RunProgress({ onFinished }: { onFinished: Done }) {
  const trpc = useTRPC();
  const runs = useQuery({ ...trpc.issuance.runs.queryOptions(), refetchInterval: (q) => (q.state.data?.some((r) => r.status === "RUNNING") ? 1500 : false) });
  const latest = runs.data?.[0];
  const wasRunning = useRef(false);
  useEffect(() => {
    if (latest?.status === "RUNNING") wasRunning.current = true;
    else if (wasRunning.current && latest) {
      wasRunning.current = false;
      void onFinished();
    }
  }, [latest, onFinished]);
  if (!latest) return null;
  const pct = Math.round((latest.processed / latest.total) * 100);
  const mode = latest.mode === "PAPER" ? "纸质证书" : "电子证书";
  return (
    <span
      className={`block text-sm ${latest.status === "FAILED" ? "alert-error" : "alert-info"}`}
      role="status"
      aria-live="polite"
      data-issue-run={latest.status}
    >
      {latest.status === "RUNNING" ? (
        <>
          <span className="block">
            {mode}生成中：已处理 {latest.processed} / {latest.total}（{pct}%）
          </span>
          <progress className="mt-1 w-full" max={latest.total} value={latest.processed} aria-label="证书生成进度" />
        </>
      ) : (
        <span className="block">
          最近一次发放（{mode}，{beijing(latest.createdAt)}）：完成发放 {latest.issued} 份
          {latest.failed > 0 && `，盖章失败 ${latest.failed} 份（见“盖章失败”标签页）`}
          {latest.message && `。${latest.message}`}
        </span>
      )}
    </span>
  );
}

const TABS = [
  { value: "student", label: "学生信息" },
  { value: "certificate", label: "证书信息" },
  { value: "assessment", label: "考核信息" },
  { value: "events", label: "签发记录" },
] as const;
type TabValue = (typeof TABS)[number]["value"];

export function IssuanceDetailDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.issuance.detail.queryOptions({ id }));
  const [tab, setTab] = useState<TabValue>("student");
  return (
    <DetailDialog title="证书发放详情" onClose={onClose} query={q}>
      {(d) => (
        <div className="space-y-4">
          <StatusTabs tabs={[...TABS]} value={tab} onChange={(v) => setTab((v || "student") as TabValue)} />
          {tab === "student" && (
            <InfoGrid
              items={[
                ["考生姓名", d.student.name],
                ["性别", d.student.gender],
                ["证件号码", d.student.idNumberMasked],
                ["考生编号", d.student.candidateNumber],
                ["学生类型", d.student.candidateType],
                ["所属院校", d.student.school],
                ["专业", d.student.major],
              ]}
            />
          )}
          {tab === "certificate" && (
            <div className="space-y-3">
              <InfoGrid
                items={[
                  ["证书名称", d.certificate.name],
                  ["证书代码", d.certificate.code],
                  ["颁证机构", d.certificate.org],
                  ["颁证状态", d.certificate.revokedAt ? `${d.statusLabel}（已撤销）` : d.statusLabel],
                  ["证书编号", d.certificate.certificateNumber],
                  ["发证方式", d.certificate.mode],
                  ["发证时间", d.certificate.issuedAt ? beijing(d.certificate.issuedAt) : null],
                  ...(d.certificate.failureCause ? ([["盖章失败原因", d.certificate.failureCause]] as [string, string][]) : []),
                  ...(d.certificate.revokedAt
                    ? ([
                        ["撤销时间", beijing(d.certificate.revokedAt)],
                        ["撤销理由", d.certificate.revocationReason],
                      ] as [string, string][])
                    : []),
                ]}
              />
              {d.certificate.fileId && (
                <span className="flex flex-wrap gap-2">
                  <a className="btn-default inline-block" href={`/api/files/${d.certificate.fileId}`} download>
                    下载证书
                  </a>
                  {!d.certificate.revokedAt && (
                    <a className="btn-default inline-block" href={`/api/certificates/${id}/credential`} download>
                      下载可验证凭证（JSON）
                    </a>
                  )}
                </span>
              )}
              {d.ledger && (
                <div className="rounded border border-slate-200 p-3 text-xs">
                  <p className="mb-1 font-medium">上链信息</p>
                  <InfoGrid
                    items={[
                      ["区块高度", d.ledger.height],
                      ["交易哈希", <span className="break-all font-mono">{d.ledger.leafHash}</span>],
                      ["块哈希", <span className="break-all font-mono">{d.ledger.rootHash}</span>],
                    ]}
                  />
                </div>
              )}
            </div>
          )}
          {tab === "assessment" && (
            <div className="space-y-3">
              <InfoGrid
                items={[
                  ["考试计划", d.assessment.plan],
                  ["考试时间", beijing(d.assessment.examStartsAt)],
                  ["考核状态", d.assessment.outcome],
                  ...(d.assessment.total ? ([["总成绩", d.assessment.total]] as [string, string][]) : []),
                ]}
              />
              <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="科目成绩">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">考试科目</th>
                      <th scope="col">科目代码</th>
                      <th scope="col">成绩</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.assessment.subjects.map((s) => (
                      <tr key={s.code}>
                        <td>{s.name}</td>
                        <td className="font-mono text-xs">{s.code}</td>
                        <td>{s.score ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          )}
          {tab === "events" && (
            <ol className="space-y-3" aria-label="签发记录">
              {d.events.map((e) => (
                <li key={e.id} className="flex flex-wrap items-start gap-3 border-l-2 border-brand-600 pl-3" data-issuance-event={e.action}>
                  <div className="min-w-0 flex-1">
                    <p className="font-medium">
                      {e.action} <span className="text-xs font-normal text-slate-500">→ {e.to}</span>
                    </p>
                    <p className="text-xs text-slate-600">
                      {beijing(e.at)} · {e.actorName ?? "系统"}
                      {e.signedRecords && e.signedRecords > 1 ? ` · 本次共签发 ${e.signedRecords} 条` : ""}
                    </p>
                    {e.reason && <p className="text-xs text-red-700">理由：{e.reason}</p>}
                  </div>
                  {e.signatureFileId && (
                    <img
                      src={`/api/files/${e.signatureFileId}`}
                      alt={`${e.actorName ?? ""}的签发签名`}
                      className="h-12 w-36 rounded border border-slate-200 bg-white object-contain"
                    />
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </DetailDialog>
  );
}
