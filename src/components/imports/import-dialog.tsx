"use client";
// 批量导入 (every import): download the template, upload the filled .xlsx, watch the progress (the import runs in
// the background; leaving the page is fine, 导入记录 keeps the result), then download the failed rows.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import type { ImportKind } from "@/generated/prisma/enums";
import { Dialog } from "../dialog";

/** What each import is called in 导入记录. */
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  CANDIDATES: "导入考生信息",
  CANDIDATE_UPDATES: "修改考生信息",
  CANDIDATE_PHOTOS: "导入学生照片",
  EXAM_ROOMS: "导入考场信息",
  TEACHERS: "导入教师",
  INVIGILATORS: "导入监考人员",
  REGISTRATIONS_BY_CERTIFICATE: "导入报考（按证书）",
  REGISTRATIONS_BY_SUBJECT: "导入报考（按科目）",
  SUBJECT_SCORES: "导入科目成绩",
};

export function ImportDialog({
  kind,
  recordKind,
  title,
  onClose,
  onFinished,
  zip = false,
  instructions,
  params,
  children,
}: {
  /** The import's key in the registry: /api/import/<kind> and its template. */
  kind: string;
  recordKind: ImportKind;
  title: string;
  onClose: () => void;
  /** Refresh the page's list once the import has finished. */
  onFinished: () => void;
  zip?: boolean;
  /** The first step, when it is not "download the template and fill it in"; gets the template link. */
  instructions?: (template: React.ReactNode) => React.ReactNode;
  /** What is chosen before uploading (报考: the plan); null while incomplete, which keeps the upload shut. */
  params?: Record<string, string> | null;
  /** The fields choosing `params`, above the steps. */
  children?: React.ReactNode;
}) {
  const trpc = useTRPC();
  const input = useRef<HTMLInputElement>(null);
  const [recordId, setRecordId] = useState<string | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  // Coming back while an import of this kind still runs: show its progress again.
  const latest = useQuery(trpc.imports.records.queryOptions({ kinds: [recordKind], page: 1, pageSize: 10 }));
  const running = latest.data?.rows.find((x) => x.status === "RUNNING")?.id ?? null;
  const shownId = recordId ?? running;
  const status = useQuery({
    ...trpc.imports.status.queryOptions({ id: shownId ?? "" }),
    enabled: !!shownId,
    refetchInterval: (q) => (q.state.data?.status === "RUNNING" ? 1000 : false),
  });
  const r = status.data;
  const finished = !!r && r.status !== "RUNNING";
  const done = useRef(onFinished);
  useEffect(() => {
    done.current = onFinished;
  });
  useEffect(() => {
    if (finished) done.current();
  }, [finished]);
  const template = (
    <a className="btn-link" href={`/api/import/${kind}/template`}>
      下载导入模板
    </a>
  );
  const pct = r && r.total ? Math.round((r.processed / r.total) * 100) : 0;
  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      footer={
        <button className="btn-default" onClick={onClose}>
          关闭
        </button>
      }
    >
      {children}
      <ol className="list-decimal space-y-2 pl-5 text-sm">
        {instructions ? (
          instructions(template)
        ) : (
          <li>
            {template}
            ，按模板填写（示例行会被忽略，编号和证件号码请保持文本格式）。
          </li>
        )}
        <li>
          {zip ? "选择照片压缩包上传：" : "选择填好的 .xlsx 文件（或另存的 .csv）上传："}
          <input
            ref={input}
            type="file"
            accept={zip ? ".zip" : ".xlsx,.csv"}
            className="hidden"
            aria-label="选择导入文件"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (!file) return;
              setError("");
              setBusy(true);
              setRecordId(null);
              try {
                const body = new FormData();
                body.append("file", file);
                if (params) body.append("params", JSON.stringify(params));
                const res = await fetch(`/api/import/${kind}`, { method: "POST", body });
                const json = await res.json().catch(() => ({ message: "上传失败" }));
                if (!res.ok) setError(json.message ?? "上传失败");
                else setRecordId(json.recordId);
              } catch (err) {
                setError(errorMessage(err));
              } finally {
                setBusy(false);
              }
            }}
          />
          <button
            type="button"
            className="btn-primary ml-2"
            disabled={busy || r?.status === "RUNNING" || params === null}
            onClick={() => input.current?.click()}
          >
            {busy ? "上传中…" : "选择文件并导入"}
          </button>
        </li>
      </ol>
      {r && (
        <div className="space-y-2 rounded border border-slate-200 p-3 text-sm" data-testid="import-result">
          {r.status === "RUNNING" && (
            <>
              <p>正在导入，已处理 {r.processed} 行（全部通过检查后一次写入，文件有误则不写入任何数据）。可离开本页，稍后在「导入记录」查看结果。</p>
              <div className="h-2 rounded bg-slate-100">
                <div className={`h-2 rounded bg-brand-600 ${pct ? "" : "animate-pulse"}`} style={{ width: pct ? `${pct}%` : "100%" }} />
              </div>
            </>
          )}
          {r.status === "DONE" && (
            <p>
              导入完成：成功 <b data-testid="import-succeeded">{r.succeeded}</b> 条，失败 <b data-testid="import-failed">{r.failed}</b> 条。
              {r.failedFileId && (
                <a className="btn-link ml-2" href={`/api/files/${r.failedFileId}`}>
                  下载失败数据
                </a>
              )}
            </p>
          )}
          {r.status === "FAILED" && (
            <p className="text-red-600" role="alert">
              {r.message}
            </p>
          )}
        </div>
      )}
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

