"use client";
import { usePatchState } from "@/components/use-patch";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { CaptchaField, useCaptcha } from "./captcha";
import { Alert, Field } from "./field";
import { PORTAL_TITLES, type Portal } from "@/domain/auth/portals";

const ACCOUNT_HINT: Record<Portal, string> = {
  school: "试点院校负责人或业务管理员账号",
  org: "培训评价组织账号",
  edu: "教育行政部门账号",
  admin: "综合业务管理账号",
  student: "考生号或身份证号",
};

export function LoginForm({ portal }: { portal: Portal }) {
  const trpc = useTRPC();
  const router = useRouter();
  const captcha = useCaptcha();
  const login = useMutation(trpc.auth.login.mutationOptions());
  const verify = useMutation(trpc.auth.verifyLoginSms.mutationOptions());
  const [form, patch] = usePatchState({ account: "", password: "", captcha: "" });
  const [sms, setSms] = useState<{ challenge: string; phone: string | null } | null>(null);
  const [code, setCode] = useState("");
  const [trust, setTrust] = useState(true);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function finish(challenge: string) {
    const r = await signIn("challenge", { challenge, redirect: false });
    if (!r || r.error) throw new Error("登录已超时，请重新登录");
    router.replace(`/${portal}`);
    router.refresh();
  }

  async function submitPassword(e: React.FormEvent) {
    e.preventDefault();
    setError("");
    if (!form.account || !form.password || !form.captcha) return setError("请填写账号、密码和图形验证码");
    setBusy(true);
    try {
      const r = await login.mutateAsync({ portal, account: form.account, password: form.password, ...captcha.reply(form.captcha) });
      if (r.needSms) setSms({ challenge: r.challenge, phone: r.phoneMasked });
      else await finish(r.challenge);
    } catch (err) {
      setError(err instanceof Error && !("data" in err) ? err.message : errorMessage(err));
      patch({ captcha: "" });
      captcha.refresh();
    } finally {
      setBusy(false);
    }
  }

  async function submitCode(e: React.FormEvent) {
    e.preventDefault();
    if (!sms) return;
    setError("");
    setBusy(true);
    try {
      await verify.mutateAsync({ challenge: sms.challenge, code, trustDevice: trust });
      await finish(sms.challenge);
    } catch (err) {
      setError(err instanceof Error && !("data" in err) ? err.message : errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card w-full max-w-md p-6 sm:p-8">
      <h1 className="text-xl font-semibold text-slate-900">{PORTAL_TITLES[portal]}</h1>
      <p className="mb-5 mt-1 text-sm text-slate-500">{sms ? "账户安全验证" : "账号登录"}</p>
      {!sms ? (
        <form className="space-y-4" onSubmit={submitPassword} noValidate>
          <Field label="账号" htmlFor="account">
            <input
              id="account"
              name="account"
              className="input"
              autoComplete="username"
              placeholder={ACCOUNT_HINT[portal]}
              value={form.account}
              onChange={(e) => patch({ account: e.target.value })}
            />
          </Field>
          <Field label="密码" htmlFor="password">
            <input
              id="password"
              name="password"
              type="password"
              className="input"
              autoComplete="current-password"
              placeholder="请输入密码"
              value={form.password}
              onChange={(e) => patch({ password: e.target.value })}
            />
          </Field>
          <CaptchaField captcha={captcha} value={form.captcha} onChange={(v) => patch({ captcha: v })} />
          <Alert>{error}</Alert>
          <button type="submit" className="btn-primary w-full py-2.5" disabled={busy || !captcha.ready}>
            {busy ? "登录中…" : "登录"}
          </button>
          <div className="flex justify-between text-sm">
            <Link className="btn-link whitespace-nowrap" href={`/forgot-password?portal=${portal}`}>
              忘记密码
            </Link>
            {portal === "student" && (
              <span className="text-right text-xs text-slate-500">
                首次使用？
                <Link className="btn-link" href="/student/activate">
                  激活账号
                </Link>
              </span>
            )}
            {portal === "school" && (
              <span className="text-right text-xs text-slate-500">
                未参加过证书试点？
                <Link className="btn-link" href="/register">
                  立即注册
                </Link>
              </span>
            )}
          </div>
        </form>
      ) : (
        <form className="space-y-4" onSubmit={submitCode} noValidate>
          <div className="alert-info">为了确保账户安全，验证码已发送至您绑定的手机号 {sms.phone}，请输入短信验证码完成登录。</div>
          <Field label="短信验证码" htmlFor="smsCode">
            <input
              id="smsCode"
              name="smsCode"
              className="input tracking-widest"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              placeholder="6 位数字"
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
            />
          </Field>
          <label className="flex items-center gap-2 text-sm text-slate-600">
            <input type="checkbox" checked={trust} onChange={(e) => setTrust(e.target.checked)} />
            信任此浏览器，7 天内免短信验证（公用电脑请勿勾选）
          </label>
          <Alert>{error}</Alert>
          <button type="submit" className="btn-primary w-full py-2.5" disabled={busy || code.length !== 6}>
            {busy ? "验证中…" : "验证并登录"}
          </button>
          <button
            type="button"
            className="btn-link"
            onClick={() => {
              setSms(null);
              setCode("");
              patch({ captcha: "" });
              captcha.refresh();
            }}
          >
            未收到验证码？返回重新登录
          </button>
        </form>
      )}
    </div>
  );
}
