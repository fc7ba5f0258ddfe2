import Link from "next/link";
import { SiteHeader } from "@/components/site-header";
import { getDb } from "@/server/db";
import { CATEGORY_LABELS, publishedAnnouncements } from "@/server/public/queries";
import { PublicCertificateTable, fmtDate } from "@/components/public-shell";

export const dynamic = "force-dynamic";

const ENTRIES = [
  { portal: "school", title: "院校", text: "试点院校负责人及业务管理员：证书试点申报、考务组织、核准发证" },
  { portal: "org", title: "培训评价组织", text: "标准与证书发布、考试计划、排考、成绩与证书签发" },
  { portal: "edu", title: "教育行政部门", text: "申报计划发布、试点审核与指标核定、周报审核" },
  { portal: "student", title: "学生", text: "查看报考信息、下载准考证、查询成绩与电子证书" },
  { portal: "admin", title: "综合业务管理", text: "院校、专业目录、机构与账号等基础数据管理" },
] as const;

export default async function Home() {
  const db = getDb();
  const [certificates, counts, notices] = await Promise.all([
    db.certificate.findMany({
      where: { status: "ENABLED" },
      orderBy: [{ openedAt: "desc" }, { code: "asc" }],
      take: 8,
      include: { org: { select: { name: true } }, levels: { select: { level: true, code: true }, orderBy: { level: "asc" } } },
    }),
    Promise.all([db.certificate.count({ where: { status: "ENABLED" } }), db.evaluationOrg.count(), db.school.count({ where: { isPilot: true } })]),
    publishedAnnouncements(db, { page: 1, pageSize: 6 }),
  ]);
  return (
    <div className="min-h-screen">
      <SiteHeader>
        <a href="#entries">业务平台</a>
        <Link href="/notices">通知公告</Link>
        <Link href="/certificates">证书信息</Link>
        <Link href="/lookup">成绩/证书查询</Link>
        <Link href="/login">登录</Link>
      </SiteHeader>
      <section className="bg-gradient-to-r from-brand-700 to-brand-500 text-white">
        <div className="mx-auto max-w-6xl px-4 py-10 sm:py-14">
          <h1 className="text-2xl font-bold sm:text-3xl">1+X 职业技能等级证书信息管理服务平台</h1>
          <p className="mt-3 max-w-2xl text-white/85">
            服务试点院校、培训评价组织、各级教育行政部门和广大学生，覆盖试点申报、考务组织、成绩管理与证书发放的全过程。
          </p>
          <div className="mt-6 flex flex-wrap gap-3">
            <Link href="/lookup?tab=scores" className="rounded bg-white px-4 py-2 font-medium text-brand-700 shadow hover:bg-brand-50">
              成绩查询
            </Link>
            <Link href="/lookup?tab=certificates" className="rounded border border-white/70 px-4 py-2 font-medium text-white hover:bg-white/10">
              证书查询与核验
            </Link>
          </div>
          <dl className="mt-6 flex flex-wrap gap-8">
            {[
              ["在册证书", counts[0]],
              ["培训评价组织", counts[1]],
              ["试点院校", counts[2]],
            ].map(([l, v]) => (
              <div key={l as string}>
                <dt className="text-sm text-white/70">{l}</dt>
                <dd className="text-2xl font-semibold">{(v as number).toLocaleString("zh-CN")}</dd>
              </div>
            ))}
          </dl>
        </div>
      </section>
      <main className="mx-auto max-w-6xl space-y-10 px-4 py-8">
        <section id="entries">
          <h2 className="mb-4 text-lg font-semibold">业务平台入口</h2>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
            {ENTRIES.map((e) => (
              <Link key={e.portal} href={`/${e.portal}/login`} className="card block p-5 transition hover:-translate-y-0.5 hover:border-brand-500 hover:shadow">
                <div className="font-semibold text-brand-700">{e.title}</div>
                <p className="mt-2 text-sm text-slate-500">{e.text}</p>
                <span className="mt-3 inline-block text-sm text-brand-600">登录 →</span>
              </Link>
            ))}
          </div>
        </section>
        <section id="notices">
          <div className="mb-4 flex items-baseline justify-between">
            <h2 className="text-lg font-semibold">通知公告</h2>
            <Link href="/notices" className="btn-link">
              更多 →
            </Link>
          </div>
          <ul className="card divide-y divide-slate-100">
            {notices.rows.map((a) => (
              <li key={a.id} className="flex items-center justify-between gap-4 px-4 py-3">
                <Link href={`/notices/${a.id}`} className="min-w-0 truncate hover:text-brand-600">
                  <span className="mr-2 text-xs text-brand-600">[{CATEGORY_LABELS[a.category]}]</span>
                  {a.title}
                </Link>
                <time className="shrink-0 text-sm text-slate-400">{fmtDate(a.publishedAt)}</time>
              </li>
            ))}
            {notices.rows.length === 0 && <li className="px-4 py-6 text-center text-slate-400">暂无公告</li>}
          </ul>
        </section>
        <section id="certificates">
          <div className="mb-4 flex items-baseline justify-between">
            <h2 className="text-lg font-semibold">证书信息</h2>
            <Link href="/certificates" className="btn-link">
              全部证书 →
            </Link>
          </div>
          <PublicCertificateTable rows={certificates} />
        </section>
      </main>
      <footer className="border-t border-slate-200 py-6 text-center text-xs text-slate-400">职业技能等级证书信息管理服务平台</footer>
    </div>
  );
}
