import Link from "next/link";
import { AuthPage } from "@/components/site-header";
import { LoginForm } from "@/components/login-form";
import { PORTALS, PORTAL_TITLES, isPortal } from "@/domain/auth/portals";

export const metadata = { title: "登录" };

export default async function LoginEntry({ searchParams }: { searchParams: Promise<{ portal?: string }> }) {
  const sp = await searchParams;
  const portal = isPortal(sp.portal) ? sp.portal : "school";
  return (
    <AuthPage>
      <div className="flex w-full max-w-md flex-col gap-4">
        <nav aria-label="选择平台" className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {PORTALS.map((p) => (
            <Link
              key={p}
              href={`/login?portal=${p}`}
              className={`rounded border px-2 py-2 text-center text-sm ${p === portal ? "border-brand-600 bg-brand-600 text-white" : "border-slate-200 bg-white text-slate-600 hover:border-brand-500"}`}
            >
              {PORTAL_TITLES[p].replace("业务平台", "").replace("管理平台", "")}
            </Link>
          ))}
        </nav>
        <LoginForm key={portal} portal={portal} />
      </div>
    </AuthPage>
  );
}
