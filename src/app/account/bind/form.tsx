"use client";
import { usePatchState } from "@/components/use-patch";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { Alert, Field } from "@/components/field";
import { ActionForm } from "@/components/action-form";
import { NewPasswordFields } from "@/components/new-password-fields";
import { SmsButton } from "@/components/sms-button";
import { LogoutButton } from "@/components/logout-button";

export function BindForm({ portal, account, needsBinding }: { portal: string; account: string; needsBinding: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const sendCode = useMutation(trpc.auth.sendBindCode.mutationOptions());
  const complete = useMutation(trpc.auth.completeFirstLogin.mutationOptions());
  const [f, patch] = usePatchState({ name: "", phone: "", code: "", pw: "", pw2: "" });
  const [error, setError] = useState("");

  return (
    <div className="card w-full max-w-md p-6 sm:p-8">
      <h1 className="text-xl font-semibold">{needsBinding ? "首次登录：绑定使用人信息" : "请修改初始密码"}</h1>
      <p className="mb-5 mt-1 text-sm text-slate-500">
        账号 {account}。
        {needsBinding ? "请绑定账号使用人本人的姓名和手机号，用于后续登录验证和找回密码，并修改初始密码。" : "初始密码只能使用一次，请设置新密码后继续。"}
      </p>
      <ActionForm
        onError={setError}
        action={async () => {
          await complete.mutateAsync(
            needsBinding
              ? { name: f.name, phone: f.phone, smsCode: f.code, newPassword: f.pw, confirmPassword: f.pw2 }
              : { newPassword: f.pw, confirmPassword: f.pw2 },
          );
          router.replace(`/${portal}`);
          router.refresh();
        }}
      >
        {needsBinding && (
          <>
            <Field label="姓名" htmlFor="name" required>
              <input id="name" className="input" value={f.name} onChange={(e) => patch({ name: e.target.value })} />
            </Field>
            <Field label="手机号" htmlFor="phone" required>
              <div className="flex gap-2">
                <input
                  id="phone"
                  className="input"
                  inputMode="numeric"
                  maxLength={11}
                  value={f.phone}
                  onChange={(e) => patch({ phone: e.target.value.trim() })}
                />
                <SmsButton send={() => sendCode.mutateAsync({ phone: f.phone })} onError={setError} disabled={!/^1\d{10}$/.test(f.phone)} />
              </div>
            </Field>
            <Field label="短信验证码" htmlFor="smsCode" required>
              <input id="smsCode" className="input" inputMode="numeric" maxLength={6} value={f.code} onChange={(e) => patch({ code: e.target.value })} />
            </Field>
          </>
        )}
        <NewPasswordFields pw={f.pw} pw2={f.pw2} onChange={(pw, pw2) => patch({ pw, pw2 })} />
        <Alert>{error}</Alert>
        <button className="btn-primary w-full py-2.5" disabled={complete.isPending}>
          保存并进入平台
        </button>
        <div className="text-center">
          <LogoutButton className="btn-link" />
        </div>
      </ActionForm>
    </div>
  );
}
