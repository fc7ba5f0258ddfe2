"use client";
import { usePatchState } from "@/components/use-patch";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { ActionForm } from "@/components/action-form";
import { Alert, Field } from "@/components/field";
import { OwnPhoneCodeField, SmsButton } from "@/components/sms-button";
import { ROLE_LABELS } from "@/domain/auth/portals";

export function ProfileForm() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const send = useMutation(trpc.auth.sendOwnCode.mutationOptions());
  const sendNew = useMutation(trpc.auth.sendNewPhoneCode.mutationOptions());
  const update = useMutation(trpc.auth.updateProfile.mutationOptions());
  const [f, patch] = usePatchState({ name: "", email: "", code: "", changePhone: false, newPhone: "", newCode: "", password: "" });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const fail = (text: string) => setMsg(text ? { ok: false, text } : null);
  useEffect(() => {
    if (me.data) patch({ name: me.data!.name ?? "", email: me.data!.email ?? "" });
  }, [me.data, patch]);
  return (
    <div className="card max-w-xl p-6">
      <h1 className="mb-4 text-lg font-semibold">修改用户资料</h1>
      <ActionForm
        onError={fail}
        action={async () => {
          await update.mutateAsync({
            name: f.name,
            email: f.email || null,
            smsCode: f.code,
            ...(f.changePhone ? { newPhone: f.newPhone, newPhoneCode: f.newCode, password: f.password } : {}),
          });
          setMsg({ ok: true, text: "资料已保存" });
          await qc.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
        }}
      >
        <div className="grid grid-cols-2 gap-4 text-sm">
          <Field label="账号">
            <div>{me.data?.account}</div>
          </Field>
          <Field label="角色">
            <div>{me.data ? `${ROLE_LABELS[me.data.role]}（${me.data.tenantName}）` : ""}</div>
          </Field>
        </div>
        <Field label="姓名" htmlFor="name" required>
          <input id="name" className="input" value={f.name} onChange={(e) => patch({ name: e.target.value })} />
        </Field>
        <Field label="邮箱" htmlFor="email" required>
          <input id="email" className="input" value={f.email} onChange={(e) => patch({ email: e.target.value })} />
        </Field>
        <Field label="手机">
          <div className="flex items-center gap-3 text-sm">
            {me.data?.phone}
            <button type="button" className="btn-link" onClick={() => patch({ changePhone: !f.changePhone })}>
              {f.changePhone ? "不修改手机号" : "修改手机号"}
            </button>
          </div>
        </Field>
        {f.changePhone && (
          <div className="space-y-4 rounded border border-slate-200 p-4">
            <Field label="登录密码" htmlFor="password" required hint="修改绑定手机号需要再次验证身份">
              <input id="password" type="password" className="input" value={f.password} onChange={(e) => patch({ password: e.target.value })} />
            </Field>
            <Field label="新手机号" htmlFor="newPhone" required>
              <div className="flex gap-2">
                <input
                  id="newPhone"
                  className="input"
                  inputMode="numeric"
                  maxLength={11}
                  value={f.newPhone}
                  onChange={(e) => patch({ newPhone: e.target.value.trim() })}
                />
                <SmsButton send={() => sendNew.mutateAsync({ phone: f.newPhone })} onError={fail} />
              </div>
            </Field>
            <Field label="新手机号验证码" htmlFor="newCode" required>
              <input id="newCode" className="input" inputMode="numeric" maxLength={6} value={f.newCode} onChange={(e) => patch({ newCode: e.target.value })} />
            </Field>
          </div>
        )}
        <OwnPhoneCodeField
          phone={me.data?.phone}
          code={f.code}
          onCode={(code) => patch({ code })}
          send={() => send.mutateAsync({ purpose: "CHANGE_PROFILE" })}
          onError={fail}
        />
        {msg && <Alert kind={msg.ok ? "ok" : "error"}>{msg.text}</Alert>}
        <button className="btn-primary" disabled={update.isPending}>
          保存
        </button>
      </ActionForm>
    </div>
  );
}
