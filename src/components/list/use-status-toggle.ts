"use client";
import { useMutation, useQueryClient, type UseMutationOptions } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";

/** 启用 / 停用 from a list row: runs the mutation, refreshes the lists, keeps the refusal message. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tRPC's option types carry their own error shape
export function useStatusToggle<I>(enableOptions: UseMutationOptions<any, any, I, any>, disableOptions: UseMutationOptions<any, any, I, any>) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const enable = useMutation(enableOptions);
  const disable = useMutation(disableOptions);
  const [message, setMessage] = useState("");
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.pathKey() });
  const toggle = async (input: I, on: boolean) => {
    setMessage("");
    try {
      await (on ? enable : disable).mutateAsync(input);
      await refresh();
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };
  return { toggle, message, refresh };
}
