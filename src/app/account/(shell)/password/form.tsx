"use client";
import { usePatchState } from "@/components/use-patch";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { ActionForm } from "@/components/action-form";
import { Alert, Field } from "@/components/field";
import { NewPasswordFields } from "@/components/new-password-fields";
import { OwnPhoneCodeField } from "@/components/sms-button";

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const send = useMutation(trpc.auth.sendOwnCode.mutationOptions());
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  const [f, patch, setF] = usePatchState({ old: "", pw: "", pw2: "", code: "" });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const fail = (text: string) => setMsg(text ? { ok: false, text } : null);
  return (
    <div className="card max-w-xl p-6">
      <h1 className="mb-4 text-lg font-semibold">修改密码</h1>
      <ActionForm
        onError={fail}
        action={async () => {
          await change.mutateAsync({ oldPassword: f.old, newPassword: f.pw, confirmPassword: f.pw2, smsCode: f.code });
          setMsg({ ok: true, text: "密码已修改，其他设备上的登录已失效" });
          setF({ old: "", pw: "", pw2: "", code: "" });
        }}
      >
        <Field label="账号">
          <div className="text-sm">{me.data?.account}</div>
        </Field>
        <Field label="原始密码" htmlFor="old" required>
          <input id="old" type="password" autoComplete="current-password" className="input" value={f.old} onChange={(e) => patch({ old: e.target.value })} />
        </Field>
        <NewPasswordFields label="新的密码" pw={f.pw} pw2={f.pw2} onChange={(pw, pw2) => patch({ pw, pw2 })} />
        <OwnPhoneCodeField
          phone={me.data?.phone}
          code={f.code}
          onCode={(code) => patch({ code })}
          send={() => send.mutateAsync({ purpose: "CHANGE_PASSWORD" })}
          onError={fail}
        />
        {msg && <Alert kind={msg.ok ? "ok" : "error"}>{msg.text}</Alert>}
        <button className="btn-primary" disabled={change.isPending}>
          确定
        </button>
      </ActionForm>
    </div>
  );
}
