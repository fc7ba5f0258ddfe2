import Link from "next/link";
import { SiteHeader } from "./site-header";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";

export function PublicShell({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader>
        <Link href="/">首页</Link>
        <Link href="/notices">通知公告</Link>
        <Link href="/certificates">证书信息</Link>
        <Link href="/lookup">成绩/证书查询</Link>
        <Link href="/login">登录</Link>
      </SiteHeader>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">{children}</main>
      <footer className="border-t border-slate-200 py-6 text-center text-xs text-slate-400">职业技能等级证书信息管理服务平台</footer>
    </div>
  );
}

/** 上一页 / 下一页 links that keep the other query parameters. */
export function PageLinks({
  base,
  params,
  page,
  pageSize,
  total,
}: {
  base: string;
  params: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) =>
    `${base}?${new URLSearchParams({ ...(Object.fromEntries(Object.entries(params).filter(([, v]) => v)) as Record<string, string>), page: String(p) })}`;
  return (
    <nav aria-label="分页" className="flex items-center justify-end gap-3 py-4 text-sm text-slate-600">
      <span>
        共 {total} 条 · 第 {page}/{pages} 页
      </span>
      {page > 1 ? (
        <Link className="btn-default" href={href(page - 1)}>
          上一页
        </Link>
      ) : (
        <span className="btn-default text-slate-400" aria-disabled="true">
          上一页
        </span>
      )}
      {page < pages ? (
        <Link className="btn-default" href={href(page + 1)}>
          下一页
        </Link>
      ) : (
        <span className="btn-default text-slate-400" aria-disabled="true">
          下一页
        </span>
      )}
    </nav>
  );
}

export const pageParam = (v: string | undefined) => Math.min(10000, Math.max(1, Number.parseInt(v ?? "1", 10) || 1));
export const fmtDate = (d: Date | null | undefined) => (d ? d.toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" }) : "");

type PublicCertificateRow = {
  id: string;
  code: string;
  name: string;
  category: string;
  org: { name: string };
  levels: { level: keyof typeof LEVEL_LABELS; code: string }[];
};

/** The public certificate table (home page and /certificates). */
export function PublicCertificateTable({ rows, empty = "暂无证书" }: { rows: PublicCertificateRow[]; empty?: string }) {
  return (
    <div className="card overflow-x-auto">
      <table className="table">
        <thead>
          <tr>
            <th>证书代码</th>
            <th>证书名称</th>
            <th>等级（证书编号）</th>
            <th>颁证机构</th>
            <th>专业大类</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td className="font-mono text-xs">{c.code}</td>
              <td>
                <Link className="hover:text-brand-600" href={`/certificates/${c.code}`}>
                  {c.name}
                </Link>
              </td>
              <td>
                {c.levels.map((l) => (
                  <span key={l.code} className="mr-2 inline-block whitespace-nowrap">
                    {LEVEL_LABELS[l.level]} <span className="font-mono text-xs">{l.code}</span>
                  </span>
                ))}
              </td>
              <td>{c.org.name}</td>
              <td>{c.category}</td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={5} className="py-8 text-center text-slate-400">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
