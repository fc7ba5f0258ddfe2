"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Dialog } from "../dialog";
import { Field } from "../field";
import { UploadButton } from "../upload";
import { usePatchState } from "../use-patch";

export type EditableStandard = { id: string; code: string; name: string; version: string; attachmentFileId: string | null };

/** 新增 / 修改 a standard of the signed-in org, with its PDF attachment. */
export function StandardFormDialog({
  kind,
  title,
  row,
  onClose,
  onSaved,
}: {
  kind: "skill" | "site";
  title: string;
  row: EditableStandard | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.standards.create.mutationOptions());
  const update = useMutation(trpc.standards.update.mutationOptions());
  const [f, patch] = usePatchState({
    code: row?.code ?? "",
    name: row?.name ?? "",
    version: row?.version ?? `${new Date().getFullYear()}版`,
    attachmentFileId: row?.attachmentFileId ?? null,
    attachmentName: row?.attachmentFileId ? "已上传附件" : "",
  });
  const [error, setError] = useState("");
  return (
    <Dialog
      open
      title={`${row ? "修改" : "新增"}${title}`}
      onClose={onClose}
      footer={
        <>
          <button className="btn-default" onClick={onClose}>
            关闭
          </button>
          <button
            className="btn-primary"
            disabled={create.isPending || update.isPending}
            onClick={async () => {
              setError("");
              try {
                if (row) await update.mutateAsync({ kind, id: row.id, name: f.name, version: f.version, attachmentFileId: f.attachmentFileId });
                else await create.mutateAsync({ kind, code: f.code, name: f.name, version: f.version, attachmentFileId: f.attachmentFileId });
                onSaved();
              } catch (e) {
                setError(errorMessage(e));
              }
            }}
          >
            保存
          </button>
        </>
      }
    >
      <Field label="标准代码" htmlFor="std-code" required>
        {row ? (
          <div className="font-mono">{row.code}</div>
        ) : (
          <input id="std-code" className="input" value={f.code} onChange={(e) => patch({ code: e.target.value })} />
        )}
      </Field>
      <Field label="标准名称" htmlFor="std-name" required>
        <input id="std-name" className="input" value={f.name} onChange={(e) => patch({ name: e.target.value })} />
      </Field>
      <Field label="标准版本" htmlFor="std-version" required hint="如 2021版">
        <input id="std-version" className="input" value={f.version} onChange={(e) => patch({ version: e.target.value })} />
      </Field>
      <Field label="附件（PDF）">
        <div className="flex items-center gap-3">
          <span className="text-sm text-slate-600">{f.attachmentName || "未上传"}</span>
          <UploadButton
            purpose="standard-attachment"
            accept=".pdf"
            label="上传附件"
            onUploaded={(u) => patch({ attachmentFileId: u.id, attachmentName: u.filename })}
            onError={setError}
          />
        </div>
      </Field>
      {!row && <p className="text-xs text-slate-500">新增的标准为停用状态，核对无误后点“启用”发布。</p>}
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
