"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Dialog } from "../dialog";
import { SmsButton } from "../sms-button";

import type { ListName } from "@/server/catalogue/lists";

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
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="btn-default"
        onClick={() => {
          setOpen(true);
          setError("");
          setDone(null);
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
              disabled={create.isPending || code.length !== 6}
              onClick={async () => {
                setError("");
                try {
                  const r = await create.mutateAsync({ list, filter, tab, ids: ids.length ? ids : undefined, smsCode: code });
                  setDone(`已导出 ${r.rows} 条，正在下载 ${r.filename}`);
                  downloadFile(`/api/files/${r.fileId}`);
                } catch (e) {
                  setError(errorMessage(e));
                }
              }}
            >
              {create.isPending ? "正在导出…" : "确定导出"}
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
        {done && (
          <p className="alert-ok" role="status">
            {done}
          </p>
        )}
      </Dialog>
    </>
  );
}

/** Starts a file download (an attachment response, not a page to navigate to). */
function downloadFile(href: string) {
  const a = document.createElement("a");
  a.href = href;
  a.download = "";
  document.body.appendChild(a);
  a.click();
  a.remove();
}
