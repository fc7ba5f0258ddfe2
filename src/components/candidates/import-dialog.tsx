"use client";
// 批量导入: download the template, upload the filled .xlsx, watch the progress (the import runs in the
// background; leaving the page is fine, 导入记录 keeps the result), then download the failed rows.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Dialog } from "../dialog";

export function ImportDialog({ kind, title, onClose }: { kind: "candidates" | "candidate-updates" | "candidate-photos"; title: string; onClose: () => void }) {
  const zip = kind === "candidate-photos";
  const trpc = useTRPC();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [recordId, setRecordId] = useState<string | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  // Coming back while an import of this kind still runs: show its progress again.
  const KINDS = { candidates: "CANDIDATES", "candidate-updates": "CANDIDATE_UPDATES", "candidate-photos": "CANDIDATE_PHOTOS" } as const;
  const latest = useQuery(trpc.candidates.imports.queryOptions({ kind: KINDS[kind], page: 1, pageSize: 10 }));
  const running = latest.data?.rows.find((x) => x.status === "RUNNING")?.id ?? null;
  const shownId = recordId ?? running;
  const status = useQuery({
    ...trpc.candidates.importStatus.queryOptions({ id: shownId ?? "" }),
    enabled: !!shownId,
    refetchInterval: (q) => (q.state.data?.status === "RUNNING" ? 1000 : false),
  });
  const r = status.data;
  const finished = !!r && r.status !== "RUNNING";
  useEffect(() => {
    if (finished) void qc.invalidateQueries({ queryKey: trpc.lists.candidates.pathKey() });
  }, [finished, qc, trpc]);
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
      <ol className="list-decimal space-y-2 pl-5 text-sm">
        {zip ? (
          <li>
            把照片命名为「证件号码.jpg」或「证件号码.png」（295×413 像素、红色背景、每张不超过 5M），打包为一个 .zip
            文件。已认证为「信息准确」的考生照片不能更换。
          </li>
        ) : kind === "candidate-updates" ? (
          <li>
            先用「批量导出」导出要修改的考生，在导出的表格中修改后导入；按证件号码匹配本校考生（也可用{" "}
            <a className="btn-link" href={`/api/import/${kind}/template`}>
              模板
            </a>
            ）。已认证「信息准确」的考生姓名和证件不能修改。
          </li>
        ) : (
          <li>
            <a className="btn-link" href={`/api/import/${kind}/template`}>
              下载导入模板
            </a>
            ，按模板填写（示例行会被忽略，证件号码请保持文本格式）。
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
          <button type="button" className="btn-primary ml-2" disabled={busy || r?.status === "RUNNING"} onClick={() => input.current?.click()}>
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

export function ImportRecordsDialog({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.candidates.imports.queryOptions({ page: 1, pageSize: 20 }));
  const KIND = { CANDIDATES: "导入考生信息", CANDIDATE_UPDATES: "修改考生信息", CANDIDATE_PHOTOS: "导入学生照片" } as const;
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
              <td>{KIND[r.kind]}</td>
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
