"use client";
import { errorMessage } from "@/trpc/react";

/** A form whose submit runs one async action; a failure's Chinese message goes to onError ("" clears it). */
export function ActionForm({
  action,
  onError,
  children,
  className = "space-y-4",
}: {
  action: () => Promise<unknown>;
  onError: (message: string) => void;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <form
      className={className}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        onError("");
        try {
          await action();
        } catch (err) {
          onError(errorMessage(err));
        }
      }}
    >
      {children}
    </form>
  );
}
