"use client";
// 角色管理 (manual 002 §8.1): the platform admin maintains each portal's roles, each a set of menu permissions
// from the one permission table; principals then pick them in 新增用户.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { FormDialog } from "./dialog";
import { Field } from "./field";
import { ListPage } from "./list/list-page";
import { usePatchState } from "./use-patch";
import { useActionMessage } from "./use-action-message";
import { PORTAL_TITLES } from "@/domain/auth/portals";
import { grantableTree, permissionLabel, ROLE_PORTALS, type Permission, type RolePortal } from "@/domain/auth/permissions";
import type { AccessRoleRow } from "@/server/roles/list";

export function RolesAdmin() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const remove = useMutation(trpc.roles.delete.mutationOptions());
  const [editing, setEditing] = useState<AccessRoleRow | "new" | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.accessRoles.pathKey() });
  const { act, say, banner } = useActionMessage(refresh);
  return (
    <>
      {banner}
      <ListPage
        title="角色管理"
        description="子账号的菜单权限来自其角色；修改角色后，该角色的账号在下一次操作时即按新权限生效。"
        exportList="accessRoles"
        exportLabel="导出角色信息"
        fields={[
          { key: "name", label: "角色名称" },
          { key: "portal", label: "所属平台", options: [{ value: "", label: "全部" }, ...ROLE_PORTALS.map((p) => ({ value: p, label: PORTAL_TITLES[p] }))] },
        ]}
        list={trpc.lists.accessRoles}
        rowData={(r) => ({ "data-role": r.name })}
        toolbar={
          <button className="btn-primary" onClick={() => setEditing("new")}>
            新增角色
          </button>
        }
        columns={[
          { header: "角色名称", cell: (r) => r.name, className: "whitespace-nowrap font-medium" },
          { header: "所属平台", cell: (r) => PORTAL_TITLES[r.portal], className: "whitespace-nowrap" },
          // Long lines: a floor on their width so a phone scrolls the table sideways instead of stacking characters.
          { header: "菜单权限", cell: (r) => r.permissions.map(permissionLabel).join("、"), className: "min-w-64" },
          { header: "角色说明", cell: (r) => r.description ?? "—", className: "min-w-48 text-slate-500" },
          { header: "账号数", cell: (r) => r.users, className: "text-right" },
        ]}
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setEditing(r)}>
              编辑
            </button>
            <button
              className="btn-link text-red-600"
              onClick={() => window.confirm(`确定删除角色“${r.name}”？`) && act(() => remove.mutateAsync({ id: r.id }), `已删除角色“${r.name}”`)}
            >
              删除
            </button>
          </span>
        )}
      />
      {editing && (
        <RoleDialog
          role={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={async (name) => {
            setEditing(null);
            say({ ok: true, text: `已保存角色“${name}”` });
            await refresh();
          }}
        />
      )}
    </>
  );
}

function RoleDialog({ role, onClose, onSaved }: { role: AccessRoleRow | null; onClose: () => void; onSaved: (name: string) => Promise<void> }) {
  const trpc = useTRPC();
  const save = useMutation(trpc.roles.save.mutationOptions());
  const [f, patch] = usePatchState({
    portal: (role?.portal ?? "school") as RolePortal,
    name: role?.name ?? "",
    description: role?.description ?? "",
    permissions: (role?.permissions ?? []) as Permission[],
  });
  const toggle = (keys: Permission[], on: boolean) =>
    patch({ permissions: on ? [...new Set([...f.permissions, ...keys])] : f.permissions.filter((k) => !keys.includes(k)) });
  return (
    <FormDialog
      wide
      title={role ? "编辑角色" : "新增角色"}
      onClose={onClose}
      onSubmit={async () => {
        await save.mutateAsync({ id: role?.id, ...f });
        await onSaved(f.name.trim());
      }}
    >
      <Field label="所属平台" htmlFor="role-portal" required hint={role ? "已有角色的所属平台不能修改" : undefined}>
        <select
          id="role-portal"
          className="input"
          value={f.portal}
          disabled={!!role}
          onChange={(e) => patch({ portal: e.target.value as RolePortal, permissions: [] })}
        >
          {ROLE_PORTALS.map((p) => (
            <option key={p} value={p}>
              {PORTAL_TITLES[p]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="角色名称" htmlFor="role-name" required>
        <input id="role-name" className="input" maxLength={20} value={f.name} onChange={(e) => patch({ name: e.target.value })} />
      </Field>
      <Field label="角色说明" htmlFor="role-description">
        <textarea
          id="role-description"
          className="input"
          rows={2}
          maxLength={200}
          value={f.description}
          onChange={(e) => patch({ description: e.target.value })}
        />
      </Field>
      <fieldset>
        <legend className="label">
          <span aria-hidden="true" className="mr-0.5 text-red-500">
            *
          </span>
          菜单权限
        </legend>
        <p className="mb-2 text-xs text-slate-500">工作台对所有账号开放；提交周报、用户管理、电子签章和院校信息只属于试点院校负责人账号，不能分配给角色。</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {grantableTree(f.portal).map((s) => {
            const keys = s.permissions.map((p) => p.key);
            const all = keys.every((k) => f.permissions.includes(k));
            return (
              <div key={s.section} className="rounded border border-slate-200 p-2">
                <label className="flex items-center gap-2 font-medium">
                  <input type="checkbox" checked={all} onChange={(e) => toggle(keys, e.target.checked)} />
                  {s.section}
                </label>
                <ul className="mt-1 space-y-0.5 pl-6">
                  {s.permissions.map((p) => (
                    <li key={p.key}>
                      <label className="flex items-center gap-2">
                        <input type="checkbox" checked={f.permissions.includes(p.key)} onChange={(e) => toggle([p.key], e.target.checked)} />
                        {p.label}
                      </label>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormDialog>
  );
}
