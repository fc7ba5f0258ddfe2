"use client";
import { useCallback, useState } from "react";

/**
 * Form state whose updates merge into the latest state. Spreading a render's copy
 * (`setF({ ...f, x })`) loses a field typed in between two renders.
 */
export function usePatchState<T extends object>(initial: T) {
  const [state, setState] = useState(initial);
  const patch = useCallback((p: Partial<T>) => setState((s) => ({ ...s, ...p })), []);
  return [state, patch, setState] as const;
}
