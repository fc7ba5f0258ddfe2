// The t3 server caller: server components prefetch through the same router and procedures as the browser
// (same auth gate, same scope), and hand the result to client components through the hydration boundary.
import "server-only";
import { cache } from "react";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { appRouter } from "@/server/api/root";
import { getDb, getReadDb } from "@/server/db";
import { systemClock } from "@/server/clock";
import { createSmsGateway } from "@/server/sms/gateway";
import { getCurrentUser, currentHeaders } from "@/server/auth/current";
import { requestMetaFromHeaders } from "@/server/auth/request-meta";
import type { Context } from "@/server/api/trpc";
import { makeQueryClient } from "./query-client";

/** A read-only context for this request (a server component never sets cookies). */
const createContext = cache(async (): Promise<Context> => {
  const db = getDb();
  const h = await currentHeaders();
  return {
    db,
    readDb: getReadDb(),
    clock: systemClock,
    sms: createSmsGateway(db),
    session: await getCurrentUser(),
    meta: { ...requestMetaFromHeaders(h), deviceToken: null, captchaToken: null },
    setCookie: () => {},
  };
});

export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy({ ctx: createContext, router: appRouter, queryClient: getQueryClient });

/** Starts a query on the server; a failure is left for the client component to show. */
export function prefetch(options: { queryKey: readonly unknown[] }) {
  // Any procedure's queryOptions(); their precise generic types do not matter to prefetching.
  void getQueryClient().prefetchQuery(options as never);
}

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
