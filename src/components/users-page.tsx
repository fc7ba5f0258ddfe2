"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Pager } from "./list/pager";
import { StatusTabs } from "./list/status-tabs";
import { QueryBar, QueryField } from "./list/query-bar";
import { Dialog } from "./dialog";
import { ROLE_LABELS } from "@/domain/auth/portals";
import { CreateUserDialog, EditUserDialog, ViewUserDialog } from "./users/user-dialogs";

type Status = "ACTIVE" | "DISABLED";
type RoleFilter = "EDU" | "ORG" | "SCHOOL_PRINCIPAL" | "SCHOOL_ADMIN" | "STUDENT";

/** Accounts below the signed-in superior: admin (all), department (principals in its region), principal (its sub-accounts). */
export function UsersPage({ title, roleFilter, canCreate }: { title: string; roleFilter?: boolean; canCreate?: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const sp = useSearchParams();
  const initialStatus = sp.get("status") === "DISABLED" ? "DISABLED" : sp.get("status") === "ACTIVE" ? "ACTIVE" : "";
  const [draft, setDraft] = useState({ q: "", role: "" as RoleFilter | "" });
  const [filter, setFilter] = useState({ q: "", role: "" as RoleFilter | "", status: initialStatus as Status | "", page: 1, pageSize: 10 as 10 | 20 | 50 });
  const input = { q: filter.q || undefined, role: filter.role || undefined, status: filter.status || undefined, page: filter.page, pageSize: filter.pageSize };
  const list = useQuery({ ...trpc.users.list.queryOptions(input), placeholderData: keepPreviousData });
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [shown, setShown] = useState<{ account: string; password: string } | null>(null);
  const [confirm, setConfirm] = useState<null | { title: string; text: string; run: () => Promise<void> }>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.users.list.pathKey() });
  const enable = useMutation(trpc.users.enable.mutationOptions());
  const disable = useMutation(trpc.users.disable.mutationOptions());
  const resetPassword = useMutation(trpc.users.resetPassword.mutationOptions());
  const resetBinding = useMutation(trpc.users.resetBinding.mutationOptions());
  const remove = useMutation(trpc.users.delete.mutationOptions());
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  async function act(fn: () => Promise<unknown>, ok: string) {
    setMessage(null);
    try {
      await fn();
      setMessage({ kind: "ok", text: ok });
      await refresh();
    } catch (e) {
      setMessage({ kind: "error", text: errorMessage(e) });
    }
  }

  const counts = list.data?.counts;
  return (
    <div className="card">
      <div className="border-b border-slate-200 p-4">
        <h1 className="mb-3 text-lg font-semibold">{title}</h1>
        <QueryBar
          onSearch={() => setFilter({ ...filter, q: draft.q.trim(), role: draft.role, page: 1 })}
          onReset={() => {
            setDraft({ q: "", role: "" });
            setFilter({ ...filter, q: "", role: "", page: 1 });
          }}
        >
          <QueryField label="账号 / 姓名 / 所属机构">
            <input className="input" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} placeholder="请输入" />
          </QueryField>
          {roleFilter && (
            <QueryField label="角色">
              <select className="input" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as RoleFilter | "" })}>
                <option value="">全部</option>
                {(["EDU", "ORG", "SCHOOL_PRINCIPAL", "SCHOOL_ADMIN", "STUDENT"] as const).map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            </QueryField>
          )}
        </QueryBar>
      </div>
      <div className="flex flex-wrap items-end justify-between gap-2 px-4">
        <StatusTabs<Status>
          value={filter.status}
          onChange={(status) => setFilter({ ...filter, status, page: 1 })}
          tabs={[
            { value: "", label: "全部", count: counts?.all },
            { value: "ACTIVE", label: "已启用", count: counts?.active },
            { value: "DISABLED", label: "已停用", count: counts?.disabled },
          ]}
        />
        {canCreate && (
          <button className="btn-primary mb-2" onClick={() => setCreating(true)}>
            新增用户
          </button>
        )}
      </div>
      {message && (
        <div className={`mx-4 mt-3 ${message.kind === "ok" ? "alert-ok" : "alert-error"}`} role={message.kind === "ok" ? "status" : "alert"}>
          {message.text}
        </div>
      )}
      <div className="overflow-x-auto p-4">
        <table className="table">
          <thead>
            <tr>
              <th>账号</th>
              <th>姓名</th>
              <th>角色</th>
              <th>所属机构</th>
              <th>手机号</th>
              <th>状态</th>
              <th>最近登录</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {list.isLoading && (
              <tr>
                <td colSpan={8} className="py-8 text-center text-slate-400">
                  加载中…
                </td>
              </tr>
            )}
            {list.error && (
              <tr>
                <td colSpan={8} className="py-8 text-center text-red-600">
                  {errorMessage(list.error)}
                </td>
              </tr>
            )}
            {list.data?.rows.length === 0 && (
              <tr>
                <td colSpan={8} className="py-8 text-center text-slate-400">
                  暂无数据
                </td>
              </tr>
            )}
            {list.data?.rows.map((r) => (
              <tr key={r.id} data-account={r.account}>
                <td className="font-mono text-xs">{r.account}</td>
                <td className="whitespace-nowrap">{r.name ?? <span className="text-slate-400">未绑定</span>}</td>
                <td className="whitespace-nowrap">{ROLE_LABELS[r.role]}</td>
                <td>{r.tenant}</td>
                <td className="whitespace-nowrap">{r.phone ?? "—"}</td>
                <td className="whitespace-nowrap">
                  {r.status === "ACTIVE" ? (
                    <span className="text-green-700">已启用</span>
                  ) : (
                    <span className="text-red-600" title={r.disabledReason ?? ""}>
                      已停用{r.disabledReason ? `（${r.disabledReason}）` : ""}
                    </span>
                  )}
                </td>
                <td className="whitespace-nowrap text-slate-500">
                  {r.lastLoginAt ? r.lastLoginAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) : "—"}
                </td>
                <td className="whitespace-nowrap">
                  <div className="flex gap-2">
                    <button className="btn-link" onClick={() => setViewing(r.id)}>
                      查看
                    </button>
                    {r.status === "DISABLED" && (
                      <button className="btn-link text-amber-600" onClick={() => setEditing(r.id)}>
                        修改
                      </button>
                    )}
                    {r.status === "DISABLED" && (
                      <button
                        className="btn-link text-red-600"
                        onClick={() =>
                          setConfirm({
                            title: "删除账号",
                            text: `删除后账号 ${r.account} 将无法恢复，确定删除？`,
                            run: () => act(() => remove.mutateAsync({ userId: r.id }), `已删除账号 ${r.account}`),
                          })
                        }
                      >
                        删除
                      </button>
                    )}
                    {r.status === "DISABLED" ? (
                      <button className="btn-link" onClick={() => act(() => enable.mutateAsync({ userId: r.id }), `已启用账号 ${r.account}`)}>
                        启用
                      </button>
                    ) : (
                      <button
                        className="btn-link text-slate-500"
                        onClick={() =>
                          setConfirm({
                            title: "停用账号",
                            text: `停用后 ${r.account} 将立即退出并无法登录，确定停用？`,
                            run: () => act(() => disable.mutateAsync({ userId: r.id }), `已停用账号 ${r.account}`),
                          })
                        }
                      >
                        停用
                      </button>
                    )}
                    <button
                      className="btn-link text-amber-600"
                      onClick={() =>
                        setConfirm({
                          title: "重置用户信息",
                          text: `将抹除 ${r.account} 绑定的姓名和手机号，使用人下次登录时重新绑定。确定重置？`,
                          run: () => act(() => resetBinding.mutateAsync({ userId: r.id }), `已重置 ${r.account} 的绑定信息`),
                        })
                      }
                    >
                      重置用户信息
                    </button>
                    <button
                      className="btn-link text-red-600"
                      onClick={() =>
                        setConfirm({
                          title: "重置密码",
                          text: `将为 ${r.account} 生成新的初始密码，原密码和所有登录立即失效。确定重置？`,
                          run: async () => {
                            setMessage(null);
                            try {
                              const res = await resetPassword.mutateAsync({ userId: r.id });
                              setShown({ account: r.account, password: res.initialPassword ?? "" });
                              await refresh();
                            } catch (e) {
                              setMessage({ kind: "error", text: errorMessage(e) });
                            }
                          },
                        })
                      }
                    >
                      重置密码
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.data && (
          <Pager
            total={list.data.total}
            page={filter.page}
            pageSize={filter.pageSize}
            onChange={(page, pageSize) => setFilter({ ...filter, page, pageSize: pageSize as 10 | 20 | 50 })}
          />
        )}
      </div>
      <Dialog
        open={!!confirm}
        title={confirm?.title ?? ""}
        onClose={() => setConfirm(null)}
        footer={
          <>
            <button className="btn-default" onClick={() => setConfirm(null)}>
              取消
            </button>
            <button
              className="btn-primary"
              onClick={async () => {
                const c = confirm;
                setConfirm(null);
                await c?.run();
              }}
            >
              确定
            </button>
          </>
        }
      >
        <p>{confirm?.text}</p>
      </Dialog>
      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={async (r) => {
          setCreating(false);
          setShown({ account: r.account, password: r.initialPassword });
          await refresh();
        }}
      />
      {viewing && <ViewUserDialog userId={viewing} onClose={() => setViewing(null)} />}
      {editing && (
        <EditUserDialog
          userId={editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            setMessage({ kind: "ok", text: "已保存" });
            await refresh();
          }}
        />
      )}
      <Dialog
        open={!!shown}
        title="新的初始密码"
        onClose={() => setShown(null)}
        footer={
          <button className="btn-primary" onClick={() => setShown(null)}>
            我已记下
          </button>
        }
      >
        <p>
          账号 <b>{shown?.account}</b> 的初始密码（请发给账号使用人，首次登录后须修改；使用人修改前可在“查看”中再次查看）：
        </p>
        <p className="select-all rounded bg-slate-100 px-3 py-2 font-mono text-lg" data-testid="initial-password">
          {shown?.password}
        </p>
      </Dialog>
    </div>
  );
}
