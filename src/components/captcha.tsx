"use client";
import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { solveWork, type WorkChallenge } from "@/domain/auth/work";

type Drawn = { id: string; svg?: string; work: WorkChallenge; solved: number | null };

/** A challenge from the server (an image captcha, or proof of work alone), its work solved in the background. */
function useChallenge(fetch: () => Promise<Omit<Drawn, "solved">>) {
  const [cap, setCap] = useState<Drawn | null>(null);
  const load = useCallback(
    () =>
      fetch().then(
        (c) => setCap({ ...c, solved: null }),
        () => setCap(null),
      ),
    [fetch],
  );
  const refresh = useCallback(() => {
    // Nothing to send while a new one loads: forms disable their buttons instead of sending a used captcha.
    setCap(null);
    void load();
  }, [load]);
  useEffect(() => {
    void load();
  }, [load]);
  const id = cap?.id;
  const work = cap?.work;
  useEffect(() => {
    if (!id || !work) return;
    const stop = new AbortController();
    void solveWork(work, { signal: stop.signal }).then((n) => {
      if (n !== null) setCap((c) => (c && c.id === id ? { ...c, solved: n } : c));
    });
    return () => stop.abort();
  }, [id, work]);
  return { cap, loaded: !!cap, ready: !!cap && cap.solved !== null, refresh };
}

/** The image captcha and its proof of work, solved in the background while the person types. */
export function useCaptcha() {
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.auth.captcha.mutationOptions());
  const { cap, ...rest } = useChallenge(mutateAsync);
  return {
    ...rest,
    svg: cap?.svg ?? null,
    /** What the procedure takes: the id, the typed answer, the proof of work. */
    reply: (answer: string) => ({ captchaId: cap?.id ?? "", captchaAnswer: answer, captchaWork: cap?.solved ?? 0 }),
  };
}

/** The public lookups' challenge: proof of work alone (nothing to see or type), bound to this browser. */
export function useWorkChallenge() {
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.lookup.challenge.mutationOptions());
  const { cap, ...rest } = useChallenge(mutateAsync);
  return { ...rest, reply: () => ({ challengeId: cap?.id ?? "", work: cap?.solved ?? 0 }) };
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
      <div className="mt-1 flex items-center justify-between gap-2">
        <button type="button" className="btn-link text-xs" onClick={captcha.refresh}>
          看不清，换一张
        </button>
        <span className="text-xs text-slate-600" role="status" aria-live="polite">
          {captcha.loaded && !captcha.ready ? "正在进行安全校验…" : ""}
        </span>
      </div>
    </div>
  );
}
