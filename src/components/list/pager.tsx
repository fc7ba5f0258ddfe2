"use client";
import { useState } from "react";

/** 共 N 条 · 10/20/50 条/页 · page buttons · 前往 N 页 (as the manuals' lists). */
export function Pager({
  total,
  page,
  pageSize,
  onChange,
}: {
  total: number;
  page: number;
  pageSize: number;
  onChange: (page: number, pageSize: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const [jump, setJump] = useState("");
  const around = Array.from(new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages]))
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  return (
    <div className="flex flex-wrap items-center justify-end gap-2 px-1 py-3 text-sm text-slate-600">
      <span>共 {total} 条</span>
      <select
        aria-label="每页条数"
        className="rounded border border-slate-300 px-2 py-1"
        value={pageSize}
        onChange={(e) => onChange(1, Number(e.target.value))}
      >
        {[10, 20, 50].map((n) => (
          <option key={n} value={n}>
            {n}条/页
          </option>
        ))}
      </select>
      <button className="btn-default px-2 py-1" disabled={page <= 1} onClick={() => onChange(page - 1, pageSize)} aria-label="上一页">
        ‹
      </button>
      {around.map((p, i) => (
        <span key={p} className="flex items-center gap-1">
          {i > 0 && p - around[i - 1] > 1 && <span>…</span>}
          <button
            className={`min-w-8 rounded px-2 py-1 ${p === page ? "bg-brand-600 text-white" : "hover:bg-slate-100"}`}
            onClick={() => onChange(p, pageSize)}
            aria-current={p === page ? "page" : undefined}
          >
            {p}
          </button>
        </span>
      ))}
      <button className="btn-default px-2 py-1" disabled={page >= pages} onClick={() => onChange(page + 1, pageSize)} aria-label="下一页">
        ›
      </button>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(jump);
          if (n >= 1 && n <= pages) onChange(n, pageSize);
        }}
      >
        前往{" "}
        <input
          aria-label="前往页码"
          className="w-12 rounded border border-slate-300 px-1 py-1 text-center"
          value={jump}
          onChange={(e) => setJump(e.target.value.replace(/\D/g, ""))}
        />{" "}
        页
      </form>
    </div>
  );
}
