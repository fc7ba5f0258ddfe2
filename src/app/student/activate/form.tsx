"use client";
// 激活学生账号: the ID number and the phone the school entered on the candidate record, a captcha, an SMS code to that
// phone, then the password. Afterwards the usual login.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { Alert, Field } from "@/components/field";
import { SmsPasswordForm } from "@/components/sms-password-form";

export function ActivateForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.activateRequest.mutationOptions());
  const activate = useMutation(trpc.auth.activate.mutationOptions());
  const [f, setF] = useState({ idNumber: "", phone: "" });
  const [done, setDone] = useState(false);
  return (
    <SmsPasswordForm
      title="激活学生账号"
      intro="学校录入考生信息后，学生可用证件号码和考生信息中登记的手机号激活账号并设置密码。手机号有误请联系学校修改；已激活的账号请使用「忘记密码」。"
      fields={
        <>
          <Field label="证件号码" htmlFor="idNumber" required>
            <input id="idNumber" className="input" autoComplete="username" value={f.idNumber} onChange={(e) => setF({ ...f, idNumber: e.target.value })} />
          </Field>
          <Field label="手机号" htmlFor="phone" required hint="学校录入考生信息时登记的手机号">
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
      submit={async (smsCode, newPassword, confirmPassword) => {
        await activate.mutateAsync({ ...f, smsCode, newPassword, confirmPassword });
        setDone(true);
      }}
      submitLabel="激活并设置密码"
      done={
        done && (
          <>
            <Alert kind="ok">账号已激活。请使用证件号码和新密码登录。</Alert>
            <Link href="/student/login" className="btn-primary w-full">
              前往登录
            </Link>
          </>
        )
      }
    />
  );
}
