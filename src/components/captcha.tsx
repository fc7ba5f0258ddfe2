"use client";
import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useTRPC } from "@/trpc/react";

export function useCaptcha() {
  const trpc = useTRPC();
  const m = useMutation(trpc.auth.captcha.mutationOptions());
  const [cap, setCap] = useState<{ id: string; svg: string } | null>(null);
  const { mutateAsync } = m;
  const load = useCallback(() => mutateAsync().then(setCap, () => setCap(null)), [mutateAsync]);
  const refresh = useCallback(() => {
    // No id while a new one loads: forms disable their buttons instead of sending a used captcha.
    setCap(null);
    void load();
  }, [load]);
  useEffect(() => {
    void load();
  }, [load]);
  return { id: cap?.id ?? "", svg: cap?.svg ?? null, refresh };
}

export function CaptchaField({ value, onChange, captcha }: { value: string; onChange: (v: string) => void; captcha: ReturnType<typeof useCaptcha> }) {
  return (
    <div>
      <label className="label" htmlFor="captcha">
        图形验证码
      </label>
      <div className="flex gap-2">
        <input
          id="captcha"
          name="captcha"
          className="input"
          placeholder="请输入验证码"
          autoComplete="off"
          maxLength={8}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
        <button
          type="button"
          onClick={captcha.refresh}
          title="看不清，换一张"
          className="h-10 w-[120px] shrink-0 overflow-hidden rounded border border-slate-200 bg-slate-100"
        >
          {captcha.svg ? (
            <img alt="图形验证码" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(captcha.svg)}`} className="h-10 w-[120px]" />
          ) : (
            <span className="text-xs text-slate-400">加载中…</span>
          )}
        </button>
      </div>
      <button type="button" className="btn-link mt-1 text-xs" onClick={captcha.refresh}>
        看不清，换一张
      </button>
    </div>
  );
}
