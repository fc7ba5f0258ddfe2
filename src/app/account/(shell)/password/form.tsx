"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Alert, Field } from "@/components/field";
import { SmsButton } from "@/components/sms-button";

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const send = useMutation(trpc.auth.sendOwnCode.mutationOptions());
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  const [f, setF] = useState({ old: "", pw: "", pw2: "", code: "" });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="card max-w-xl p-6">
      <h1 className="mb-4 text-lg font-semibold">修改密码</h1>
      <form className="space-y-4" noValidate onSubmit={async (e) => {
        e.preventDefault();
        setMsg(null);
        try {
          await change.mutateAsync({ oldPassword: f.old, newPassword: f.pw, confirmPassword: f.pw2, smsCode: f.code });
          setMsg({ ok: true, text: "密码已修改，其他设备上的登录已失效" });
          setF({ old: "", pw: "", pw2: "", code: "" });
        } catch (err) {
          setMsg({ ok: false, text: errorMessage(err) });
        }
      }}>
        <Field label="账号"><div className="text-sm">{me.data?.account}</div></Field>
        <Field label="原始密码" htmlFor="old" required><input id="old" type="password" autoComplete="current-password" className="input" value={f.old} onChange={(e) => setF({ ...f, old: e.target.value })} /></Field>
        <Field label="新的密码" htmlFor="pw" required hint="8–64 位，包含大写字母、小写字母、数字、特殊符号中的至少三类"><input id="pw" type="password" autoComplete="new-password" className="input" value={f.pw} onChange={(e) => setF({ ...f, pw: e.target.value })} /></Field>
        <Field label="确认密码" htmlFor="pw2" required><input id="pw2" type="password" autoComplete="new-password" className="input" value={f.pw2} onChange={(e) => setF({ ...f, pw2: e.target.value })} /></Field>
        <div className="alert-info">为了确保账户安全，请使用当前登录账户绑定的手机号 {me.data?.phone} 获取验证码，进行身份验证。</div>
        <Field label="短信验证码" htmlFor="code" required>
          <div className="flex gap-2">
            <input id="code" className="input" inputMode="numeric" maxLength={6} value={f.code} onChange={(e) => setF({ ...f, code: e.target.value })} />
            <SmsButton send={() => send.mutateAsync({ purpose: "CHANGE_PASSWORD" })} onError={(t) => setMsg({ ok: false, text: t })} />
          </div>
        </Field>
        {msg && <Alert kind={msg.ok ? "ok" : "error"}>{msg.text}</Alert>}
        <button className="btn-primary" disabled={change.isPending}>确定</button>
      </form>
    </div>
  );
}
