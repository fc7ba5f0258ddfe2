"use client";
// 证书发放管理 (002 §4.2): a tab per state with its count; the org gets 获取待发证记录 and signs first, the school
// (考核站点) signs second; 签发 single or 批量确认签发, 拒绝签发 with a reason, 重新签发 from a refusal.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { ListPage } from "../list/list-page";
import { ISSUANCE_STATUSES, ISSUANCE_STATUS_LABELS, type IssuanceStatus } from "@/domain/issuance/state";
import { GenerateDialog, RefuseDialog, SignDialog } from "./issuance-dialogs";
import { FileJobButton } from "@/components/list/file-job-button";
import { IssuanceDetailDialog, IssueDialog, ReissueDialog, RevokeDialog, RunProgress, SealDialog } from "./certificate-dialogs";

type Side = "org" | "site";
const SIGNABLE: Record<Side, IssuanceStatus[]> = { org: ["ORG_PENDING", "ORG_REFUSED"], site: ["SITE_PENDING", "SITE_REFUSED"] };
const REFUSABLE: Record<Side, IssuanceStatus> = { org: "ORG_PENDING", site: "SITE_PENDING" };
const when = (d: Date | null) => (d ? new Date(d).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—");

export function IssuancePage({ side }: { side: Side }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<
    { kind: "sign" | "refuse" | "issue" | "reissue"; ids: string[] } | { kind: "revoke" | "detail"; id: string } | { kind: "generate" | "seal" } | null
  >(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.pathKey() });
  const zip = useMutation(trpc.issuance.zip.mutationOptions());
  const close = () => setDialog(null);
  const done = async () => {
    await refresh();
    setDialog(null);
  };
  // A new run: show its progress at once; the list refreshes again when it ends.
  const issued = async () => {
    await qc.invalidateQueries({ queryKey: trpc.issuance.runs.queryKey() });
    await done();
  };
  return (
    <>
      <ListPage
        title="证书发放管理"
        description={
          side === "org" ? (
            <span className="block space-y-2">
              <span className="block">
                获取待发证记录后由培训评价组织负责人签字确认签发，再由考核站点（试点院校）签发；双方签发后方可发放纸质或电子证书。签字仅用于确认签发，不会体现在证书中。
              </span>
              <RunProgress onFinished={refresh} />
            </span>
          ) : (
            "培训评价组织签发后，由院校负责人（或证书负责人）签字确认签发；双方签发后培训评价组织方可发放证书。签字仅用于确认签发，不会体现在证书中。"
          )
        }
        initialTab={side === "org" ? "ORG_PENDING" : "SITE_PENDING"}
        exportList="issuances"
        exportLabel="导出发证记录"
        fields={[
          { key: "name", label: "考生姓名" },
          { key: "idNumber", label: "证件号码" },
          { key: "certificate", label: "证书" },
          ...(side === "org" ? [{ key: "school" as const, label: "所属院校" }] : []),
          { key: "certificateNumber", label: "证书号" },
        ]}
        tabs={ISSUANCE_STATUSES.map((s) => ({ value: s, label: ISSUANCE_STATUS_LABELS[s] }))}
        list={trpc.lists.issuances}
        rowData={(r) => ({ "data-issuance": r.name, "data-status": r.status })}
        toolbar={
          side === "org" ? (
            <>
              <button className="btn-primary" onClick={() => setDialog({ kind: "generate" })}>
                获取待发证记录
              </button>
              <button className="btn-default" onClick={() => setDialog({ kind: "seal" })}>
                电子公章
              </button>
            </>
          ) : undefined
        }
        bulkActions={(ids, clear) => {
          const open = (kind: "sign" | "issue" | "reissue") => () => {
            setDialog({ kind, ids });
            clear();
          };
          return (
            <>
              <button className="btn-default" disabled={ids.length === 0} onClick={open("sign")}>
                批量确认签发
              </button>
              <FileJobButton label="批量下载证书" disabled={ids.length === 0} request={() => zip.mutateAsync({ ids })} />
              {side === "org" && (
                <>
                  <button className="btn-default" disabled={ids.length === 0} onClick={open("issue")}>
                    批量发放
                  </button>
                  <button className="btn-default" disabled={ids.length === 0} onClick={open("reissue")}>
                    批量重新发放
                  </button>
                </>
              )}
            </>
          );
        }}
        columns={[
          { header: "考生姓名", cell: (r) => r.name, className: "whitespace-nowrap" },
          { header: "证件号码", cell: (r) => r.idNumberMasked, className: "font-mono text-xs whitespace-nowrap" },
          { header: "所属院校", cell: (r) => r.school, className: "min-w-32" },
          { header: "证书名称", cell: (r) => r.certificate, className: "min-w-40" },
          { header: "考试计划", cell: (r) => r.plan, className: "min-w-40" },
          {
            header: "颁证状态",
            cell: (r) => (
              <span>
                {r.statusLabel}
                {r.refusalReason && <span className="block text-xs text-red-700">理由：{r.refusalReason}</span>}
                {r.status === "SEAL_FAILED" && r.failureCause && <span className="block text-xs text-red-700">原因：{r.failureCause}</span>}
                {r.certificateNumber && <span className="block font-mono text-xs text-slate-500">{r.certificateNumber}</span>}
              </span>
            ),
            className: "min-w-28",
          },
          { header: "组织签发", cell: (r) => when(r.orgSignedAt), className: "whitespace-nowrap text-xs" },
          { header: "站点签发", cell: (r) => when(r.siteSignedAt), className: "whitespace-nowrap text-xs" },
        ]}
        actions={(r) => (
          <span className="flex gap-2">
            {SIGNABLE[side].includes(r.status) && (
              <button className="btn-link" onClick={() => setDialog({ kind: "sign", ids: [r.id] })}>
                {r.status === SIGNABLE[side][1] ? "重新签发" : "签发"}
              </button>
            )}
            {r.status === REFUSABLE[side] && (
              <button className="btn-link text-red-700" onClick={() => setDialog({ kind: "refuse", ids: [r.id] })}>
                拒绝签发
              </button>
            )}
            {side === "org" && r.status === "AWAITING_ISSUE" && (
              <button className="btn-link" onClick={() => setDialog({ kind: "issue", ids: [r.id] })}>
                发放
              </button>
            )}
            {r.fileId && (
              <a className="btn-link" href={`/api/files/${r.fileId}`} download>
                下载证书
              </a>
            )}
            {side === "org" && (r.status === "SEAL_FAILED" || (r.status === "ISSUED" && !r.revoked)) && (
              <button className="btn-link" onClick={() => setDialog({ kind: "reissue", ids: [r.id] })}>
                重新发放
              </button>
            )}
            {side === "org" && r.status === "ISSUED" && !r.revoked && (
              <button className="btn-link text-red-700" onClick={() => setDialog({ kind: "revoke", id: r.id })}>
                撤销
              </button>
            )}
            <button className="btn-link" onClick={() => setDialog({ kind: "detail", id: r.id })}>
              查看
            </button>
          </span>
        )}
      />
      {dialog?.kind === "sign" && <SignDialog ids={dialog.ids} onClose={close} onDone={done} />}
      {dialog?.kind === "refuse" && <RefuseDialog ids={dialog.ids} onClose={close} onDone={done} />}
      {dialog?.kind === "generate" && <GenerateDialog onClose={close} onDone={refresh} />}
      {dialog?.kind === "issue" && <IssueDialog ids={dialog.ids} onClose={close} onDone={issued} />}
      {dialog?.kind === "reissue" && <ReissueDialog ids={dialog.ids} onClose={close} onDone={done} />}
      {dialog?.kind === "revoke" && <RevokeDialog id={dialog.id} onClose={close} onDone={done} />}
      {dialog?.kind === "detail" && <IssuanceDetailDialog id={dialog.id} onClose={close} />}
      {dialog?.kind === "seal" && <SealDialog onClose={close} />}
    </>
  );
}
