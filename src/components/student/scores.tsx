"use client";
// 我的成绩 and 我的考证结果 (学生个人空间: 查询成绩): the plans whose 成绩公示 has begun, each subject's score against its
// pass mark, the outcome and its detail. Before 公示 nothing shows (the server decides).
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { beijing } from "../datetime";
import { DetailDialog } from "../catalogue/detail";
import { outcomeClass, ResultDetailView } from "../scores/result-detail";

function useResults() {
  const trpc = useTRPC();
  return useQuery(trpc.student.results.queryOptions());
}

const NOTE = "成绩在考试计划的成绩公示期开始后显示。对成绩有疑问请在公示期内联系培训评价组织查证；公示期结束后成绩永久锁定。";

export function StudentScores() {
  const q = useResults();
  if (q.isPending) return <div className="card p-6 text-slate-500">加载中…</div>;
  const list = q.data ?? [];
  return (
    <div className="card space-y-4 p-4 sm:p-6">
      <h1 className="text-lg font-semibold">我的成绩</h1>
      <p className="alert-info">{NOTE}</p>
      {list.length === 0 && <p className="text-slate-600">暂无已公示的成绩。</p>}
      {list.map((r) => (
        <section key={r.id} className="space-y-2 rounded border border-slate-200 p-4" aria-label={r.certificate}>
          <h2 className="font-semibold">{r.certificate}</h2>
          <p className="text-sm text-slate-600">
            {r.plan} · {r.phase}
            {r.phase === "成绩公示中" && `（公示至 ${beijing(r.publicityEndsAt)}）`}
          </p>
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${r.certificate}科目成绩`}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">考试科目</th>
                  <th scope="col">成绩</th>
                  <th scope="col">合格分数 / 满分</th>
                </tr>
              </thead>
              <tbody>
                {r.subjects.map((s) => (
                  <tr key={s.code}>
                    <td>{s.name}</td>
                    <td data-subject-score={s.name}>{s.score ?? <span className="text-slate-500">未登记</span>}</td>
                    <td>
                      {s.passScore} / {s.fullScore}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}

export function StudentResults() {
  const trpc = useTRPC();
  const q = useResults();
  const [view, setView] = useState<string | null>(null);
  const detail = useQuery({ ...trpc.student.result.queryOptions({ id: view ?? "" }), enabled: !!view });
  if (q.isPending) return <div className="card p-6 text-slate-500">加载中…</div>;
  const list = q.data ?? [];
  return (
    <div className="card space-y-4 p-4 sm:p-6">
      <h1 className="text-lg font-semibold">我的考证结果</h1>
      <p className="alert-info">考证结果按考试计划的合格规则由各科成绩计算。通过的证书经培训评价组织和考核站点双方签发后发放电子证书。</p>
      {list.length === 0 && <p className="text-slate-600">暂无已公示的考证结果。</p>}
      {list.map((r) => (
        <section key={r.id} className="flex flex-wrap items-center justify-between gap-3 rounded border border-slate-200 p-4" aria-label={r.certificate}>
          <div>
            <h2 className="font-semibold">{r.certificate}</h2>
            <p className="text-sm text-slate-600">
              {r.plan} · {r.phase}
            </p>
          </div>
          <div className="flex items-center gap-4">
            <strong className={outcomeClass(r.outcome)} data-outcome={r.certificate}>
              {r.outcome}
            </strong>
            <button type="button" className="btn-link" onClick={() => setView(r.id)}>
              查看详情
            </button>
          </div>
        </section>
      ))}
      {view && (
        <DetailDialog title="考证结果详情" onClose={() => setView(null)} query={detail}>
          {(d) => <ResultDetailView d={d} />}
        </DetailDialog>
      )}
    </div>
  );
}
