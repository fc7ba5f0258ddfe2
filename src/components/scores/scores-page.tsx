"use client";
// 科目成绩 (002 §5.2.9): every scheduled sitting with its score. The org imports (导入科目成绩, a job) and enters scores
// inside 成绩登记 and corrects one, with a reason, during 成绩公示; the school sees its own candidates' scores.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { FormDialog } from "../dialog";
import { Field } from "../field";
import { ListPage } from "../list/list-page";
import { ImportDialog, ImportRecordsDialog } from "../imports/import-dialog";
import { studentCell } from "../registrations/registration-detail";
import { sittingFields } from "../scheduling/sittings";
import { beijing } from "../datetime";
import { SCORE_PHASE_LABELS } from "@/domain/scores/window";
import { MARK_LABELS, type ScoreMarkName } from "@/domain/scores/outcome";

type Row = { id: string; name: string; subject: { name: string; fullScore: number }; mark: ScoreMarkName | null; score: string | null };
type Dialog = null | "import" | "records" | { row: Row; correct: boolean };

export const SCORE_TABS = [
  { value: "NONE", label: "未登记" },
  { value: "SCORED", label: "正常" },
  { value: "ABSENT", label: "缺考" },
  { value: "DISQUALIFIED", label: "违纪" },
];

export function ScoresPage({ portal }: { portal: "org" | "school" }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.pathKey() });
  return (
    <>
      <ListPage
        title="科目成绩"
        description={
          portal === "org"
            ? "在考试计划的成绩登记时间内导入或录入成绩；成绩公示期间如有错误可「更正成绩」（须填写原因，原成绩留档）；公示期结束后成绩永久锁定。"
            : "本校考生各科目的考试成绩。公示期开始后学生可在个人空间查询自己的成绩；对成绩有疑问请联系培训评价组织查证。"
        }
        exportList="scores"
        exportLabel="批量导出科目成绩"
        fields={sittingFields(portal)}
        tabs={SCORE_TABS}
        list={trpc.lists.scores}
        rowData={(r) => ({ "data-score": `${r.name} ${r.subject.name}` })}
        toolbar={
          portal === "org" ? (
            <>
              <button className="btn-default" onClick={() => setDialog("records")}>
                导入记录
              </button>
              <button className="btn-primary" onClick={() => setDialog("import")}>
                导入科目成绩
              </button>
            </>
          ) : undefined
        }
        columns={[
          { header: "学生信息", cell: (r) => studentCell({ name: r.name, idNumberMasked: r.idNumberMasked }) },
          { header: "所属院校", cell: (r) => r.school, className: "min-w-32" },
          {
            header: "考试科目",
            cell: (r) => (
              <div>
                <div>{r.subject.name}</div>
                <div className="text-xs text-slate-500">{r.certificate}</div>
              </div>
            ),
            className: "min-w-40",
          },
          { header: "准考证号", cell: (r) => r.ticketNumber ?? "—", className: "whitespace-nowrap" },
          {
            header: "成绩",
            cell: (r) => (
              <div className="whitespace-nowrap">
                {r.score === null ? (
                  <span className="text-slate-500">未登记</span>
                ) : (
                  <span className={r.mark === "SCORED" ? "" : "text-red-700"}>{r.score}</span>
                )}
                <span className="text-xs text-slate-500"> / {r.subject.fullScore}</span>
                {r.corrections > 0 && <div className="text-xs text-amber-800">已更正 {r.corrections} 次</div>}
              </div>
            ),
          },
          { header: "成绩状态", cell: (r) => SCORE_PHASE_LABELS[r.phase], className: "whitespace-nowrap" },
        ]}
        actions={
          portal === "org"
            ? (r) =>
                r.phase === "ENTRY" ? (
                  <button className="btn-link" onClick={() => setDialog({ row: r, correct: false })}>
                    {r.score === null ? "录入成绩" : "修改成绩"}
                  </button>
                ) : r.phase === "PUBLICITY" && r.score !== null ? (
                  <button className="btn-link" onClick={() => setDialog({ row: r, correct: true })}>
                    更正成绩
                  </button>
                ) : null
            : undefined
        }
      />
      {dialog === "records" && <ImportRecordsDialog kinds={["SUBJECT_SCORES"]} onClose={close} />}
      {dialog === "import" && <ScoreImportDialog onClose={close} onFinished={refresh} />}
      {dialog && typeof dialog === "object" && (
        <ScoreDialog
          row={dialog.row}
          correct={dialog.correct}
          onClose={close}
          onDone={async () => {
            await refresh();
            close();
          }}
        />
      )}
    </>
  );
}

