"use client";
import { useRef, useState } from "react";

export type Uploaded = { id: string; filename: string; size: number };

/** Posts one file to /api/upload/<purpose>; the server checks type, size and content and says why it refuses. */
export function UploadButton({
  purpose,
  accept,
  label = "选择文件",
  onUploaded,
  onError,
}: {
  purpose: string;
  accept: string;
  label?: string;
  onUploaded: (f: Uploaded) => void;
  onError: (m: string) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        className="hidden"
        aria-label={label}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (!file) return;
          setBusy(true);
          onError("");
          try {
            const body = new FormData();
            body.append("file", file);
            const res = await fetch(`/api/upload/${purpose}`, { method: "POST", body });
            const json = await res.json().catch(() => ({ message: "上传失败，请稍后重试" }));
            if (!res.ok) onError(json.message ?? "上传失败");
            else onUploaded(json);
          } catch {
            onError("网络异常，上传失败");
          } finally {
            setBusy(false);
          }
        }}
      />
      <button type="button" className="btn-default" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? "上传中…" : label}
      </button>
    </>
  );
}
