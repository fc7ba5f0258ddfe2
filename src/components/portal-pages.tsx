// The pages every portal has, made once: its login page, its guarded layout and its 工作台.
import { requirePermission, requirePortal } from "@/server/auth/current";
import type { Permission } from "@/domain/auth/permissions";
import type { Portal } from "@/domain/auth/portals";
import { AuthPage } from "./site-header";
import { LoginForm } from "./login-form";
import { PortalShell } from "./portal-shell";
import { Workbench } from "./workbench";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export function loginPage(portal: Portal) {
  return function Login() {
    return (
      <AuthPage>
        <LoginForm portal={portal} />
      </AuthPage>
    );
  };
}

export function portalLayout(portal: Portal) {
  return async function Layout({ children }: { children: React.ReactNode }) {
    const user = await requirePortal(portal);
    return (
      <PortalShell portal={portal} user={user}>
        {children}
      </PortalShell>
    );
  };
}

export function workbenchPage(portal: Portal) {
  return async function Page() {
    await requirePortal(portal);
    // Prefetched on the server: the workbench renders with its items, no loading round trip.
    prefetch(trpc.auth.me.queryOptions());
    prefetch(trpc.workbench.get.queryOptions());
    return (
      <HydrateClient>
        <Workbench />
      </HydrateClient>
    );
  };
}

/** A portal page whose body is a client component; the permission guard runs on the server for every request. */
export function guardedPage(permission: Permission, body: React.ReactNode) {
  return async function Page() {
    await requirePermission(permission);
    return body;
  };
}
