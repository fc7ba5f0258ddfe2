"use client";
import { useEffect, useState } from "react";
import { errorMessage } from "@/trpc/react";

/** 获取验证码 with a 60-second countdown (the server throttles too). */
export function SmsButton({
  send,
  disabled,
  onError,
  label = "获取验证码",
}: {
  send: () => Promise<unknown>;
  disabled?: boolean;
  onError?: (m: string) => void;
  label?: string;
}) {
  const [left, setLeft] = useState(0);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (left <= 0) return;
    const t = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(t);
  }, [left]);
  return (
    <button
      type="button"
      className="btn-default shrink-0 whitespace-nowrap"
      disabled={disabled || busy || left > 0}
      onClick={async () => {
        setBusy(true);
        try {
          await send();
          setLeft(60);
        } catch (e) {
          onError?.(errorMessage(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      {left > 0 ? `${left} 秒后重新获取` : label}
    </button>
  );
}

/** 账户安全验证: the notice and the code field for an SMS to the account's own bound phone. */
export function OwnPhoneCodeField({
  phone,
  code,
  onCode,
  send,
  onError,
  action = "修改",
}: {
  /** What the code unlocks (…验证通过后才可<action>). */
  action?: string;
  phone: string | null | undefined;
  code: string;
  onCode: (v: string) => void;
  send: () => Promise<unknown>;
  onError: (m: string) => void;
}) {
  return (
    <>
      <div className="alert-info">
        为了确保账户安全，请使用当前登录账户绑定的手机号 {phone} 获取验证码，进行身份验证，验证通过后才可{action}。
      </div>
      <div>
        <label className="label" htmlFor="code">
          <span aria-hidden="true" className="mr-0.5 text-red-500">
            *
          </span>
          短信验证码
        </label>
        <div className="flex gap-2">
          <input id="code" className="input" inputMode="numeric" maxLength={6} value={code} onChange={(e) => onCode(e.target.value)} />
          <SmsButton send={send} onError={onError} />
        </div>
      </div>
    </>
  );
}
