"use client";
import { usePatchState } from "@/components/use-patch";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { CaptchaField, useCaptcha } from "@/components/captcha";
import { Alert, Field } from "@/components/field";
import { ActionForm } from "@/components/action-form";
import { NewPasswordFields } from "@/components/new-password-fields";

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const captcha = useCaptcha();
  const request = useMutation(trpc.auth.forgotRequest.mutationOptions());
  const reset = useMutation(trpc.auth.forgotReset.mutationOptions());
  const [f, patch] = usePatchState({ account: "", phone: "", captcha: "", code: "", pw: "", pw2: "" });
  const [sent, setSent] = useState("");
  const [error, setError] = useState("");
  const [done, setDone] = useState<null | { stillDisabled: boolean }>(null);

  if (done)
    return (
      <div className="card w-full max-w-md space-y-4 p-8">
        <Alert kind="ok">密码已重置，原有登录已全部失效。</Alert>
        {done.stillDisabled && <Alert kind="info">该账号目前处于停用状态，需上级账号重新启用后才能登录。</Alert>}
        <Link href="/login" className="btn-primary w-full">
          返回登录
        </Link>
      </div>
    );

  return (
    <div className="card w-full max-w-md p-6 sm:p-8">
      <h1 className="text-xl font-semibold">忘记密码</h1>
      <p className="mb-5 mt-1 text-sm text-slate-500">通过账号绑定的手机号重置密码。未绑定手机号的账号请联系上级账号重置。</p>
      {!sent ? (
        <ActionForm
          onError={(m) => {
            setError(m);
            if (m) captcha.refresh();
          }}
          action={async () => {
            const r = await request.mutateAsync({ account: f.account, phone: f.phone, ...captcha.reply(f.captcha) });
            setSent(r.message);
          }}
        >
          <Field label="账号" htmlFor="account" required>
            <input id="account" className="input" value={f.account} onChange={(e) => patch({ account: e.target.value })} />
          </Field>
          <Field label="绑定的手机号" htmlFor="phone" required>
            <input id="phone" className="input" inputMode="numeric" maxLength={11} value={f.phone} onChange={(e) => patch({ phone: e.target.value.trim() })} />
          </Field>
          <CaptchaField captcha={captcha} value={f.captcha} onChange={(v) => patch({ captcha: v })} />
          <Alert>{error}</Alert>
          <button className="btn-primary w-full py-2.5" disabled={request.isPending || !captcha.ready}>
            获取短信验证码
          </button>
        </ActionForm>
      ) : (
        <ActionForm
          onError={setError}
          action={async () =>
            setDone(await reset.mutateAsync({ account: f.account, phone: f.phone, smsCode: f.code, newPassword: f.pw, confirmPassword: f.pw2 }))
          }
        >
          <Alert kind="info">{sent}</Alert>
          <Field label="短信验证码" htmlFor="smsCode" required>
            <input id="smsCode" className="input" inputMode="numeric" maxLength={6} value={f.code} onChange={(e) => patch({ code: e.target.value })} />
          </Field>
          <NewPasswordFields pw={f.pw} pw2={f.pw2} onChange={(pw, pw2) => patch({ pw, pw2 })} />
          <Alert>{error}</Alert>
          <button className="btn-primary w-full py-2.5" disabled={reset.isPending}>
            重置密码
          </button>
        </ActionForm>
      )}
    </div>
  );
}
