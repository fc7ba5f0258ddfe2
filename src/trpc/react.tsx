"use client";
// The t3 wiring on the client: one QueryClient per browser tab, a batched link capped at 10 calls; server
// components prefetch through src/trpc/server.tsx and hydrate this client.
import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";
import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
/** What each procedure returns, for components that take a query's data as a prop. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() => createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: 10 })] }));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** The Chinese message of a failed call (the server never sends internals). */
/** A check the form makes before sending (its message is shown as the server's would be). */
export class FormError extends Error {}

export function errorMessage(e: unknown): string {
  if (e instanceof TRPCClientError || e instanceof FormError) return e.message;
  return "网络异常，请稍后重试";
}
