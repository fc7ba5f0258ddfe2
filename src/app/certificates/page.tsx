import { getDb } from "@/server/db";
import { publicCertificates } from "@/server/public/queries";
import { PageLinks, PublicCertificateTable, PublicShell, pageParam } from "@/components/public-shell";

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
      <PublicCertificateTable rows={rows} empty="未找到相关证书" />
      <PageLinks base="/certificates" params={{ q }} page={page} pageSize={20} total={total} />
    </PublicShell>
  );
}