/** 导入记录 of one page's imports: who imported what, when, how many succeeded and failed, the failed rows. */
export function ImportRecordsDialog({ kinds, onClose }: { kinds: ImportKind[]; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.imports.records.queryOptions({ kinds, page: 1, pageSize: 20 }));
  const STATUS = { RUNNING: "导入中", DONE: "已完成", FAILED: "失败" } as const;
  return (
    <Dialog
      wide
      open
      title="导入记录"
      onClose={onClose}
      footer={
        <button className="btn-default" onClick={onClose}>
          关闭
        </button>
      }
    >
      <table className="table">
        <thead>
          <tr>
            <th>导入类型</th>
            <th>文件</th>
            <th>导入人</th>
            <th>导入时间</th>
            <th>状态</th>
            <th>成功</th>
            <th>失败</th>
            <th>失败数据</th>
          </tr>
        </thead>
        <tbody>
          {q.data?.rows.map((r) => (
            <tr key={r.id}>
              <td>{IMPORT_KIND_LABELS[r.kind]}</td>
              <td className="max-w-48 truncate" title={r.filename}>
                {r.filename}
              </td>
              <td>{r.user}</td>
              <td className="whitespace-nowrap">{new Date(r.createdAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}</td>
              <td title={r.message ?? ""}>{STATUS[r.status]}</td>
              <td>{r.succeeded}</td>
              <td>{r.failed}</td>
              <td>
                {r.failedFileId ? (
                  <a className="btn-link" href={`/api/files/${r.failedFileId}`}>
                    下载
                  </a>
                ) : r.message ? (
                  <span className="text-xs text-red-600">{r.message}</span>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
          {q.data && q.data.rows.length === 0 && (
            <tr>
              <td colSpan={8} className="py-6 text-center text-slate-400">
                暂无导入记录
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </Dialog>
  );
}

/** A page's 导入记录 and 批量导入… buttons, opening the two dialogs above. */
export function ImportButtons({ label, onImport, onRecords }: { label: string; onImport: () => void; onRecords: () => void }) {
  return (
    <>
      <button className="btn-default" onClick={onRecords}>
        导入记录
      </button>
      <button className="btn-default" onClick={onImport}>
        {label}
      </button>
    </>
  );
}
