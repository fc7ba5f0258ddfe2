"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Dialog } from "../dialog";
import { Field } from "../field";
import { OwnPhoneCodeField } from "../sms-button";
import { usePatchState } from "../use-patch";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { ROLE_LABELS } from "@/domain/auth/portals";

type Level = { id: string; level: keyof typeof LEVEL_LABELS; certificate: { code: string; name: string } };

/** 按证书管理: pick from the school's pilot certificate levels, 添加到列表. Empty = all of the school's data. */
function ScopePicker({ levels, value, onChange }: { levels: Level[]; value: string[]; onChange: (ids: string[]) => void }) {
  const [pick, setPick] = useState("");
  const byId = new Map(levels.map((l) => [l.id, l]));
  return (
    <div className="space-y-2">
      <div className="label">负责的证书（只能管理所选证书的数据）</div>
      <div className="flex gap-2">
        <select aria-label="负责的证书" className="input" value={pick} onChange={(e) => setPick(e.target.value)}>
          <option value="">请选择</option>
          {levels
            .filter((l) => !value.includes(l.id))
            .map((l) => (
              <option key={l.id} value={l.id}>
                {l.certificate.name}（{LEVEL_LABELS[l.level]}）
              </option>
            ))}
        </select>
        <button
          type="button"
          className="btn-default shrink-0"
          disabled={!pick}
          onClick={() => {
            onChange([...value, pick]);
            setPick("");
          }}
        >
          添加到列表
        </button>
      </div>
      <table className="table">
        <thead>
          <tr>
            <th>证书名称</th>
            <th>证书等级</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {value.map((id) => (
            <tr key={id}>
              <td>{byId.get(id)?.certificate.name}</td>
              <td>{byId.get(id) && LEVEL_LABELS[byId.get(id)!.level]}</td>
              <td>
                <button type="button" className="btn-link text-red-600" onClick={() => onChange(value.filter((x) => x !== id))}>
                  移除
                </button>
              </td>
            </tr>
          ))}
          {value.length === 0 && (
            <tr>
              <td colSpan={3} className="text-center text-slate-400">
                请选择负责的证书，添加到列表
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

type RoleOption = { id: string; name: string; description: string | null; permissions: string[] };

/** 角色 (the maintained roles) and 证书负责人 是/否 with its certificates (manual 002 §8.1). */
function RoleAndScope({
  roles,
  levels,
  value,
  onChange,
}: {
  roles: RoleOption[];
  levels: Level[];
  value: { accessRoleId: string; owner: boolean; levels: string[] };
  onChange: (v: Partial<{ accessRoleId: string; owner: boolean; levels: string[] }>) => void;
}) {
  const role = roles.find((r) => r.id === value.accessRoleId);
  return (
    <>
      <Field label="角色" htmlFor="user-role" required hint={role ? `可用菜单：${role.permissions.join("、")}` : "角色及其菜单权限由综合业务管理员维护"}>
        <select id="user-role" className="input" value={value.accessRoleId} onChange={(e) => onChange({ accessRoleId: e.target.value })}>
          <option value="">请选择</option>
          {roles.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset>
        <legend className="label">
          <span aria-hidden="true" className="mr-0.5 text-red-500">
            *
          </span>
          证书负责人
        </legend>
        <div className="flex gap-4">
          <label className="flex items-center gap-1">
            <input type="radio" name="certificate-owner" checked={value.owner} onChange={() => onChange({ owner: true })} />是
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="certificate-owner" checked={!value.owner} onChange={() => onChange({ owner: false })} />否
          </label>
        </div>
        {!value.owner && <p className="mt-1 text-xs text-slate-500">可管理本校在其角色菜单内的全部证书数据</p>}
      </fieldset>
      {value.owner && <ScopePicker levels={levels} value={value.levels} onChange={(ids) => onChange({ levels: ids })} />}
    </>
  );
}

function useManageCode() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const send = useMutation(trpc.auth.sendOwnCode.mutationOptions());
  return { phone: me.data?.phone, tenant: me.data?.tenantName, send: () => send.mutateAsync({ purpose: "MANAGE_USERS" }) };
}

export function CreateUserDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (r: { account: string; initialPassword: string }) => void;
}) {
  const trpc = useTRPC();
  const levels = useQuery({ ...trpc.users.assignableLevels.queryOptions(), enabled: open });
  const roles = useQuery({ ...trpc.users.assignableRoles.queryOptions(), enabled: open });
  const create = useMutation(trpc.users.create.mutationOptions());
  const code = useManageCode();
  const blank = { account: "", name: "", accessRoleId: "", owner: false, levels: [] as string[], code: "" };
  const [f, patch, setF] = usePatchState(blank);
  const [error, setError] = useState("");
  return (
    <Dialog
      open={open}
      title="新增用户"
      onClose={onClose}
      footer={
        <>
          <button className="btn-default" onClick={onClose}>
            关闭
          </button>
          <button
            className="btn-primary"
            disabled={create.isPending}
            onClick={async () => {
              setError("");
              try {
                const r = await create.mutateAsync({
                  account: f.account,
                  name: f.name,
                  accessRoleId: f.accessRoleId,
                  certificateOwner: f.owner,
                  certificateLevelIds: f.levels,
                  smsCode: f.code,
                });
                setF(blank);
                onCreated(r);
              } catch (e) {
                setError(errorMessage(e));
              }
            }}
          >
            确定
          </button>
        </>
      }
    >
      <Field label="所属机构" required>
        <div>{code.tenant}</div>
      </Field>
      <Field label="账号" htmlFor="new-account" required hint="字母、数字或 _ @ . -，不可重复，建议直接用手机号">
        <input id="new-account" className="input" value={f.account} onChange={(e) => patch({ account: e.target.value })} />
      </Field>
      <Field label="姓名" htmlFor="new-name" required>
        <input id="new-name" className="input" value={f.name} onChange={(e) => patch({ name: e.target.value })} />
      </Field>
      <RoleAndScope roles={roles.data ?? []} levels={(levels.data ?? []) as Level[]} value={f} onChange={patch} />
      <OwnPhoneCodeField phone={code.phone} code={f.code} onCode={(c) => patch({ code: c })} send={code.send} onError={setError} />
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

export function ViewUserDialog({ userId, onClose }: { userId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.users.detail.queryOptions({ userId }));
  const u = q.data;
  return (
    <Dialog
      open
      title="查看用户"
      onClose={onClose}
      footer={
        <button className="btn-default" onClick={onClose}>
          关闭
        </button>
      }
    >
      {q.error ? (
        <p className="alert-error">{errorMessage(q.error)}</p>
      ) : !u ? (
        <p className="text-slate-400">加载中…</p>
      ) : (
        <dl className="grid grid-cols-[7rem_1fr] gap-y-2">
          <dt className="text-slate-500">账号</dt>
          <dd className="font-mono">{u.account}</dd>
          <dt className="text-slate-500">姓名</dt>
          <dd>{u.name ?? "未绑定"}</dd>
          <dt className="text-slate-500">角色</dt>
          <dd>{u.accessRole ? `${u.accessRole.name}（${u.accessRole.permissions.join("、")}）` : ROLE_LABELS[u.role]}</dd>
          <dt className="text-slate-500">所属机构</dt>
          <dd>{u.school ?? "—"}</dd>
          <dt className="text-slate-500">手机号</dt>
          <dd>{u.phone ?? "未绑定"}</dd>
          <dt className="text-slate-500">状态</dt>
          <dd>{u.status === "ACTIVE" ? "已启用" : "已停用"}</dd>
          <dt className="text-slate-500">初始密码</dt>
          <dd>
            {u.initialPassword ? (
              <span className="select-all rounded bg-slate-100 px-2 py-0.5 font-mono" data-testid="initial-password">
                {u.initialPassword}
              </span>
            ) : (
              <span className="text-slate-400">使用人已修改密码，任何人都无法查看</span>
            )}
          </dd>
          {u.role === "SCHOOL_ADMIN" && (
            <>
              <dt className="text-slate-500">证书负责人</dt>
              <dd>{u.scopes.length ? `是：${u.scopes.map((s) => `${s.name}（${LEVEL_LABELS[s.level]}）`).join("、")}` : "否"}</dd>
            </>
          )}
        </dl>
      )}
    </Dialog>
  );
}

export function EditUserDialog({ userId, onClose, onSaved }: { userId: string; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.users.detail.queryOptions({ userId }));
  const isSub = q.data?.role === "SCHOOL_ADMIN";
  const levels = useQuery({ ...trpc.users.assignableLevels.queryOptions(), enabled: isSub });
  const roles = useQuery({ ...trpc.users.assignableRoles.queryOptions(), enabled: isSub });
  const update = useMutation(trpc.users.update.mutationOptions());
  const code = useManageCode();
  const [f, patch] = usePatchState<{ name: string | null; accessRoleId: string | null; owner: boolean | null; levels: string[] | null; code: string }>({
    name: null,
    accessRoleId: null,
    owner: null,
    levels: null,
    code: "",
  });
  const [error, setError] = useState("");
  const name = f.name ?? q.data?.name ?? "";
  const sub = {
    accessRoleId: f.accessRoleId ?? q.data?.accessRole?.id ?? "",
    owner: f.owner ?? (q.data?.scopes.length ?? 0) > 0,
    levels: f.levels ?? q.data?.scopes.map((s) => s.id) ?? [],
  };
  return (
    <Dialog
      open
      title="修改用户"
      onClose={onClose}
      footer={
        <>
          <button className="btn-default" onClick={onClose}>
            关闭
          </button>
          <button
            className="btn-primary"
            disabled={update.isPending || !q.data}
            onClick={async () => {
              setError("");
              try {
                await update.mutateAsync({
                  userId,
                  name,
                  ...(isSub ? { accessRoleId: sub.accessRoleId, certificateOwner: sub.owner, certificateLevelIds: sub.levels } : {}),
                  smsCode: f.code,
                });
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
      <Field label="账号">
        <div className="font-mono">{q.data?.account}</div>
      </Field>
      <Field label="姓名" htmlFor="edit-name" required>
        <input id="edit-name" className="input" value={name} onChange={(e) => patch({ name: e.target.value })} />
      </Field>
      {isSub && <RoleAndScope roles={roles.data ?? []} levels={(levels.data ?? []) as Level[]} value={sub} onChange={patch} />}
      <OwnPhoneCodeField phone={code.phone} code={f.code} onCode={(c) => patch({ code: c })} send={code.send} onError={setError} />
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
