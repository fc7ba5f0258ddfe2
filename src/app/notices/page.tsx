import Link from "next/link";
import { getDb } from "@/server/db";
import { CATEGORY_LABELS, publishedAnnouncements } from "@/server/public/queries";
import { PageLinks, PublicShell, fmtDate, pageParam } from "@/components/public-shell";

export const dynamic = "force-dynamic";
export const metadata = { title: "通知公告" };

export default async function Notices({ searchParams }: { searchParams: Promise<{ category?: string; page?: string }> }) {
  const sp = await searchParams;
  const category = sp.category === "POLICY" || sp.category === "NOTICE" ? sp.category : undefined;
  const page = pageParam(sp.page);
  const { rows, total } = await publishedAnnouncements(getDb(), { category, page, pageSize: 20 });
  return (
    <PublicShell>
      <h1 className="mb-4 text-xl font-semibold">通知公告</h1>
      <nav className="mb-4 flex gap-2 text-sm">
        {[
          ["", "全部"],
          ["POLICY", "政策文件"],
          ["NOTICE", "通知公告"],
        ].map(([v, l]) => (
          <Link
            key={v}
            href={v ? `/notices?category=${v}` : "/notices"}
            className={`rounded px-3 py-1.5 ${(category ?? "") === v ? "bg-brand-600 text-white" : "bg-white text-slate-600 ring-1 ring-slate-200"}`}
          >
            {l}
          </Link>
        ))}
      </nav>
      <ul className="card divide-y divide-slate-100">
        {rows.map((a) => (
          <li key={a.id} className="flex items-center justify-between gap-4 px-4 py-3">
            <Link href={`/notices/${a.id}`} className="min-w-0 truncate hover:text-brand-600">
              <span className="mr-2 text-xs text-brand-600">[{CATEGORY_LABELS[a.category]}]</span>
              {a.title}
            </Link>
            <time className="shrink-0 text-sm text-slate-400">{fmtDate(a.publishedAt)}</time>
          </li>
        ))}
        {rows.length === 0 && <li className="px-4 py-8 text-center text-slate-400">暂无公告</li>}
      </ul>
      <PageLinks base="/notices" params={{ category }} page={page} pageSize={20} total={total} />
    </PublicShell>
  );
}
