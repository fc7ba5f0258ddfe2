"use client";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTRPC } from "@/trpc/react";

export function LogoutButton({ className, label = "退出登录", role }: { className?: string; label?: string; role?: string }) {
  const trpc = useTRPC();
  const logout = useMutation(trpc.auth.logout.mutationOptions());
  return (
    <button
      type="button"
      role={role}
      className={className}
      onClick={async () => {
        await logout.mutateAsync().catch(() => {});
        await signOut({ callbackUrl: "/login" });
      }}
    >
      {label}
    </button>
  );
}
