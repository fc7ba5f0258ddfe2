"use client";
// 查看考证详情: the candidate, the plan's pass rule, every subject with its score and pass mark, the outcome; for the
// org and the school also each correction (old → new, why, when).
import { InfoGrid, Section } from "../catalogue/detail";
import { beijing } from "../datetime";
import type { RouterOutputs } from "@/trpc/react";

export type ResultDetailData = RouterOutputs["scores"]["result"];

export function outcomeClass(outcome: string) {
  return outcome === "通过" ? "text-emerald-700" : outcome === "成绩未登记" || outcome === "成绩未齐" ? "text-slate-500" : "text-red-700";
}

export function ResultDetailView({ d }: { d: ResultDetailData }) {
  return (
    <div className="space-y-5">
      <Section title="考生信息">
        <InfoGrid
          items={[
            ["姓名", d.name],
            ["证件号码", d.idNumberMasked],
            ["考生编号", d.candidateNumber],
            ["所属院校", d.school],
          ]}
        />
      </Section>
      <Section title="考核信息">
        <InfoGrid
          items={[
            ["考试计划", `${d.plan.name}（${d.plan.code}）`],
            ["考核证书", d.certificate],
            ["培训评价组织", d.org],
            ["成绩状态", d.phaseLabel],
            ["合格规则", d.rule],
            [
              "考证结果",
              <strong key="o" className={outcomeClass(d.outcome)}>
                {d.outcome}
              </strong>,
            ],
            ...(d.total ? ([["加权总分", d.total]] as [string, string][]) : []),
          ]}
        />
      </Section>
      <Section title="科目成绩">
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="科目成绩">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">考试科目</th>
                <th scope="col">准考证号</th>
                <th scope="col">满分</th>
                <th scope="col">合格分数</th>
                <th scope="col">成绩</th>
              </tr>
            </thead>
            <tbody>
              {d.subjects.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.name}
                    <div className="text-xs text-slate-500">{s.code}</div>
                  </td>
                  <td>{s.ticketNumber ?? "—"}</td>
                  <td>{s.fullScore}</td>
                  <td>{s.passScore}</td>
                  <td>
                    {s.registered ? (s.score ?? <span className="text-slate-500">未登记</span>) : <span className="text-slate-500">本次未报考</span>}
                    {s.corrections.map((c, i) => (
                      <div key={i} className="mt-1 text-xs text-amber-800">
                        {beijing(c.at)} 更正：{c.from} → {c.to}（{c.reason}）
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </div>
  );
}
