"use client";
// 证书通过率统计 (002 §7.1): by certificate or by certificate level within the caller's scope, filtered by year and
// plan: totals, a chart of the first rows and the table (export 导出统计数据). Counted in SQL on the server.
import dynamic from "next/dynamic";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { ListPage } from "../list/list-page";
import { passRateText, STATISTICS_DIMENSIONS, type StatisticsDimension } from "@/domain/statistics/pass-rate";

// The chart draws on a canvas in the browser only.
const PassRateChart = dynamic(() => import("./pass-rate-chart").then((m) => m.PassRateChart), {
  ssr: false,
  loading: () => <div className="h-[340px] text-slate-400">图表加载中…</div>,
});

export function StatisticsPage({ by }: { by: StatisticsDimension }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.statistics.options.queryOptions());
  // The chart and the totals follow the list's applied filter (查询), over its first 20 groups.
  const [applied, setApplied] = useState<{ year?: string; planId?: string; certificate?: string; city?: string }>({});
  const filter = { ...applied, by };
  const chart = useQuery(trpc.lists.passRates.queryOptions({ filter, page: 1, pageSize: 20 }));
  const totals = useQuery(trpc.statistics.totals.queryOptions(filter));
  const cities = options.data?.cities ?? [];
  const all = { value: "", label: "全部" };
  // The axis has little room: the certificate's short name (without 职业技能等级证书) and the level.
  const rows = (chart.data?.rows ?? []).map((r) => ({
    label: `${r.certificateName.replace(/职业技能等级证书$/, "")}${r.level ? `（${r.level}）` : ""}`,
    sat: r.sat,
    passed: r.passed,
    rate: r.rate,
  }));
  const t = totals.data;
  return (
    <div className="space-y-4">
      <section className="card space-y-3 p-4 sm:p-6" aria-label="通过率概览">
        <h2 className="font-semibold">通过率概览（{applied.year ? `${applied.year} 年` : "全部年度"}）</h2>
        {t && (
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
            {[
              ["报考人数", t.registered],
              ["实考人数", t.sat],
              ["缺考人数", t.absent],
              ["通过人数", t.passed],
              ["通过率", passRateText(t)],
            ].map(([k, v]) => (
              <div key={k} className="rounded border border-slate-200 p-3">
                <dt className="text-xs text-slate-500">{k}</dt>
                <dd className="text-lg font-semibold">{v}</dd>
              </div>
            ))}
          </dl>
        )}
        {rows.length > 0 ? <PassRateChart rows={rows} /> : chart.data && <p className="text-slate-500">暂无考证结果数据。</p>}
      </section>
      <ListPage
        title={`证书通过率统计 · ${STATISTICS_DIMENSIONS[by]}`}
        description="报考人数为报考记录数；实考人数不含缺考和成绩未齐；通过率 = 通过人数 ÷ 实考人数。成绩公示开始后学生可查询本人成绩，公示期结束后数据不再变动。"
        exportList="passRates"
        exportLabel="导出统计数据"
        fixed={{ by }}
        onFilter={(f) => setApplied({ year: f.year, planId: f.planId, certificate: f.certificate, city: f.city })}
        visibleFields={4}
        fields={[
          { key: "year", label: "统计年度", options: [all, ...(options.data?.years ?? []).map((y) => ({ value: String(y), label: `${y} 年` }))] },
          { key: "planId", label: "考试计划", options: [all, ...(options.data?.plans ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))] },
          { key: "certificate", label: "证书" },
          ...(cities.length > 0 ? [{ key: "city" as const, label: "地市", options: [all, ...cities] }] : []),
        ]}
        list={trpc.lists.passRates}
        rowData={(r) => ({ "data-pass-rate": r.level ? `${r.certificateName}（${r.level}）` : r.certificateName })}
        columns={[
          { header: "证书编号", cell: (r) => r.levelCode ?? r.certificateCode, className: "whitespace-nowrap" },
          { header: "证书名称", cell: (r) => (r.level ? `${r.certificateName}（${r.level}）` : r.certificateName), className: "min-w-48" },
          { header: "报考人数", cell: (r) => r.registered },
          { header: "实考人数", cell: (r) => r.sat },
          { header: "缺考人数", cell: (r) => r.absent },
          { header: "通过人数", cell: (r) => r.passed },
          { header: "通过率", cell: (r) => passRateText(r), className: "whitespace-nowrap" },
        ]}
      />
    </div>
  );
}
