"use client";
// 我的报考 (学生个人空间: 查看报考信息): every registration with its plan, certificate, subjects and times, status and 已缴费.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/trpc/react";
import { InfoGrid } from "../catalogue/detail";

export function StudentRegistrations() {
  const trpc = useTRPC();
  const q = useQuery(trpc.student.registrations.queryOptions());
  if (q.isPending) return <div className="card p-6 text-slate-500">加载中…</div>;
  const list = q.data ?? [];
  return (
    <div className="card space-y-4 p-4 sm:p-6">
      <h1 className="text-lg font-semibold">我的报考</h1>
      <p className="alert-info">报考由所在院校办理；如需报考、修改或取消，请联系学校的证书负责老师。</p>
      {list.length === 0 && <p className="text-slate-600">暂无报考信息。</p>}
      {list.map((r) => (
        <section key={r.id} className="space-y-3 rounded border border-slate-200 p-4" aria-label={r.certificate}>
          <h2 className="font-semibold">{r.certificate}</h2>
          <InfoGrid
            items={[
              ["考试计划", r.plan],
              ["培训评价组织", r.org],
              ["报考院校", r.school],
              ["状态", r.status],
              ["缴费", r.paid ? <span className="text-emerald-700">已缴费</span> : <span className="text-slate-500">未缴费</span>],
              [
                "考试科目",
                <ul key="s">
                  {r.subjects.map((s) => (
                    <li key={s.code}>
                      {s.name}
                      <span className="ml-1 text-xs text-slate-500">{s.time}</span>
                    </li>
                  ))}
                </ul>,
              ],
            ]}
          />
          {r.scoresOpen && (
            <Link className="btn-link" href="/student/scores">
              查看成绩
            </Link>
          )}
        </section>
      ))}
    </div>
  );
}
