import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/server/db";
import { CATEGORY_LABELS, publishedAnnouncement } from "@/server/public/queries";
import { PublicShell, fmtDate } from "@/components/public-shell";

export const dynamic = "force-dynamic";

export default async function Notice({ params }: { params: Promise<{ id: string }> }) {
  const a = await publishedAnnouncement(getDb(), (await params).id);
  if (!a) notFound();
  return (
    <PublicShell>
      <Link href="/notices" className="btn-link">
        ← 返回通知公告
      </Link>
      <article className="card mt-3 p-6">
        <h1 className="text-center text-xl font-semibold">{a.title}</h1>
        <p className="mt-2 text-center text-sm text-slate-400">
          {CATEGORY_LABELS[a.category]} · 发布时间 {fmtDate(a.publishedAt)}
        </p>
        <div className="mt-6 whitespace-pre-wrap leading-7 text-slate-700">{a.body}</div>
        {a.attachments.length > 0 && (
          <section className="mt-6 border-t border-slate-100 pt-4">
            <h2 className="mb-2 font-medium">附件</h2>
            <ul className="list-inside list-disc space-y-1">
              {a.attachments.map((f) => (
                <li key={f.id}>
                  <a className="btn-link" href={`/api/files/${f.id}`}>
                    {f.filename}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </article>
    </PublicShell>
  );
}
