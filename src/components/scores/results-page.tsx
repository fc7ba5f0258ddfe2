"use client";
// 考证结果 (002 §5.2.10): every registration's outcome under its plan's pass rule; 查看 shows the subjects, scores, pass
// marks and corrections; 批量导出证书考核详情. Passes go on to 证书发放.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { ListPage } from "../list/list-page";
import { DetailDialog } from "../catalogue/detail";
import { studentCell } from "../registrations/registration-detail";
import { SCORE_PHASE_LABELS } from "@/domain/scores/window";
import { outcomeClass, ResultDetailView } from "./result-detail";
import { OUTCOME_LABELS } from "@/domain/scores/outcome";

export const RESULT_TABS = [
  { value: "PASSED", label: "通过" },
  { value: "FAILED", label: "未通过" },
  { value: "ABSENT", label: "缺考" },
  { value: "DISQUALIFIED", label: "违纪" },
  { value: "PENDING", label: "成绩未齐" },
];

export function ResultsPage({ portal }: { portal: "org" | "school" }) {
  const trpc = useTRPC();
  const [view, setView] = useState<string | null>(null);
  return (
    <>
      <ListPage
        title="考证结果"
        description={
          portal === "school"
            ? "本校已报考学生的考证结果。通过证书考核的学生进入证书发放环节，待培训评价组织、考核站点双方确认签发后完成发放。"
            : "按考试计划的合格规则由各科成绩计算；成绩更正后自动重新计算。"
        }
        exportList="results"
        exportLabel="批量导出证书考核详情"
        fields={[
          { key: "plan", label: "考试计划" },
          { key: "certificate", label: "考核证书" },
          { key: "name", label: "姓名" },
          { key: "idNumber", label: "证件号码" },
          ...(portal === "org" ? [{ key: "school" as const, label: "所属院校" }] : []),
        ]}
        tabs={RESULT_TABS}
        list={trpc.lists.results}
        rowData={(r) => ({ "data-result": r.name })}
        columns={[
          { header: "学生信息", cell: (r) => studentCell({ name: r.name, idNumberMasked: r.idNumberMasked }) },
          { header: "所属院校", cell: (r) => r.school, className: "min-w-32" },
          {
            header: "证书信息",
            cell: (r) => (
              <div>
                <div>{r.certificate}</div>
                <div className="text-xs text-slate-500">{r.plan.name}</div>
              </div>
            ),
            className: "min-w-48",
          },
          {
            header: "科目成绩",
            cell: (r) => (
              <ul className="text-sm">
                {r.scores.map((s) => (
                  <li key={s.code}>
                    {s.name}：{s.score ?? <span className="text-slate-500">未登记</span>}
                  </li>
                ))}
              </ul>
            ),
            className: "min-w-40",
          },
          {
            header: "考证结果",
            cell: (r) => {
              const text = r.outcome ? OUTCOME_LABELS[r.outcome] : "成绩未登记";
              return (
                <div className="whitespace-nowrap">
                  <span className={outcomeClass(text)}>{text}</span>
                  <div className="text-xs text-slate-500">{SCORE_PHASE_LABELS[r.phase]}</div>
                </div>
              );
            },
          },
        ]}
        actions={(r) => (
          <button className="btn-link" onClick={() => setView(r.id)}>
            查看
          </button>
        )}
      />
      {view && <ResultDialog id={view} onClose={() => setView(null)} />}
    </>
  );
}

function ResultDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.scores.result.queryOptions({ id }));
  return (
    <DetailDialog title="考证结果详情" onClose={onClose} query={q}>
      {(d) => <ResultDetailView d={d} />}
    </DetailDialog>
  );
}
