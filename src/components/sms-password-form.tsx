"use client";
// The two steps of setting a password by SMS (忘记密码, 激活学生账号): who and which phone with a captcha, then the
// code and the new password; the caller's use cases decide everything, this only walks the steps.
import { useState } from "react";
import { CaptchaField, useCaptcha } from "./captcha";
import { Alert, Field } from "./field";
import { ActionForm } from "./action-form";
import { NewPasswordFields } from "./new-password-fields";

type CaptchaReply = ReturnType<ReturnType<typeof useCaptcha>["reply"]>;

export function SmsPasswordForm({
  title,
  intro,
  fields,
  request,
  submit,
  submitLabel,
  done,
}: {
  title: string;
  intro: React.ReactNode;
  /** Step 1's own fields (account or ID number, phone), above the captcha. */
  fields: React.ReactNode;
  /** Sends the code; resolves to the message to show. */
  request: (captcha: CaptchaReply) => Promise<string>;
  submit: (code: string, pw: string, pw2: string) => Promise<void>;
  submitLabel: string;
  /** Shown instead of the form once `submit` has resolved. */
  done: React.ReactNode | null;
}) {
  const captcha = useCaptcha();
  const [f, setF] = useState({ captcha: "", code: "", pw: "", pw2: "" });
  const patch = (p: Partial<typeof f>) => setF((x) => ({ ...x, ...p }));
  const [sent, setSent] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const run = (fn: () => Promise<unknown>) => async () => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  if (done) return <div className="card w-full max-w-md space-y-4 p-8">{done}</div>;
  return (
    <div className="card w-full max-w-md p-6 sm:p-8">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mb-5 mt-1 text-sm text-slate-500">{intro}</p>
      {!sent ? (
        <ActionForm
          onError={(m) => {
            setError(m);
            if (m) captcha.refresh();
          }}
          action={run(async () => setSent(await request(captcha.reply(f.captcha))))}
        >
          {fields}
          <CaptchaField captcha={captcha} value={f.captcha} onChange={(v) => patch({ captcha: v })} />
          <Alert>{error}</Alert>
          <button className="btn-primary w-full py-2.5" disabled={busy || !captcha.ready}>
            获取短信验证码
          </button>
        </ActionForm>
      ) : (
        <ActionForm onError={setError} action={run(() => submit(f.code, f.pw, f.pw2))}>
          <Alert kind="info">{sent}</Alert>
          <Field label="短信验证码" htmlFor="smsCode" required>
            <input id="smsCode" className="input" inputMode="numeric" maxLength={6} value={f.code} onChange={(e) => patch({ code: e.target.value })} />
          </Field>
          <NewPasswordFields pw={f.pw} pw2={f.pw2} onChange={(pw, pw2) => patch({ pw, pw2 })} />
          <Alert>{error}</Alert>
          <button className="btn-primary w-full py-2.5" disabled={busy}>
            {submitLabel}
          </button>
        </ActionForm>
      )}
    </div>
  );
}
