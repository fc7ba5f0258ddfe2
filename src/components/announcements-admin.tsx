"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { FormDialog } from "./dialog";
import { Field } from "./field";
import { ListPage } from "./list/list-page";
import { UploadButton, type Uploaded } from "./upload";
import { usePatchState } from "./use-patch";
import { useActionMessage } from "./use-action-message";

const STATUS = { DRAFT: "草稿", PUBLISHED: "已发布", WITHDRAWN: "已撤回" } as const;
const CATEGORY = { POLICY: "政策文件", NOTICE: "通知公告" } as const;
type Status = keyof typeof STATUS;

export function AnnouncementsAdmin() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const publish = useMutation(trpc.announcements.publish.mutationOptions());
  const withdraw = useMutation(trpc.announcements.withdraw.mutationOptions());
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.announcements.pathKey() });
  const { act, say, banner } = useActionMessage(refresh);
  return (
    <>
      {banner}
      <ListPage
        title="通知公告"
        fields={[{ key: "q", label: "标题" }]}
        tabs={(Object.keys(STATUS) as Status[]).map((s) => ({ value: s, label: STATUS[s] }))}
        list={trpc.lists.announcements}
        rowData={(a) => ({ "data-title": a.title })}
        toolbar={
          <button className="btn-primary" onClick={() => setEditing({})}>
            新建公告
          </button>
        }
        columns={[
          {
            header: "标题",
            cell: (a) =>
              a.status === "PUBLISHED" ? (
                <Link className="btn-link" href={`/notices/${a.id}`} target="_blank">
                  {a.title}
                </Link>
              ) : (
                a.title
              ),
          },
          { header: "类别", cell: (a) => CATEGORY[a.category], className: "whitespace-nowrap" },
          { header: "状态", cell: (a) => STATUS[a.status], className: "whitespace-nowrap" },
          {
            header: "发布时间",
            cell: (a) => a.publishedAt?.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) ?? "—",
            className: "whitespace-nowrap text-slate-500",
          },
        ]}
        actions={(a) => (
          <span className="flex gap-2">
            {a.status !== "PUBLISHED" && (
              <button className="btn-link text-amber-600" onClick={() => setEditing({ id: a.id })}>
                修改
              </button>
            )}
            {a.status !== "PUBLISHED" && (
              <button className="btn-link" onClick={() => act(() => publish.mutateAsync({ id: a.id }), `已发布《${a.title}》`)}>
                发布
              </button>
            )}
            {a.status === "PUBLISHED" && (
              <button className="btn-link text-red-600" onClick={() => act(() => withdraw.mutateAsync({ id: a.id }), `已撤回《${a.title}》`)}>
                撤回
              </button>
            )}
          </span>
        )}
      />
      {editing && (
        <AnnouncementDialog
          id={editing.id}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            say({ ok: true, text: "已保存为草稿，发布后对外可见" });
            await refresh();
          }}
        />
      )}
    </>
  );
}

function AnnouncementDialog({ id, onClose, onSaved }: { id?: string; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const existing = useQuery({ ...trpc.announcements.get.queryOptions({ id: id ?? "00000000-0000-0000-0000-000000000000" }), enabled: !!id });
  const save = useMutation(trpc.announcements.save.mutationOptions());
  const [f, patch] = usePatchState<{ title: string | null; category: "POLICY" | "NOTICE" | null; body: string | null; files: Uploaded[] | null }>({
    title: null,
    category: null,
    body: null,
    files: null,
  });
  const [uploadError, setUploadError] = useState("");
  const title = f.title ?? existing.data?.title ?? "";
  const category = f.category ?? existing.data?.category ?? "NOTICE";
  const body = f.body ?? existing.data?.body ?? "";
  const files = f.files ?? existing.data?.attachments.map((a) => ({ ...a, size: 0 })) ?? [];
  return (
    <FormDialog
      wide
      title={id ? "修改公告" : "新建公告"}
      onClose={onClose}
      onSubmit={async () => {
        await save.mutateAsync({ id, title, category, body, attachmentFileIds: files.map((x) => x.id) });
        onSaved();
      }}
    >
      <Field label="标题" htmlFor="a-title" required>
        <input id="a-title" className="input" value={title} onChange={(e) => patch({ title: e.target.value })} />
      </Field>
      <Field label="类别" htmlFor="a-cat" required>
        <select id="a-cat" className="input" value={category} onChange={(e) => patch({ category: e.target.value as "POLICY" | "NOTICE" })}>
          <option value="NOTICE">通知公告</option>
          <option value="POLICY">政策文件</option>
        </select>
      </Field>
      <Field label="正文" htmlFor="a-body" required>
        <textarea id="a-body" className="input" rows={10} value={body} onChange={(e) => patch({ body: e.target.value })} />
      </Field>
      <Field label="附件（PDF/Word，最多 10 个）">
        <ul className="mb-2 space-y-1">
          {files.map((x) => (
            <li key={x.id} className="flex items-center gap-2">
              {x.filename}
              <button type="button" className="btn-link text-red-600" onClick={() => patch({ files: files.filter((y) => y.id !== x.id) })}>
                移除
              </button>
            </li>
          ))}
        </ul>
        <UploadButton
          purpose="announcement-attachment"
          accept=".pdf,.doc,.docx"
          label="上传附件"
          onUploaded={(u) => patch({ files: [...files, u] })}
          onError={setUploadError}
        />
      </Field>
      {uploadError && (
        <p className="alert-error" role="alert">
          {uploadError}
        </p>
      )}
    </FormDialog>
  );
}
