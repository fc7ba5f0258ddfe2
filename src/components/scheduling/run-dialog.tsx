"use client";
// 自动排考 and 发布排考 (org): a plan inside its 排考 window, all or some of its subjects. The run is a job: the dialog
// follows its stage and then shows what was placed, what was not and why.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { FormDialog } from "../dialog";
import { Field } from "../field";
import { CheckList } from "../check-list";
import { beijing } from "../datetime";

type Plan = {
  id: string;
  name: string;
  code: string;
  schedulingEndsAt: Date | string;
  running: string | null;
  subjects: { id: string; code: string; name: string; time: string; state: string }[];
};

function usePlans() {
  const trpc = useTRPC();
  return useQuery(trpc.scheduling.plans.queryOptions());
}

function PlanPicker({
  plans,
  planId,
  onPlan,
  subjectIds,
  onSubjects,
}: {
  plans: Plan[];
  planId: string;
  onPlan: (id: string) => void;
  subjectIds: string[];
  onSubjects: (ids: string[]) => void;
}) {
  const plan = plans.find((p) => p.id === planId);
  return (
    <>
      <Field label="考试计划" htmlFor="sch-plan" required>
        <select id="sch-plan" className="input" value={planId} onChange={(e) => onPlan(e.target.value)}>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}（{p.code}）
            </option>
          ))}
        </select>
      </Field>
      {plan && (
        <>
          <p className="text-xs text-slate-500">排考截止 {beijing(new Date(plan.schedulingEndsAt))}</p>
          <CheckList
            legend="考试科目"
            selectAll
            items={plan.subjects.map((s) => ({ id: s.id, name: `${s.name}（${s.time}，${s.state}）` }))}
            value={subjectIds}
            onChange={onSubjects}
            empty="该考试计划没有考试科目"
          />
        </>
      )}
    </>
  );
}

function usePicker(plans: Plan[] | undefined) {
  const [planId, setPlanId] = useState("");
  const [subjectIds, setSubjectIds] = useState<string[] | null>(null);
  const plan = plans?.find((p) => p.id === planId) ?? plans?.[0];
  const ids = subjectIds ?? plan?.subjects.map((s) => s.id) ?? [];
  return {
    plan,
    ids,
    props:
      plans && plan
        ? { plans, planId: plan.id, onPlan: (id: string) => (setPlanId(id), setSubjectIds(null)), subjectIds: ids, onSubjects: setSubjectIds }
        : null,
    /** All subjects ticked: the request names none (the whole plan). */
    input: plan ? { planId: plan.id, subjectIds: ids.length === plan.subjects.length ? undefined : ids } : null,
  };
}

export function RunDialog({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const plans = usePlans();
  const picker = usePicker(plans.data);
  const run = useMutation(trpc.scheduling.run.mutationOptions());
  const [runId, setRunId] = useState<string | null>(null);
  const id = runId ?? picker.plan?.running ?? null;
  const status = useQuery({
    ...trpc.scheduling.runStatus.queryOptions({ id: id ?? "" }),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data?.status === "RUNNING" ? 1000 : false),
  });
  const st = id ? status.data : undefined;
  const [refreshed, setRefreshed] = useState<string | null>(null);
  if (st && st.status !== "RUNNING" && refreshed !== st.id) {
    setRefreshed(st.id);
    void qc.invalidateQueries({ queryKey: trpc.lists.pathKey() });
    void qc.invalidateQueries({ queryKey: trpc.scheduling.plans.queryKey() });
  }
  const running = !!id && (!st || st.status === "RUNNING");
  return (
    <FormDialog
      wide
      title="自动排考"
      onClose={onClose}
      submitLabel={st && !running ? "重新排考" : "开始排考"}
      disabled={!picker.input || picker.ids.length === 0 || running}
      onSubmit={async () => setRunId((await run.mutateAsync(picker.input!)).runId)}
    >
      {plans.isLoading && <p>加载中…</p>}
      {plans.data?.length === 0 && <p className="text-slate-500">当前没有处于排考时间内的考试计划。</p>}
      {picker.props && <PlanPicker {...picker.props} />}
      <p className="text-xs text-slate-500">
        考生排入其院校的考核站点（或分配的借考考核站点）中对应科目的考场，按院校、考生编号顺序编排座位并生成准考证号；每个考场安排 2
        名已认证的监考人员，每个考核站点安排巡考人员，同一时间不重复安排，不监考本校考场。已发布科目的准考证号和座位保持不变。
      </p>
      {st && <RunResult st={st} />}
    </FormDialog>
  );
}

function RunResult({
  st,
}: {
  st: {
    status: string;
    stage: string | null;
    total: number;
    placed: number;
    unplaced: number;
    reasons: { reason: string; count: number }[];
    problems: string[];
    problemCount: number;
    message: string | null;
  };
}) {
  if (st.status === "RUNNING")
    return (
      <p role="status" className="rounded bg-sky-50 p-3 text-sky-800">
        正在排考：{st.stage ?? "排队中"}
        {st.total > 0 && `（${st.total} 人次）`}…
      </p>
    );
  if (st.status === "FAILED")
    return (
      <p role="alert" className="rounded bg-red-50 p-3 text-red-700">
        排考失败：{st.message}
      </p>
    );
  return (
    <div role="status" className="space-y-2 rounded bg-emerald-50 p-3">
      <p className="font-medium text-emerald-800">
        排考完成：排入 {st.placed} 人次，未排入 {st.unplaced} 人次。
      </p>
      {st.reasons.length > 0 && (
        <table className="table">
          <caption className="mb-1 text-left font-medium">未排入原因</caption>
          <thead>
            <tr>
              <th>原因</th>
              <th>人次</th>
            </tr>
          </thead>
          <tbody>
            {st.reasons.map((r) => (
              <tr key={r.reason}>
                <td>{r.reason}</td>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {st.problemCount > 0 && (
        <div>
          <p className="font-medium text-amber-800">监考安排提示（{st.problemCount} 条）</p>
          <ul className="list-disc pl-5 text-amber-800">
            {st.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="text-xs text-slate-600">未排入的考生可在排考明细的「未排考」中查看原因；补充考场或监考人员后可重新排考。</p>
    </div>
  );
}

export function PublishDialog({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const plans = usePlans();
  const picker = usePicker(plans.data);
  const publish = useMutation(trpc.scheduling.publish.mutationOptions());
  const [done, setDone] = useState("");
  return (
    <FormDialog
      wide
      title="发布排考"
      onClose={onClose}
      submitLabel="发布"
      disabled={!picker.input || picker.ids.length === 0}
      onSubmit={async () => {
        setDone("");
        const r = await publish.mutateAsync(picker.input!);
        setDone(`已发布 ${r.published} 个科目的排考结果，院校和考生现在可以查看考场编排并下载准考证。`);
        await qc.invalidateQueries({ queryKey: trpc.lists.pathKey() });
        await qc.invalidateQueries({ queryKey: trpc.scheduling.plans.queryKey() });
      }}
    >
      {plans.data?.length === 0 && <p className="text-slate-500">当前没有处于排考时间内的考试计划。</p>}
      {picker.props && <PlanPicker {...picker.props} />}
      <p className="text-xs text-slate-500">只发布已排考的科目；发布后准考证号和座位不再改变，重新排考只为未排入的考生安排。</p>
      {done && (
        <p role="status" className="text-emerald-700">
          {done}
        </p>
      )}
    </FormDialog>
  );
}
