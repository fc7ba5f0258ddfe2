"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Dialog } from "../dialog";
import { Field } from "../field";
import { usePatchState } from "../use-patch";

/** 新增 / 修改 an evaluation organization (platform admin). */
export function OrgFormDialog({ id, onClose, onSaved }: { id: string | null; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const existing = useQuery({ ...trpc.catalogue.org.queryOptions({ id: id ?? "00000000-0000-0000-0000-000000000000" }), enabled: !!id });
  const create = useMutation(trpc.orgs.create.mutationOptions());
  const update = useMutation(trpc.orgs.update.mutationOptions());
  const [f, patch] = usePatchState<Record<string, string | null>>({});
  const [error, setError] = useState("");
  const e = existing.data as Record<string, unknown> | undefined;
  const val = (k: string) => (f[k] ?? (e?.[k] as string | null | undefined) ?? "") as string;
  const input = (k: string, label: string, required = false, hint?: string) => (
    <Field label={label} htmlFor={`org-${k}`} required={required} hint={hint}>
      <input id={`org-${k}`} className="input" value={val(k)} onChange={(ev) => patch({ [k]: ev.target.value })} />
    </Field>
  );
  return (
    <Dialog
      wide
      open
      title={id ? "修改培训评价组织" : "新增培训评价组织"}
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
              const body = {
                name: val("name"),
                uscc: val("uscc"),
                address: val("address") || null,
                website: val("website") || null,
                intro: val("intro") || null,
                contactName: val("contactName"),
                contactPhone: f.contactPhone ?? "",
                contactEmail: val("contactEmail") || null,
              };
              try {
                if (id) await update.mutateAsync({ id, ...body });
                else await create.mutateAsync({ code: val("code"), ...body });
                onSaved();
              } catch (err) {
                setError(errorMessage(err));
              }
            }}
          >
            保存
          </button>
        </>
      }
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {id ? (
          <Field label="机构代码">
            <div className="font-mono">{val("code")}</div>
          </Field>
        ) : (
          input("code", "机构代码", true)
        )}
        {input("name", "机构名称", true)}
        {input("uscc", "统一社会信用代码", true)}
        {input("website", "网址")}
        <div className="sm:col-span-2">{input("address", "地址")}</div>
        {input("contactName", "联系人", true)}
        {input("contactPhone", "联系电话", true, id ? "为保护隐私不回显，修改时请重新填写" : undefined)}
        {input("contactEmail", "邮箱")}
      </div>
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
