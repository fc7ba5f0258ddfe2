"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage, useTRPC } from "@/trpc/react";

const TONE = { todo: "border-l-brand-600", warn: "border-l-amber-500", info: "border-l-slate-300" } as const;

export function Workbench() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const wb = useQuery(trpc.workbench.get.queryOptions());
  return (
    <div className="space-y-5">
      <div className="card p-5">
        <h1 className="text-lg font-semibold">工作台</h1>
        <p className="mt-1 text-sm text-slate-500">
          {me.data ? `${me.data.name ?? me.data.account}，您好。${me.data.tenantName}` : " "}
          {me.data?.lastLoginAt && <span className="ml-2">本次登录 {me.data.lastLoginAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</span>}
        </p>
      </div>
      {wb.error && <div className="alert-error">{errorMessage(wb.error)}</div>}
      {wb.data && wb.data.stats.length > 0 && (
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {wb.data.stats.map((s) => (
            <div key={s.label} className="card p-4">
              <div className="text-2xl font-semibold text-brand-700">{s.value.toLocaleString("zh-CN")}</div>
              <div className="mt-1 text-xs text-slate-500">{s.label}</div>
            </div>
          ))}
        </div>
      )}
      <section>
        <h2 className="mb-2 text-sm font-semibold text-slate-600">待办与提醒</h2>
        <div className="grid gap-3 md:grid-cols-2">
          {wb.isLoading && <div className="card p-4 text-sm text-slate-400">加载中…</div>}
          {wb.data?.items.map((i) => {
            const body = (
              <div className={`card border-l-4 p-4 ${TONE[i.tone]}`}>
                <div className="flex items-baseline justify-between gap-2">
                  <span className="font-medium">{i.title}</span>
                  {i.count !== undefined && <span className="text-xl font-semibold text-brand-700">{i.count}</span>}
                </div>
                <p className="mt-1 text-sm text-slate-500">{i.detail}</p>
              </div>
            );
            return i.href ? (
              <Link key={i.title} href={i.href} className="block hover:opacity-90">
                {body}
              </Link>
            ) : (
              <div key={i.title}>{body}</div>
            );
          })}
        </div>
      </section>
    </div>
  );
}
