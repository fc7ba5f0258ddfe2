"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { ListPage } from "./list/list-page";
import { Dialog } from "./dialog";
import { ROLE_LABELS } from "@/domain/auth/portals";
import { useActionMessage } from "./use-action-message";
import { CreateUserDialog, EditUserDialog, ViewUserDialog } from "./users/user-dialogs";

const ROLES = ["EDU", "ORG", "SCHOOL_PRINCIPAL", "SCHOOL_ADMIN", "STUDENT"] as const;

/** Accounts below the signed-in superior: admin (all), department (principals in its region), principal (its sub-accounts). */
export function UsersPage({ title, roleFilter, canCreate }: { title: string; roleFilter?: boolean; canCreate?: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const sp = useSearchParams();
  const initialStatus = sp.get("status") === "DISABLED" ? "DISABLED" : sp.get("status") === "ACTIVE" ? "ACTIVE" : "";
  const [shown, setShown] = useState<{ account: string; password: string } | null>(null);
  const [confirm, setConfirm] = useState<null | { title: string; text: string; run: () => Promise<void> }>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.users.pathKey() });
  const enable = useMutation(trpc.users.enable.mutationOptions());
  const disable = useMutation(trpc.users.disable.mutationOptions());
  const resetPassword = useMutation(trpc.users.resetPassword.mutationOptions());
  const resetBinding = useMutation(trpc.users.resetBinding.mutationOptions());
  const remove = useMutation(trpc.users.delete.mutationOptions());
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  const { act, say, banner } = useActionMessage(refresh);

  return (
    <>
      {banner}
      <ListPage
        title={title}
        exportList="users"
        exportLabel="批量导出用户信息"
        initialTab={initialStatus}
        fields={[
          { key: "q", label: "账号 / 姓名 / 所属机构" },
          ...(roleFilter
            ? [{ key: "role" as const, label: "角色", options: [{ value: "", label: "全部" }, ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))] }]
            : []),
        ]}
        tabs={[
          { value: "ACTIVE", label: "已启用" },
          { value: "DISABLED", label: "已停用" },
        ]}
        list={trpc.lists.users}
        rowData={(r) => ({ "data-account": r.account })}
        toolbar={
          canCreate && (
            <button className="btn-primary" onClick={() => setCreating(true)}>
              新增用户
            </button>
          )
        }
        columns={[
          { header: "账号", cell: (r) => r.account, className: "font-mono text-xs" },
          { header: "姓名", cell: (r) => r.name ?? <span className="text-slate-400">未绑定</span>, className: "whitespace-nowrap" },
          { header: "角色", cell: (r) => r.roleLabel, className: "whitespace-nowrap" },
          { header: "所属机构", cell: (r) => r.tenant },
          { header: "手机号", cell: (r) => r.phone ?? "—", className: "whitespace-nowrap" },
          {
            header: "状态",
            className: "whitespace-nowrap",
            cell: (r) =>
              r.status === "ACTIVE" ? (
                <span className="text-green-700">已启用</span>
              ) : (
                <span className="text-red-600" title={r.disabledReason ?? ""}>
                  已停用{r.disabledReason ? `（${r.disabledReason}）` : ""}
                </span>
              ),
          },
          {
            header: "最近登录",
            cell: (r) => (r.lastLoginAt ? r.lastLoginAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) : "—"),
            className: "whitespace-nowrap text-slate-500",
          },
        ]}
        actions={(r) => (
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
                    say(null);
                    try {
                      const res = await resetPassword.mutateAsync({ userId: r.id });
                      setShown({ account: r.account, password: res.initialPassword ?? "" });
                      await refresh();
                    } catch (e) {
                      say({ ok: false, text: errorMessage(e) });
                    }
                  },
                })
              }
            >
              重置密码
            </button>
          </div>
        )}
      />
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
            say({ ok: true, text: "已保存" });
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
    </>
  );
}
