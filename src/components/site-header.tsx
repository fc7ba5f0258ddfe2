import Link from "next/link";

export function SiteHeader({ children }: { children?: React.ReactNode }) {
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-3">
          <span className="flex h-9 w-9 items-center justify-center rounded bg-white/15 text-lg font-bold">X</span>
          <span>
            <span className="block text-base font-semibold sm:text-lg">职业技能等级证书信息管理服务平台</span>
            <span className="block text-xs text-white/70">1+X 证书制度试点</span>
          </span>
        </Link>
        <nav className="flex flex-wrap gap-4 text-sm text-white/90">{children}</nav>
      </div>
    </header>
  );
}

export function AuthPage({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader>
        <Link href="/">首页</Link>
        <Link href="/login">登录</Link>
      </SiteHeader>
      <main className="flex flex-1 items-start justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-10">{children}</main>
      <footer className="py-4 text-center text-xs text-slate-400">职业技能等级证书信息管理服务平台 · 按网络安全等级保护三级要求设计</footer>
    </div>
  );
}
