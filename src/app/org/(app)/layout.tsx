import { requirePortal } from "@/server/auth/current";
import { PortalShell } from "@/components/portal-shell";

export const dynamic = "force-dynamic";

export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requirePortal("org");
  return <PortalShell portal="org" user={user}>{children}</PortalShell>;
}
