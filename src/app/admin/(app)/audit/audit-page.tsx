"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Pager } from "@/components/list/pager";
import { QueryBar, QueryField } from "@/components/list/query-bar";
import { StatusTabs } from "@/components/list/status-tabs";
import { ROLE_LABELS } from "@/domain/auth/portals";

const ACTIONS: [string, string][] = [
  ["", "全部操作"],
  ["auth.", "登录与验证"],
  ["auth.lockout", "冻结与停用"],
  ["account.", "账号自助"],
  ["user.", "账号管理"],
];

export function AuditPage() {
  const trpc = useTRPC();
  const sp = useSearchParams();
  const init = { q: "", action: sp.get("action") ?? "", from: "", to: "" };
  const [draft, setDraft] = useState(init);
  const [f, setF] = useState({
    ...init,
    outcome: (sp.get("outcome") === "FAILURE" ? "FAILURE" : "") as "" | "SUCCESS" | "FAILURE",
    page: 1,
    pageSize: 20 as 10 | 20 | 50,
  });
  const day = (s: string, end = false) => (s ? new Date(`${s}T00:00:00+08:00`).getTime() + (end ? 86400000 : 0) : undefined);
  const q = useQuery({
    ...trpc.audit.search.queryOptions({
      q: f.q || undefined,
      action: f.action || undefined,
      outcome: f.outcome || undefined,
      from: f.from ? new Date(day(f.from)!) : undefined,
      to: f.to ? new Date(day(f.to, true)!) : undefined,
      page: f.page,
      pageSize: f.pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="card">
      <div className="border-b border-slate-200 p-4">
        <h1 className="mb-3 text-lg font-semibold">审计日志</h1>
        <p className="mb-3 text-xs text-slate-500">审计记录只追加、不可修改或删除；不记录密码、验证码、令牌和完整证件号码。</p>
        <QueryBar
          onSearch={() => setF({ ...f, ...draft, page: 1 })}
          onReset={() => {
            setDraft({ q: "", action: "", from: "", to: "" });
            setF({ ...f, q: "", action: "", from: "", to: "", page: 1 });
          }}
        >
          <QueryField label="账号 / 摘要 / IP">
            <input className="input" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
          </QueryField>
          <QueryField label="操作类型">
            <select className="input" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
              {ACTIONS.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </QueryField>
          <QueryField label="开始日期">
            <input type="date" className="input" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          </QueryField>
          <QueryField label="结束日期">
            <input type="date" className="input" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          </QueryField>
        </QueryBar>
      </div>
      <div className="px-4">
        <StatusTabs
          value={f.outcome}
          onChange={(outcome) => setF({ ...f, outcome, page: 1 })}
          tabs={[
            { value: "", label: "全部" },
            { value: "SUCCESS", label: "成功" },
            { value: "FAILURE", label: "失败" },
          ]}
        />
      </div>
      <div className="overflow-x-auto p-4">
        <table className="table">
          <thead>
            <tr>
              <th>时间</th>
              <th>账号</th>
              <th>角色</th>
              <th>操作</th>
              <th>摘要</th>
              <th>结果</th>
              <th>IP</th>
            </tr>
          </thead>
          <tbody>
            {q.error && (
              <tr>
                <td colSpan={7} className="text-red-600">
                  {errorMessage(q.error)}
                </td>
              </tr>
            )}
            {q.data?.rows.length === 0 && (
              <tr>
                <td colSpan={7} className="py-8 text-center text-slate-400">
                  暂无数据
                </td>
              </tr>
            )}
            {q.data?.rows.map((r) => (
              <tr key={r.id}>
                <td className="whitespace-nowrap text-slate-500">{r.at.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</td>
                <td className="font-mono text-xs">{r.account ?? "—"}</td>
                <td className="whitespace-nowrap">{r.role ? ROLE_LABELS[r.role] : "—"}</td>
                <td className="font-mono text-xs">{r.action}</td>
                <td>{r.summary}</td>
                <td>{r.outcome === "SUCCESS" ? <span className="text-green-700">成功</span> : <span className="text-red-600">失败</span>}</td>
                <td className="font-mono text-xs">{r.ip ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {q.data && (
          <Pager
            total={q.data.total}
            page={f.page}
            pageSize={f.pageSize}
            onChange={(page, pageSize) => setF({ ...f, page, pageSize: pageSize as 10 | 20 | 50 })}
          />
        )}
      </div>
    </div>
  );
}
