import Link from "next/link";
import { AuthPage } from "@/components/site-header";

export const metadata = { title: "页面不存在 · 职业技能等级证书信息管理服务平台" };

/** Every unknown address, in the site's own frame and words (Next's stock page is English and headerless). */
export default function NotFound() {
  return (
    <AuthPage>
      <div className="card w-full max-w-md p-8 text-center">
        <p className="text-4xl font-bold text-brand-700">404</p>
        <h1 className="mt-2 text-lg font-semibold text-slate-800">您访问的页面不存在</h1>
        <p className="mt-2 text-sm text-slate-600">链接可能已失效或地址有误。请从首页进入，或登录后从菜单中打开需要的功能。</p>
        <div className="mt-6 flex justify-center gap-3">
          <Link href="/" className="btn-primary">
            返回首页
          </Link>
          <Link href="/login" className="btn-default">
            登录
          </Link>
        </div>
      </div>
    </AuthPage>
  );
}
