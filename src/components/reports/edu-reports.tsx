"use client";
// 周报审核 (education departments): the region's submitted reports to approve or return, the schools that
// have not submitted this period, and (province) the cadence.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Dialog } from "../dialog";
import { Field } from "../field";
import { UploadButton } from "../upload";
import { ListPage } from "../list/list-page";
import { ReportDetailDialog, ReportForReview } from "./report-detail";
import { CADENCE_LABELS, REPORT_STATUS_LABELS, periodLabel, type Cadence } from "@/domain/reports/period";

export function EduReports() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [viewing, setViewing] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  return (
    <div className="space-y-4">
      <CadenceBar />
      <OutlineBar />
      {message && (
        <p className="alert-info" role="status">
          {message}
        </p>
      )}
      <ListPage
        title="周报审核"
        exportList="weeklyReportReviews"
        fields={[
          { key: "school", label: "院校名称" },
          { key: "year", label: "年度" },
        ]}
        tabs={(["PENDING", "APPROVED", "RETURNED"] as const).map((s) => ({ value: s, label: REPORT_STATUS_LABELS[s] }))}
        list={trpc.lists.weeklyReportReviews}
        columns={[
          { header: "院校名称", cell: (r) => r.school.name },
          { header: "周期", cell: (r) => periodLabel(r.cadence, r.periodStart, r.periodEnd) },
          {
            header: "提交时间",
            cell: (r) => (r.submittedAt ? new Date(r.submittedAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—"),
          },
          { header: "状态", cell: (r) => REPORT_STATUS_LABELS[r.status], className: "whitespace-nowrap" },
        ]}
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setViewing(r.id)}>
              查看
            </button>
            {r.status === "PENDING" && (
              <button className="btn-link text-amber-600" onClick={() => setDeciding(r.id)}>
                审核
              </button>
            )}
          </span>
        )}
      />
      <MissingReports />
      {viewing && <ReportDetailDialog id={viewing} onClose={() => setViewing(null)} />}
      {deciding && (
        <DecideReportDialog
          id={deciding}
          onClose={() => setDeciding(null)}
          onDone={async (text) => {
            setDeciding(null);
            setMessage(text);
            await qc.invalidateQueries({ queryKey: trpc.lists.weeklyReportReviews.pathKey() });
            await qc.invalidateQueries({ queryKey: trpc.lists.missingReports.pathKey() });
            await qc.invalidateQueries({ queryKey: trpc.reports.missingSummary.pathKey() });
          }}
        />
      )}
    </div>
  );
}

function CadenceBar() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery(trpc.reports.cadence.queryOptions());
  const set = useMutation(trpc.reports.setCadence.mutationOptions());
  const [error, setError] = useState("");
  if (!q.data) return null;
  return (
    <div className="card flex flex-wrap items-center gap-3 p-4 text-sm">
      <span>周报提交周期：</span>
      {q.data.canSet ? (
        <select
          aria-label="周报提交周期"
          className="input w-40"
          value={q.data.cadence}
          onChange={async (e) => {
            setError("");
            try {
              await set.mutateAsync({ cadence: e.target.value as Cadence });
              await qc.invalidateQueries({ queryKey: trpc.reports.pathKey() });
            } catch (err) {
              setError(errorMessage(err));
            }
          }}
        >
          {(Object.keys(CADENCE_LABELS) as Cadence[]).map((c) => (
            <option key={c} value={c}>
              {c === "WEEKLY" ? "按周（周报）" : "按半月（半月报）"}
            </option>
          ))}
        </select>
      ) : (
        <b>{CADENCE_LABELS[q.data.cadence]}</b>
      )}
      <span className="text-slate-500">{q.data.canSet ? "修改后对新开始填写的周报生效。" : "由省级教育行政部门设置。"}</span>
      {error && (
        <span className="text-red-600" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** 周报提纲: one per cadence; the province publishes (a new file replaces the old), a city sees what was published. */
function OutlineBar() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery(trpc.reports.outlines.queryOptions());
  const canSet = !!useQuery(trpc.reports.cadence.queryOptions()).data?.canSet;
  const publish = useMutation(trpc.reports.publishOutline.mutationOptions());
  const [error, setError] = useState("");
  if (!q.data) return null;
  return (
    <div className="card space-y-2 p-4 text-sm">
      <h2 className="font-semibold">周报提纲</h2>
      {(Object.keys(CADENCE_LABELS) as Cadence[]).map((c) => {
        const o = q.data.outlines.find((x) => x.cadence === c);
        return (
          <div key={c} className="flex flex-wrap items-center gap-3" data-outline={c}>
            <span className="w-16 shrink-0">{CADENCE_LABELS[c]}提纲</span>
            {o ? (
              <a className="btn-link" href={`/api/files/${o.file.id}`}>
                {o.file.filename}
              </a>
            ) : (
              <span className="text-slate-400">未发布</span>
            )}
            {canSet && (
              <UploadButton
                purpose="report-outline"
                accept=".pdf,.doc,.docx"
                label={o ? `重新发布${CADENCE_LABELS[c]}提纲` : `发布${CADENCE_LABELS[c]}提纲`}
                onError={setError}
                onUploaded={async (f) => {
                  setError("");
                  try {
                    await publish.mutateAsync({ cadence: c, fileId: f.id });
                    await qc.invalidateQueries({ queryKey: trpc.reports.outlines.queryKey() });
                  } catch (err) {
                    setError(errorMessage(err));
                  }
                }}
              />
            )}
          </div>
        );
      })}
      {error && (
        <p className="text-red-600" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function MissingReports() {
  const trpc = useTRPC();
  const summary = useQuery(trpc.reports.missingSummary.queryOptions());
  const d = summary.data;
  return (
    <ListPage
      title="本期未提交院校"
      titleLevel={2}
      description={
        d && (
          <>
            {d.period.label}：{d.schools} 所试点院校中 <b data-testid="missing-count">{d.total}</b> 所尚未提交
          </>
        )
      }
      exportList="missingReports"
      exportLabel="导出本期未提交院校"
      fields={[]}
      list={trpc.lists.missingReports}
      columns={[
        { header: "院校代码", cell: (r) => r.code },
        { header: "院校名称", cell: (r) => r.name },
        { header: "联系人", cell: (r) => r.contactName ?? "—" },
        { header: "本期周报", cell: (r) => (r.state === "DRAFT" ? "已保存未提交" : r.state === "RETURNED" ? "审核退回待重新提交" : "未填写") },
      ]}
    />
  );
}

function DecideReportDialog({ id, onClose, onDone }: { id: string; onClose: () => void; onDone: (text: string) => void }) {
  const trpc = useTRPC();
  const decide = useMutation(trpc.reports.decide.mutationOptions());
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  const run = async (approve: boolean) => {
    setError("");
    try {
      await decide.mutateAsync({ id, approve, reason: reason || undefined });
      onDone(approve ? "周报审核通过" : "周报已退回，已短信通知院校负责人");
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog
      open
      wide
      title="审核周报"
      onClose={onClose}
      footer={
        <>
          <button className="btn-default" onClick={onClose}>
            取消
          </button>
          <button className="btn-danger" disabled={decide.isPending} onClick={() => run(false)}>
            退回
          </button>
          <button className="btn-primary" disabled={decide.isPending} onClick={() => run(true)}>
            审核通过
          </button>
        </>
      }
    >
      <ReportForReview id={id} />
      <Field label="审核意见（退回时必填）" htmlFor="wr-reason">
        <textarea id="wr-reason" className="input" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
