"use client";
import { useState } from "react";
import { errorMessage } from "@/trpc/react";

export type ActionMessage = { ok: boolean; text: string } | null;

/**
 * A page's result line: `act` runs a mutation, shows its success text (or one made from its result) or its Chinese
 * error, then refreshes the
 * list; `say` sets the line directly; `banner` renders it (status for success, alert for errors).
 */
export function useActionMessage(refresh?: () => Promise<unknown>) {
  const [message, say] = useState<ActionMessage>(null);
  const act = async <T,>(fn: () => Promise<T>, ok: string | ((result: T) => string)) => {
    say(null);
    try {
      const result = await fn();
      say({ ok: true, text: typeof ok === "function" ? ok(result) : ok });
      await refresh?.();
    } catch (e) {
      say({ ok: false, text: errorMessage(e) });
    }
  };
  const banner = message && (
    <p className={`mb-3 ${message.ok ? "alert-ok" : "alert-error"}`} role={message.ok ? "status" : "alert"}>
      {message.text}
    </p>
  );
  return { act, say, banner };
}