function ScoreImportDialog({ onClose, onFinished }: { onClose: () => void; onFinished: () => void }) {
  const trpc = useTRPC();
  const plans = useQuery(trpc.scores.plans.queryOptions());
  const open = (plans.data ?? []).filter((p) => p.phase === "ENTRY");
  const [planId, setPlanId] = useState("");
  return (
    <ImportDialog
      kind="subject-scores"
      recordKind="SUBJECT_SCORES"
      title="导入科目成绩"
      onClose={onClose}
      onFinished={onFinished}
      params={planId ? { planId } : null}
      instructions={(template) => (
        <li>
          {template}
          ，每行一名考生的一个科目：填写准考证号（或证件号码和科目编号）、成绩；缺考、违纪的在「考试状态」中选择，不填成绩。
        </li>
      )}
    >
      <div className="mb-3">
        <Field label="考试计划" htmlFor="score-import-plan" required hint="处于成绩登记时间内的考试计划">
          <select id="score-import-plan" className="input" value={planId} onChange={(e) => setPlanId(e.target.value)}>
            <option value="">请选择</option>
            {open.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}（{p.code}，登记截止 {beijing(p.scoringEndsAt)}）
              </option>
            ))}
          </select>
        </Field>
        {plans.data && open.length === 0 && <p className="text-sm text-amber-700">当前没有处于成绩登记时间内的考试计划。</p>}
      </div>
    </ImportDialog>
  );
}

function ScoreDialog({ row, correct, onClose, onDone }: { row: Row; correct: boolean; onClose: () => void; onDone: () => Promise<void> }) {
  const trpc = useTRPC();
  const enter = useMutation(trpc.scores.enter.mutationOptions());
  const fix = useMutation(trpc.scores.correct.mutationOptions());
  const [mark, setMark] = useState<ScoreMarkName>(row.mark ?? "SCORED");
  const [score, setScore] = useState(row.mark === "SCORED" ? (row.score ?? "") : "");
  const [reason, setReason] = useState("");
  const title = `${correct ? "更正成绩" : "录入成绩"}：${row.name}「${row.subject.name}」`;
  return (
    <FormDialog
      title={title}
      submitLabel={correct ? "确定更正" : "保存"}
      onClose={onClose}
      onSubmit={async () => {
        const input = { sittingId: row.id, mark, score: mark === "SCORED" ? score : "" };
        if (correct) await fix.mutateAsync({ ...input, reason });
        else await enter.mutateAsync(input);
        await onDone();
      }}
    >
      {row.score !== null && <p className="text-sm text-slate-600">原成绩：{row.score}</p>}
      <Field label="考试状态" htmlFor="score-mark" required>
        <select id="score-mark" className="input" value={mark} onChange={(e) => setMark(e.target.value as ScoreMarkName)}>
          {(Object.keys(MARK_LABELS) as ScoreMarkName[]).map((m) => (
            <option key={m} value={m}>
              {MARK_LABELS[m]}
            </option>
          ))}
        </select>
      </Field>
      {mark === "SCORED" && (
        <Field label="成绩" htmlFor="score-value" required hint={`0 至 ${row.subject.fullScore}（满分），最多一位小数`}>
          <input id="score-value" className="input" inputMode="decimal" value={score} onChange={(e) => setScore(e.target.value)} />
        </Field>
      )}
      {correct && (
        <Field label="更正原因" htmlFor="score-reason" required hint="将记入成绩更正记录，原成绩留档">
          <textarea id="score-reason" className="input" rows={3} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      )}
    </FormDialog>
  );
}
