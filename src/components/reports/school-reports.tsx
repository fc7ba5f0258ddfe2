"use client";
// 提交周报 (principal): the list with status tabs; 提交周报 writes the current period's report (once),
// 保存 → 未提交, 提交 → 待审核; 撤回 while 待审核; 编辑/删除 while 未提交; 编辑 again after 审核退回.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Dialog, LoadingDialog } from "../dialog";
import { Field } from "../field";
import { ListPage } from "../list/list-page";
import { UploadButton } from "../upload";
import { ReportDetailDialog } from "./report-detail";
import { ALREADY_SUBMITTED, CADENCE_LABELS, REPORT_SECTIONS, REPORT_STATUS_LABELS, periodLabel, reportActions } from "@/domain/reports/period";

export function SchoolReports() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const current = useQuery(trpc.reports.current.queryOptions());
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const submit = useMutation(trpc.reports.submit.mutationOptions());
  const withdraw = useMutation(trpc.reports.withdraw.mutationOptions());
  const del = useMutation(trpc.reports.delete.mutationOptions());
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: trpc.lists.weeklyReports.pathKey() });
    await qc.invalidateQueries({ queryKey: trpc.reports.current.queryKey() });
  };
  const act = (fn: () => Promise<unknown>, ok: string) => async () => {
    setMessage(null);
    try {
      await fn();
      setMessage({ kind: "ok", text: ok });
      await refresh();
    } catch (e) {
      setMessage({ kind: "error", text: errorMessage(e) });
    }
  };
  const c = current.data;
  const outlines = useQuery(trpc.reports.outlines.queryOptions());
  const outline = outlines.data?.outlines.find((o) => o.cadence === outlines.data?.cadence);
  return (
    <>
      {c && (
        <p className="alert-info mb-3">
          本期{CADENCE_LABELS[c.cadence]}：{c.label}，须在下个周期开始前提交；进入下个周期后将不能补填。
          {outline ? (
            <a className="btn-link ml-2 underline" href={`/api/files/${outline.file.id}`}>
              下载{CADENCE_LABELS[c.cadence]}提纲
            </a>
          ) : (
            <span className="ml-2 text-slate-500">省级教育行政部门尚未发布{CADENCE_LABELS[c.cadence]}提纲。</span>
          )}
        </p>
      )}
      {message && (
        <p className={`${message.kind === "ok" ? "alert-ok" : "alert-error"} mb-3`} role="alert">
          {message.text}
        </p>
      )}
      <ListPage
        title="提交周报"
        exportList="weeklyReports"
        fields={[{ key: "year", label: "年度" }]}
        tabs={(["DRAFT", "PENDING", "APPROVED", "RETURNED"] as const).map((s) => ({ value: s, label: REPORT_STATUS_LABELS[s] }))}
        list={trpc.lists.weeklyReports}
        toolbar={
          <button
            className="btn-primary"
            onClick={async () => {
              // Asked afresh: a report submitted a moment ago must count even if the cached period is older.
              const now = await qc.fetchQuery({ ...trpc.reports.current.queryOptions(), staleTime: 0 });
              if (now.report) setMessage({ kind: "error", text: ALREADY_SUBMITTED });
              else setEditing({});
            }}
          >
            提交周报
          </button>
        }
        columns={[
          { header: "周期", cell: (r) => periodLabel(r.cadence, r.periodStart, r.periodEnd) },
          { header: "类型", cell: (r) => CADENCE_LABELS[r.cadence] },
          {
            header: "提交时间",
            cell: (r) => (r.submittedAt ? new Date(r.submittedAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—"),
          },
          { header: "状态", cell: (r) => <span data-testid="row-status">{REPORT_STATUS_LABELS[r.status]}</span>, className: "whitespace-nowrap" },
          { header: "退回原因", cell: (r) => (r.status === "RETURNED" ? r.returnReason : "") },
        ]}
        actions={(r) => {
          // The same rule the server applies: no button for an action it would refuse.
          const may = reportActions(r, new Date());
          return (
            <span className="flex gap-2">
              <button className="btn-link" onClick={() => setViewing(r.id)}>
                查看
              </button>
              {may.edit && (
                <button className="btn-link text-amber-600" onClick={() => setEditing({ id: r.id })}>
                  编辑
                </button>
              )}
              {may.submit && (
                <button className="btn-link" onClick={act(() => submit.mutateAsync({ id: r.id }), "周报已提交，等待审核")}>
                  提交
                </button>
              )}
              {may.withdraw && (
                <button className="btn-link text-amber-600" onClick={act(() => withdraw.mutateAsync({ id: r.id }), "已撤回，可再次编辑或提交")}>
                  撤回
                </button>
              )}
              {may.delete && (
                <button className="btn-link text-red-600" onClick={act(() => del.mutateAsync({ id: r.id }), "周报已删除")}>
                  删除
                </button>
              )}
            </span>
          );
        }}
      />
      {editing && (
        <ReportDialog
          id={editing.id}
          label={c?.label}
          onClose={() => setEditing(null)}
          onSaved={async (text) => {
            setEditing(null);
            setMessage({ kind: "ok", text });
            await refresh();
          }}
        />
      )}
      {viewing && <ReportDetailDialog id={viewing} onClose={() => setViewing(null)} />}
    </>
  );
}

function ReportDialog({ id, label, onClose, onSaved }: { id?: string; label?: string; onClose: () => void; onSaved: (text: string) => void }) {
  const trpc = useTRPC();
  const existing = useQuery({ ...trpc.reports.detail.queryOptions({ id: id ?? "" }), enabled: !!id });
  if (id && !existing.data) return <LoadingDialog title="编辑周报" error={existing.error} onClose={onClose} />;
  const d = existing.data;
  return (
    <ReportForm
      id={id}
      label={d?.label ?? label ?? ""}
      initial={d ? Object.fromEntries(d.sections.map((s) => [s.key, s.text])) : {}}
      scan={d?.scan ?? null}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}

function ReportForm({
  id,
  label,
  initial,
  scan: initialScan,
  onClose,
  onSaved,
}: {
  id?: string;
  label: string;
  initial: Record<string, string>;
  scan: { id: string; filename: string } | null;
  onClose: () => void;
  onSaved: (text: string) => void;
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.reports.save.mutationOptions());
  const [sections, setSections] = useState<Record<string, string>>(initial);
  const [scan, setScan] = useState(initialScan);
  const [error, setError] = useState("");
  const run = async (submit: boolean) => {
    setError("");
    try {
      await save.mutateAsync({ id, sections, scanFileId: scan?.id ?? null, submit });
      onSaved(submit ? "周报已提交，等待审核" : "周报已保存，状态为未提交");
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog
      wide
      open
      title={id ? "编辑周报" : "提交周报"}
      onClose={onClose}
      footer={
        <>
          <button className="btn-default" onClick={onClose}>
            取消
          </button>
          <button className="btn-default" disabled={save.isPending} onClick={() => run(false)}>
            保存
          </button>
          <button className="btn-primary" disabled={save.isPending} onClick={() => run(true)}>
            提交
          </button>
        </>
      }
    >
      <p className="text-sm text-slate-600">
        周期：<b>{label}</b>。请按周报提纲填写，并上传校领导签字盖章后的扫描件。
      </p>
      {REPORT_SECTIONS.map((s) => (
        <Field key={s.key} label={s.label} htmlFor={`wr-${s.key}`} required>
          <textarea
            id={`wr-${s.key}`}
            className="input"
            rows={3}
            maxLength={5000}
            value={sections[s.key] ?? ""}
            onChange={(e) => setSections({ ...sections, [s.key]: e.target.value })}
          />
        </Field>
      ))}
      <Field label="签字盖章扫描件（PDF/JPG/PNG）" required>
        <div className="flex flex-wrap items-center gap-3">
          <UploadButton
            purpose="weekly-report-scan"
            accept=".pdf,.jpg,.jpeg,.png"
            label={scan ? "重新上传" : "上传扫描件"}
            onUploaded={(u) => setScan({ id: u.id, filename: u.filename })}
            onError={setError}
          />
          {scan && (
            <span className="text-sm" data-testid="scan-name">
              {scan.filename}
            </span>
          )}
        </div>
      </Field>
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
