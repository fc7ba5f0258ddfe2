"use client";
// 试点院校申报系统—注册账号 (001 §2.1.2): province first, then a school name from the Ministry's list with its
// code, the phone with an SMS code. The account and password are shown once and sent to the phone.
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { usePatchState } from "@/components/use-patch";
import { CaptchaField, useCaptcha } from "@/components/captcha";
import { Alert, Field } from "@/components/field";
import { ActionForm } from "@/components/action-form";
import { SmsButton } from "@/components/sms-button";

export function RegisterForm() {
  const trpc = useTRPC();
  const captcha = useCaptcha();
  const provinces = useQuery(trpc.register.provinces.queryOptions());
  const [f, patch] = usePatchState({ province: "", name: "", code: "", phone: "", contactName: "", captcha: "", smsCode: "" });
  const schools = useQuery({
    ...trpc.register.searchSchools.queryOptions({ provinceCode: f.province, q: f.name }),
    enabled: !!f.province && f.name.trim().length >= 2,
  });
  const send = useMutation(trpc.register.sendCode.mutationOptions());
  const register = useMutation(trpc.register.register.mutationOptions());
  const [error, setError] = useState("");
  const [sent, setSent] = useState(false);
  const [done, setDone] = useState<{ account: string; password: string; schoolName: string } | null>(null);
  const base = { provinceCode: f.province.slice(0, 2), name: f.name, code: f.code, phone: f.phone };

  if (done)
    return (
      <div className="card w-full max-w-md space-y-4 p-8">
        <h1 className="text-xl font-semibold">注册成功</h1>
        <Alert kind="ok">
          {done.schoolName}的账号已创建，账号和密码已发送到 {f.phone}，请妥善保存。
        </Alert>
        <dl className="grid grid-cols-[5rem_1fr] gap-2 rounded border border-slate-200 p-4 text-sm">
          <dt className="text-slate-500">账号</dt>
          <dd className="font-mono" data-testid="new-account">
            {done.account}
          </dd>
          <dt className="text-slate-500">密码</dt>
          <dd className="font-mono" data-testid="new-password">
            {done.password}
          </dd>
        </dl>
        <p className="text-sm text-slate-500">登录后请先完善院校基础信息，再在申报计划时间内申报证书试点。</p>
        <Link href={`/school/login?account=${done.account}`} className="btn-primary w-full">
          开始申报试点证书
        </Link>
      </div>
    );

  return (
    <div className="card w-full max-w-md p-6 sm:p-8">
      <div className="flex items-baseline justify-between">
        <h1 className="text-xl font-semibold">试点院校申报系统—注册账号</h1>
      </div>
      <p className="mb-5 mt-1 text-sm text-slate-500">
        已有账号，
        <Link className="btn-link underline" href="/school/login">
          立即登录
        </Link>
        。已参加过证书试点的院校无需重复注册。
      </p>
      <ActionForm onError={setError} action={async () => setDone(await register.mutateAsync({ ...base, contactName: f.contactName, smsCode: f.smsCode }))}>
        <Field label="院校所在省市" htmlFor="rg-province" required>
          <select id="rg-province" className="input" value={f.province} onChange={(e) => patch({ province: e.target.value, name: "", code: "" })}>
            <option value="">请选择</option>
            {provinces.data?.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="院校名称" htmlFor="rg-name" required hint="院校名称来自教育部官方数据，须与系统中的名称一致">
          <input
            id="rg-name"
            className="input"
            list="rg-schools"
            autoComplete="off"
            disabled={!f.province}
            placeholder={f.province ? "请输入院校名称" : "请先选择院校所在省市"}
            value={f.name}
            onChange={(e) => patch({ name: e.target.value })}
          />
          <datalist id="rg-schools">
            {schools.data?.map((s) => (
              <option key={s.name} value={s.name} />
            ))}
          </datalist>
        </Field>
        <Field label="院校代码" htmlFor="rg-code" required>
          <input
            id="rg-code"
            className="input"
            inputMode="numeric"
            maxLength={10}
            placeholder="请填写院校代码"
            value={f.code}
            onChange={(e) => patch({ code: e.target.value.replace(/\D/g, "") })}
          />
        </Field>
        <Field label="联系人姓名" htmlFor="rg-contact" required>
          <input id="rg-contact" className="input" maxLength={30} value={f.contactName} onChange={(e) => patch({ contactName: e.target.value })} />
        </Field>
        <Field label="手机号" htmlFor="rg-phone" required>
          <input
            id="rg-phone"
            className="input"
            inputMode="numeric"
            maxLength={11}
            placeholder="+86 11位手机号码"
            value={f.phone}
            onChange={(e) => patch({ phone: e.target.value.replace(/\D/g, "") })}
          />
        </Field>
        <CaptchaField captcha={captcha} value={f.captcha} onChange={(v) => patch({ captcha: v })} />
        <Field label="手机验证码" htmlFor="rg-sms" required>
          <div className="flex gap-2">
            <input
              id="rg-sms"
              className="input"
              inputMode="numeric"
              maxLength={6}
              value={f.smsCode}
              onChange={(e) => patch({ smsCode: e.target.value.replace(/\D/g, "") })}
            />
            <SmsButton
              disabled={!captcha.ready}
              onError={(m) => {
                setError(m);
                captcha.refresh();
              }}
              send={async () => {
                setError("");
                await send.mutateAsync({ ...base, ...captcha.reply(f.captcha) });
                setSent(true);
              }}
            />
          </div>
        </Field>
        {sent && <Alert kind="info">验证码已发送到 {f.phone}，5 分钟内有效。</Alert>}
        <Alert>{error}</Alert>
        <p className="text-xs text-slate-500">如果发现自己院校名称不在系统中或系统中的不正确，请反馈给所在省级教育行政部门的 1+X 证书试点项目相关负责人。</p>
        <button type="submit" className="btn-primary w-full py-2.5" disabled={register.isPending}>
          立即注册
        </button>
      </ActionForm>
    </div>
  );
}
