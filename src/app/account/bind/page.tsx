import { redirect } from "next/navigation";
import { AuthPage } from "@/components/site-header";
import { requireSignedIn } from "@/server/auth/current";
import { BindForm } from "./form";

export const metadata = { title: "账号绑定" };
export const dynamic = "force-dynamic";

export default async function Bind() {
  const u = await requireSignedIn();
  if (!u.needsBinding && !u.mustChangePassword) redirect(`/${u.portal}`);
  return (
    <AuthPage>
      <BindForm portal={u.portal} account={u.account} needsBinding={u.needsBinding} />
    </AuthPage>
  );
}
