import { redirect } from "next/navigation";
import { requireSignedIn } from "@/server/auth/current";
import { PortalShell } from "@/components/portal-shell";

export const dynamic = "force-dynamic";

export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requireSignedIn();
  if (user.needsBinding || user.mustChangePassword) redirect("/account/bind");
  return (
    <PortalShell portal={user.portal} user={user}>
      {children}
    </PortalShell>
  );
}
