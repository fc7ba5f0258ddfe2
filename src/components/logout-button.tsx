"use client";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTRPC } from "@/trpc/react";
import type { Portal } from "@/domain/auth/portals";

/** Signs out and lands on the portal's own login page (the general one when no portal is known). */
export function LogoutButton({ className, label = "退出登录", role, portal }: { className?: string; label?: string; role?: string; portal?: Portal }) {
  const trpc = useTRPC();
  const logout = useMutation(trpc.auth.logout.mutationOptions());
  return (
    <button
      type="button"
      role={role}
      className={className}
      onClick={async () => {
        await logout.mutateAsync().catch(() => {});
        await signOut({ callbackUrl: portal ? `/${portal}/login` : "/login" });
      }}
    >
      {label}
    </button>
  );
}
