import Link from "next/link";
import { getDb } from "@/server/db";
import { publicCertificates } from "@/server/public/queries";
import { PageLinks, PublicShell, pageParam } from "@/components/public-shell";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";

export const dynamic = "force-dynamic";
export const metadata = { title: "证书信息" };

export default async function Certificates({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const sp = await searchParams;
  const page = pageParam(sp.page);
  const q = sp.q?.slice(0, 50);
  const { rows, total } = await publicCertificates(getDb(), { q, page, pageSize: 20 });
  return (
    <PublicShell>
      <h1 className="mb-4 text-xl font-semibold">证书信息</h1>
      <form className="mb-4 flex max-w-xl gap-2" action="/certificates">
        <input name="q" defaultValue={q} className="input" placeholder="证书名称、证书编号或颁证机构" aria-label="搜索证书" />
        <button className="btn-primary shrink-0">查询</button>
      </form>
      <div className="card overflow-x-auto">
        <table className="table">
          <thead><tr><th>证书编号</th><th>证书名称</th><th>等级</th><th>颁证机构</th><th>专业大类</th></tr></thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td className="font-mono text-xs">{c.code}</td>
                <td><Link className="hover:text-brand-600" href={`/certificates/${c.code}`}>{c.name}</Link></td>
                <td className="whitespace-nowrap">{c.levels.map((l) => LEVEL_LABELS[l.level]).join("、")}</td>
                <td>{c.org.name}</td>
                <td>{c.category}</td>
              </tr>
            ))}
            {rows.length === 0 && <tr><td colSpan={5} className="py-8 text-center text-slate-400">未找到相关证书</td></tr>}
          </tbody>
        </table>
      </div>
      <PageLinks base="/certificates" params={{ q }} page={page} pageSize={20} total={total} />
    </PublicShell>
  );
}
