"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useFileJob } from "./file-job";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Dialog } from "../dialog";
import { SmsButton } from "../sms-button";

import type { ListName } from "@/server/lists/registry";

/** 批量导出: the ticked rows or the whole filter, after an SMS code to the bound phone; then the download. */
export function ExportButton({
  list,
  label,
  filter,
  tab,
  ids,
}: {
  list: ListName;
  label: string;
  filter: Record<string, unknown>;
  tab?: string;
  ids: string[];
}) {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const send = useMutation(trpc.auth.sendOwnCode.mutationOptions());
  const create = useMutation(trpc.exports.create.mutationOptions());
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState("");
  const [error, setError] = useState("");
  const { exportId, start: setExportId, st, running } = useFileJob();
  return (
    <>
      <button
        type="button"
        className="btn-default"
        onClick={() => {
          setOpen(true);
          setError("");
          setExportId(null);
          setCode("");
        }}
      >
        {label}
      </button>
      <Dialog
        open={open}
        title={label}
        onClose={() => setOpen(false)}
        footer={
          <>
            <button className="btn-default" onClick={() => setOpen(false)}>
              关闭
            </button>
            <button
              className="btn-primary"
              disabled={create.isPending || running || code.length !== 6}
              onClick={async () => {
                setError("");
                try {
                  const r = await create.mutateAsync({ list, filter, tab, ids: ids.length ? ids : undefined, smsCode: code });
                  setExportId(r.exportId);
                } catch (e) {
                  setError(errorMessage(e));
                }
              }}
            >
              {create.isPending || running ? "正在导出…" : "确定导出"}
            </button>
          </>
        }
      >
        <p>{ids.length ? `将导出勾选的 ${ids.length} 条数据。` : "未勾选数据，将导出当前查询条件下的全部数据。"}温馨提示：每次最多可导出 5 万条数据。</p>
        <p className="alert-info">为了确保数据安全，请用您绑定的手机号 {me.data?.phone} 获取验证码，进行身份验证。</p>
        <div className="flex gap-2">
          <input
            aria-label="短信验证码"
            className="input"
            inputMode="numeric"
            maxLength={6}
            placeholder="短信验证码"
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
          />
          <SmsButton send={() => send.mutateAsync({ purpose: "EXPORT" })} onError={setError} />
        </div>
        {error && (
          <p className="alert-error" role="alert">
            {error}
          </p>
        )}
        {exportId && (
          <div role="status" aria-live="polite">
            {st?.status === "DONE" ? (
              <p className="alert-ok">
                已导出 {st.processed} 条，正在下载 {st.filename}。如未开始下载，
                <a className="text-blue-700 underline" href={`/api/files/${st.fileId}`}>
                  点此下载
                </a>
                （1 小时内有效）。
              </p>
            ) : st?.status === "FAILED" ? (
              <p className="alert-error">{st.message}</p>
            ) : (
              <div>
                <p>
                  正在导出：{st?.processed ?? 0} / {st?.total ?? "…"} 条
                </p>
                <progress className="w-full" max={st?.total || 1} value={st?.processed ?? 0} aria-label="导出进度" />
              </div>
            )}
          </div>
        )}
      </Dialog>
    </>
  );
}
