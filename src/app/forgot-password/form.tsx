"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { Alert, Field } from "@/components/field";
import { SmsPasswordForm } from "@/components/sms-password-form";

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.forgotRequest.mutationOptions());
  const reset = useMutation(trpc.auth.forgotReset.mutationOptions());
  const [f, setF] = useState({ account: "", phone: "" });
  const [done, setDone] = useState<null | { stillDisabled: boolean }>(null);
  return (
    <SmsPasswordForm
      title="忘记密码"
      intro="通过账号绑定的手机号重置密码。未绑定手机号的账号请联系上级账号重置。"
      fields={
        <>
          <Field label="账号" htmlFor="account" required>
            <input id="account" className="input" value={f.account} onChange={(e) => setF({ ...f, account: e.target.value })} />
          </Field>
          <Field label="绑定的手机号" htmlFor="phone" required>
            <input
              id="phone"
              className="input"
              inputMode="numeric"
              maxLength={11}
              value={f.phone}
              onChange={(e) => setF({ ...f, phone: e.target.value.trim() })}
            />
          </Field>
        </>
      }
      request={async (captcha) => (await request.mutateAsync({ ...f, ...captcha })).message}
      submit={async (smsCode, newPassword, confirmPassword) => setDone(await reset.mutateAsync({ ...f, smsCode, newPassword, confirmPassword }))}
      submitLabel="重置密码"
      done={
        done && (
          <>
            <Alert kind="ok">密码已重置，原有登录已全部失效。</Alert>
            {done.stillDisabled && <Alert kind="info">该账号目前处于停用状态，需上级账号重新启用后才能登录。</Alert>}
            <Link href="/login" className="btn-primary w-full">
              返回登录
            </Link>
          </>
        )
      }
    />
  );
}
