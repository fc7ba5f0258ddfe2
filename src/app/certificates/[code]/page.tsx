import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/server/db";
import { publicCertificate } from "@/server/public/queries";
import { PublicShell, fmtDate } from "@/components/public-shell";
import { EXAM_MODE_LABELS, LEVEL_LABELS, MAJOR_LEVEL_LABELS, examModesLabel } from "@/domain/catalogue/labels";

export const dynamic = "force-dynamic";

export default async function CertificatePage({ params }: { params: Promise<{ code: string }> }) {
  const c = await publicCertificate(getDb(), (await params).code);
  if (!c) notFound();
  const info: [string, string | null | undefined][] = [
    ["证书代码", c.code],
    ["各等级证书编号", c.levels.map((l) => `${LEVEL_LABELS[l.level]} ${l.code}`).join("、")],
    ["颁证机构", c.org.name],
    ["开设时间", fmtDate(c.openedAt)],
    ["考试方式", examModesLabel(c.examModes)],
    ["学时", c.hours ? `${c.hours} 学时` : null],
    ["建议学分", c.credits ? `${c.credits} 分` : null],
    ["专业大类", c.category],
    ["职业技能等级标准", c.skillStandard?.name],
    ["适用人群", c.targetGroups],
    ["取证要求", c.requirements],
  ];
  return (
    <PublicShell>
      <Link href="/certificates" className="btn-link">
        ← 返回证书信息
      </Link>
      <article className="card mt-3 space-y-6 p-6">
        <header>
          <h1 className="text-xl font-semibold">{c.name}</h1>
          {c.englishName && <p className="text-sm text-slate-500">{c.englishName}</p>}
        </header>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
          {info.map(([k, v]) => (
            <div key={k} className="flex gap-2">
              <dt className="w-28 shrink-0 text-slate-500">{k}</dt>
              <dd>{v || "—"}</dd>
            </div>
          ))}
        </dl>
        {c.intro && <p className="leading-7 text-slate-700">{c.intro}</p>}
        <section>
          <h2 className="mb-2 font-semibold">等级与考试科目</h2>
          <table className="table">
            <thead>
              <tr>
                <th>等级</th>
                <th>科目</th>
                <th>考试方式</th>
                <th>时长</th>
              </tr>
            </thead>
            <tbody>
              {c.levels.flatMap((l) =>
                l.subjects.map((s) => (
                  <tr key={s.id}>
                    <td>{LEVEL_LABELS[l.level]}</td>
                    <td>{s.name}</td>
                    <td>{EXAM_MODE_LABELS[s.examMode]}</td>
                    <td>{s.durationMinutes} 分钟</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </section>
        <section>
          <h2 className="mb-2 font-semibold">面向专业</h2>
          <ul className="flex flex-wrap gap-2 text-sm">
            {c.majors.map(({ major: m }) => (
              <li key={m.id} className="rounded bg-slate-100 px-2 py-1">
                {m.name}（{MAJOR_LEVEL_LABELS[m.level]} {m.code}）
              </li>
            ))}
          </ul>
        </section>
      </article>
    </PublicShell>
  );
}
