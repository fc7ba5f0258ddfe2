"use client";
// A file the worker writes (an export, a PDF): follow its ExportRecord until done, then download it once.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";

export function useFileJob() {
  const trpc = useTRPC();
  const [exportId, setExportId] = useState<string | null>(null);
  const status = useQuery({
    ...trpc.exports.status.queryOptions({ id: exportId ?? "" }),
    enabled: !!exportId,
    refetchInterval: (q) => (q.state.data?.status === "RUNNING" ? 1000 : false),
  });
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const st = exportId ? status.data : undefined;
  if (st?.status === "DONE" && st.fileId && downloaded !== st.fileId) {
    setDownloaded(st.fileId);
    downloadFile(`/api/files/${st.fileId}`);
  }
  return { exportId, start: setExportId, st, running: !!exportId && (!st || st.status === "RUNNING") };
}

/** Starts a file download (an attachment response, not a page to navigate to). */
export function downloadFile(href: string) {
  const a = document.createElement("a");
  a.href = href;
  a.download = "";
  document.body.appendChild(a);
  a.click();
  a.remove();
}
