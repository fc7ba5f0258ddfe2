"use client";
import { errorMessage } from "@/trpc/react";
import { Dialog } from "../dialog";

/** Label/value grid of a detail dialog. */
export function InfoGrid({ items }: { items: [string, React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
      {items.map(([k, v]) => (
        <div key={k} className="flex gap-2">
          <dt className="w-28 shrink-0 text-slate-500">{k}</dt>
          <dd className="min-w-0 break-words">{v ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2">
      <h3 className="border-l-4 border-brand-600 pl-2 font-semibold">{title}</h3>
      {children}
    </section>
  );
}

/** A read-only detail dialog over one query: loading, error, or the rendered data. */
export function DetailDialog<T>({
  title,
  onClose,
  query,
  children,
}: {
  title: string;
  onClose: () => void;
  query: { data?: T; isLoading: boolean; error: unknown };
  children: (data: T) => React.ReactNode;
}) {
  return (
    <Dialog
      wide
      open
      title={title}
      onClose={onClose}
      footer={
        <button className="btn-default" onClick={onClose}>
          关闭
        </button>
      }
    >
      {query.isLoading ? (
        <p className="text-slate-400">加载中…</p>
      ) : query.error ? (
        <p className="alert-error">{errorMessage(query.error)}</p>
      ) : query.data ? (
        children(query.data)
      ) : null}
    </Dialog>
  );
}

export function FileLink({ file }: { file: { id: string; filename: string } | null | undefined }) {
  return file ? (
    <a className="btn-link" href={`/api/files/${file.id}`} target="_blank" rel="noreferrer">
      {file.filename}
    </a>
  ) : (
    <span className="text-slate-400">无</span>
  );
}
