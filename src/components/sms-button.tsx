"use client";
import { useEffect, useState } from "react";
import { errorMessage } from "@/trpc/react";

/** 获取验证码 with a 60-second countdown (the server throttles too). */
export function SmsButton({ send, disabled, onError, label = "获取验证码" }: { send: () => Promise<unknown>; disabled?: boolean; onError?: (m: string) => void; label?: string }) {
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
