"use client";
// A button for a file the worker builds (准考证, 考场门贴 / 桌贴 / 签到表, 批量下载证书): asks for it, shows its progress
// beside the button and downloads it when ready (the file stays downloadable for an hour).
import { errorMessage } from "@/trpc/react";
import { useState } from "react";
import { useFileJob } from "./file-job";

export function FileJobButton({
  label,
  request,
  className = "btn-default",
  disabled = false,
}: {
  label: string;
  request: () => Promise<{ exportId: string }>;
  className?: string;
  disabled?: boolean;
}) {
  const job = useFileJob();
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);
  const st = job.st;
  return (
    <span className="inline-flex flex-col gap-1">
      <button
        type="button"
        className={className}
        disabled={disabled || pending || job.running}
        onClick={async () => {
          setError("");
          setPending(true);
          try {
            job.start((await request()).exportId);
          } catch (e) {
            setError(errorMessage(e));
          } finally {
            setPending(false);
          }
        }}
      >
        {job.running ? `正在生成${label}…` : label}
      </button>
      <span role="status" aria-live="polite" className="text-xs">
        {error && <span className="text-red-700">{error}</span>}
        {st?.status === "FAILED" && <span className="text-red-700">{st.message}</span>}
        {st?.status === "DONE" && st.fileId && (
          <a className="text-blue-700 underline" href={`/api/files/${st.fileId}`}>
            {st.filename}
          </a>
        )}
      </span>
    </span>
  );
}
