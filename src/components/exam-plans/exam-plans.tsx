"use client";
// 考试计划 (002 §5.2.2): the org publishes plans (five windows, subjects with their times, registration mode, the
// pass rule, participating schools) and edits them until 报考 opens; a school reads the plans it takes part in with
// their 考试规则.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FormError, useTRPC } from "@/trpc/react";
import { FormDialog, LoadingDialog } from "../dialog";
import { Field } from "../field";
import { CheckList } from "../check-list";
import { ListPage } from "../list/list-page";
import { StatusTabs } from "../list/status-tabs";
import { DetailDialog, InfoGrid } from "../catalogue/detail";
import { usePatchState } from "../use-patch";
import { useActionMessage } from "../use-action-message";
import { beijing, fromLocal, toLocal } from "../datetime";
import { EXAM_MODE_LABELS, LEVEL_LABELS } from "@/domain/catalogue/labels";
import { EXAM_PLAN_STATUS_LABELS, REGISTRATION_MODE_LABELS, WINDOW_LABELS, canEditExamPlan, type ExamPlanStatus, type WindowName } from "@/domain/exams/plan";
import type { PassRule } from "@/domain/exams/pass-rule";

const WINDOWS = Object.keys(WINDOW_LABELS) as WindowName[];
const TONE: Record<ExamPlanStatus, string> = { NOT_STARTED: "text-slate-500", IN_PROGRESS: "text-green-700", ENDED: "text-slate-400" };

type Windows = Record<`${WindowName}StartsAt` | `${WindowName}EndsAt`, Date>;

function WindowsCell({ r }: { r: Windows }) {
  return (
    <ul className="whitespace-nowrap text-xs">
      {WINDOWS.map((w) => (
        <li key={w}>
          {WINDOW_LABELS[w]}：{beijing(r[`${w}StartsAt`])} ~ {beijing(r[`${w}EndsAt`])}
        </li>
      ))}
    </ul>
  );
}

export function ExamPlansPage({ manage }: { manage: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<null | { edit?: string } | { view: string }>(null);
  const remove = useMutation(trpc.examPlans.delete.mutationOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.examPlans.pathKey() });
  const { act, say, banner } = useActionMessage(refresh);
  const close = () => setDialog(null);
  return (
    <>
      {banner}
      <ListPage
        title="考试计划"
        description={
          manage
            ? "报考开始前可修改或删除考试计划；报考开始后，院校按计划报考、设置考场，本机构排考、登记成绩。"
            : "各培训评价组织发布的、本校参加的考试计划：请在报考时间内完成报考，在排考开始前完成考场设置。"
        }
        exportList="examPlans"
        exportLabel="批量导出考试计划"
        fields={[
          { key: "name", label: "计划名称" },
          { key: "code", label: "计划编号" },
          { key: "year", label: "考试年度" },
        ]}
        tabs={(Object.keys(EXAM_PLAN_STATUS_LABELS) as ExamPlanStatus[]).map((s) => ({ value: s, label: EXAM_PLAN_STATUS_LABELS[s] }))}
        list={trpc.lists.examPlans}
        rowData={(r) => ({ "data-plan": r.name })}
        toolbar={
          manage ? (
            <button className="btn-primary" onClick={() => setDialog({})}>
              发布考试计划
            </button>
          ) : null
        }
        columns={[
          { header: "计划编号", cell: (r) => <span className="font-mono text-xs">{r.code}</span> },
          { header: "计划名称", cell: (r) => r.name, className: "min-w-40" },
          { header: "考试时间安排", cell: (r) => <WindowsCell r={r} /> },
          { header: "考核单位", cell: (r) => r.org.name },
          { header: "报考方式", cell: (r) => REGISTRATION_MODE_LABELS[r.registrationMode], className: "whitespace-nowrap" },
          { header: "计划状态", cell: (r) => <span className={TONE[r.status]}>{EXAM_PLAN_STATUS_LABELS[r.status]}</span>, className: "whitespace-nowrap" },
        ]}
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setDialog({ view: r.id })}>
              查看
            </button>
            {manage && canEditExamPlan(r, new Date()) && (
              <>
                <button className="btn-link text-amber-600" onClick={() => setDialog({ edit: r.id })}>
                  编辑
                </button>
                <button
                  className="btn-link text-red-600"
                  onClick={() =>
                    window.confirm(`确定删除考试计划「${r.name}」吗？`) && act(() => remove.mutateAsync({ id: r.id }), `已删除考试计划「${r.name}」`)
                  }
                >
                  删除
                </button>
              </>
            )}
          </span>
        )}
      />
      {dialog && "view" in dialog && <ExamPlanDetail id={dialog.view} onClose={close} />}
      {dialog && !("view" in dialog) && (
        <PlanDialog
          id={dialog.edit}
          onClose={close}
          onSaved={async () => {
            close();
            say({ ok: true, text: dialog.edit ? "考试计划已保存" : "考试计划已发布" });
            await refresh();
          }}
        />
      )}
    </>
  );
}

function ExamPlanDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.examPlans.detail.queryOptions({ id }));
  const [tab, setTab] = useState<"info" | "rules">("info");
  return (
    <DetailDialog title="考试计划详情" onClose={onClose} query={q}>
      {(p) => (
        <div className="space-y-4">
          <StatusTabs
            value={tab}
            onChange={(v) => setTab(v || "info")}
            tabs={[
              { value: "info", label: "计划信息" },
              { value: "rules", label: "考试规则" },
            ]}
          />
          {tab === "info" ? (
            <>
              <InfoGrid
                items={[
                  ["计划编号", p.code],
                  ["计划名称", p.name],
                  ["考试年度", p.year],
                  ["考核单位", p.org.name],
                  ["报考方式", REGISTRATION_MODE_LABELS[p.registrationMode]],
                  ["计划状态", `${EXAM_PLAN_STATUS_LABELS[p.status]}${p.window ? `（${WINDOW_LABELS[p.window]}）` : ""}`],
                  ["参考院校", `${p.schoolCount} 所`],
                ]}
              />
              <WindowsCell r={p} />
              {p.schools.length > 0 && <p className="text-xs text-slate-500">参考院校：{p.schools.map((s) => s.name).join("、")}</p>}
            </>
          ) : (
            p.levels.map((l) => (
              <section key={l.id} className="space-y-2">
                <h3 className="font-medium">
                  {l.certificate.name}（{LEVEL_LABELS[l.level]}）<span className="ml-1 font-mono text-xs text-slate-500">{l.code}</span>
                </h3>
                <p className="text-xs">合格规则：{l.rule}</p>
                <div className="overflow-x-auto">
                  <table className="table">
                    <thead>
                      <tr>
                        <th>科目编号</th>
                        <th>科目名称</th>
                        <th>考试方式</th>
                        <th>参考对象</th>
                        <th>考试时间</th>
                        <th>合格分数</th>
                      </tr>
                    </thead>
                    <tbody>
                      {l.subjects.map((s) => (
                        <tr key={s.id}>
                          <td className="font-mono text-xs">{s.code}</td>
                          <td>{s.name}</td>
                          <td>{EXAM_MODE_LABELS[s.examMode]}</td>
                          <td>{s.targetGroup}</td>
                          <td className="whitespace-nowrap text-xs">
                            {beijing(s.startsAt)} ~ {beijing(s.endsAt)}
                          </td>
                          <td>
                            {s.passScore}/{s.fullScore}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            ))
          )}
        </div>
      )}
    </DetailDialog>
  );
}

function PlanDialog({ id, onClose, onSaved }: { id?: string; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const existing = useQuery({ ...trpc.examPlans.detail.queryOptions({ id: id ?? "" }), enabled: !!id });
  const options = useQuery(trpc.examPlans.options.queryOptions());
  if ((id && !existing.data) || !options.data)
    return <LoadingDialog title={id ? "编辑考试计划" : "发布考试计划"} error={existing.error ?? options.error} onClose={onClose} />;
  return <PlanForm plan={id ? existing.data : undefined} options={options.data} onClose={onClose} onSaved={onSaved} />;
}

type Options = {
  levels: {
    id: string;
    code: string;
    level: keyof typeof LEVEL_LABELS;
    certificate: { name: string };
    subjects: { id: string; code: string; name: string; examMode: keyof typeof EXAM_MODE_LABELS; durationMinutes: number }[];
  }[];
  schools: { id: string; name: string; levelIds: string[] }[];
};
type Existing = Windows & {
  id: string;
  name: string;
  year: number;
  registrationMode: "BY_CERTIFICATE" | "BY_SUBJECT";
  passRule: PassRule;
  schools: { id: string }[];
  levels: { subjects: { id: string; startsAt: Date; endsAt: Date }[] }[];
};

function PlanForm({ plan, options, onClose, onSaved }: { plan?: Existing; options: Options; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const save = useMutation(trpc.examPlans.save.mutationOptions());
  const initialTimes = Object.fromEntries(
    (plan?.levels.flatMap((l) => l.subjects) ?? []).map((s) => [s.id, { start: toLocal(s.startsAt), end: toLocal(s.endsAt) }]),
  );
  const [f, patch] = usePatchState({
    name: plan?.name ?? "",
    year: String(plan?.year ?? new Date().getFullYear()),
    windows: Object.fromEntries(
      WINDOWS.flatMap((w) => [`${w}StartsAt`, `${w}EndsAt`]).map((k) => [k, plan ? toLocal(plan[k as keyof Windows]) : ""]),
    ) as Record<string, string>,
    mode: plan?.registrationMode ?? ("BY_CERTIFICATE" as "BY_CERTIFICATE" | "BY_SUBJECT"),
    times: initialTimes as Record<string, { start: string; end: string }>,
    weighted: plan?.passRule.kind === "WEIGHTED_TOTAL",
    weights: (plan?.passRule.kind === "WEIGHTED_TOTAL"
      ? Object.fromEntries(Object.entries(plan.passRule.weights).map(([k, v]) => [k, String(v)]))
      : {}) as Record<string, string>,
    passTotal: plan?.passRule.kind === "WEIGHTED_TOTAL" ? String(plan.passRule.passTotal) : "60",
    schoolIds: plan?.schools.map((s) => s.id) ?? ([] as string[]),
  });
  const chosenLevels = options.levels.filter((l) => l.subjects.some((s) => s.id in f.times));
  const schools = options.schools.filter((s) => s.levelIds.some((id) => chosenLevels.some((l) => l.id === id)));
  const toggleSubject = (id: string, on: boolean) => {
    const times = { ...f.times };
    if (on) times[id] = { start: f.windows.examStartsAt, end: "" };
    else delete times[id];
    patch({ times });
  };
  const dateField = (key: string, label: string) => (
    <Field label={label} htmlFor={`ep-${key}`} required>
      <input
        id={`ep-${key}`}
        type="datetime-local"
        className="input"
        value={f.windows[key]}
        onChange={(e) => patch({ windows: { ...f.windows, [key]: e.target.value } })}
      />
    </Field>
  );
  return (
    <FormDialog
      wide
      title={plan ? "编辑考试计划" : "发布考试计划"}
      submitLabel={plan ? "保存" : "发布"}
      onClose={onClose}
      onSubmit={async () => {
        // An empty date cannot travel (and means nothing): say which before sending.
        const when = (s: string, label: string) => {
          const d = s ? fromLocal(s) : null;
          if (!d || Number.isNaN(d.getTime())) throw new FormError(`请填写${label}`);
          return d;
        };
        const passRule: PassRule = f.weighted
          ? {
              kind: "WEIGHTED_TOTAL",
              weights: Object.fromEntries(Object.keys(f.times).map((id) => [id, Number(f.weights[id] || 0)])),
              passTotal: Number(f.passTotal || 0),
            }
          : { kind: "ALL_SUBJECTS" };
        const w = Object.fromEntries(
          WINDOWS.flatMap((x) => [
            [`${x}StartsAt`, when(f.windows[`${x}StartsAt`], `${WINDOW_LABELS[x].replace("时间", "")}开始时间`)],
            [`${x}EndsAt`, when(f.windows[`${x}EndsAt`], `${WINDOW_LABELS[x].replace("时间", "")}结束时间`)],
          ]),
        ) as Windows;
        const names = Object.fromEntries(options.levels.flatMap((l) => l.subjects.map((s) => [s.id, s.name])));
        await save.mutateAsync({
          id: plan?.id,
          name: f.name,
          year: Number(f.year),
          ...w,
          registrationMode: f.mode,
          passRule,
          schoolIds: f.schoolIds.filter((id) => schools.some((s) => s.id === id)),
          subjects: Object.entries(f.times).map(([subjectId, t]) => ({
            subjectId,
            startsAt: when(t.start, `「${names[subjectId]}」的考试开始时间`),
            endsAt: when(t.end, `「${names[subjectId]}」的考试结束时间`),
          })),
        });
        onSaved();
      }}
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <Field label="计划名称" htmlFor="ep-name" required>
            <input
              id="ep-name"
              className="input"
              placeholder={`如：${f.year}年12月第一批考试计划`}
              value={f.name}
              onChange={(e) => patch({ name: e.target.value })}
            />
          </Field>
        </div>
        <Field label="考试年度" htmlFor="ep-year" required>
          <input
            id="ep-year"
            className="input"
            inputMode="numeric"
            value={f.year}
            onChange={(e) => patch({ year: e.target.value.replace(/\D/g, "").slice(0, 4) })}
          />
        </Field>
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="label">时间安排（北京时间；报考与排考可同时进行，考试前均须结束）</legend>
        {WINDOWS.map((w) => (
          <div key={w} className="grid grid-cols-2 gap-2">
            {dateField(`${w}StartsAt`, `${WINDOW_LABELS[w].replace("时间", "")}开始`)}
            {dateField(`${w}EndsAt`, `${WINDOW_LABELS[w].replace("时间", "")}结束`)}
          </div>
        ))}
      </fieldset>
      <Field label="报考方式" htmlFor="ep-mode" required>
        <select id="ep-mode" className="input" value={f.mode} onChange={(e) => patch({ mode: e.target.value as "BY_CERTIFICATE" | "BY_SUBJECT" })}>
          <option value="BY_CERTIFICATE">按证书报考（报考该等级的全部科目）</option>
          <option value="BY_SUBJECT">按科目报考（按参考对象选择科目）</option>
        </select>
      </Field>
      <fieldset className="space-y-2">
        <legend className="label">考试证书与科目（勾选科目并设置考试时间，须在考试时间内、不短于考试时长，同一等级的科目不能重叠）</legend>
        {options.levels.map((l) => (
          <div key={l.id} className="rounded border border-slate-200 p-2">
            <p className="font-medium">
              {l.certificate.name}（{LEVEL_LABELS[l.level]}）<span className="ml-1 font-mono text-xs text-slate-500">{l.code}</span>
            </p>
            {l.subjects.map((s) => {
              const t = f.times[s.id];
              return (
                <div key={s.id} className="mt-1 grid items-center gap-2 sm:grid-cols-[minmax(0,1fr)_12rem_12rem_5rem]">
                  <label className="flex items-center gap-2">
                    <input type="checkbox" checked={!!t} onChange={(e) => toggleSubject(s.id, e.target.checked)} />
                    {s.name}（{EXAM_MODE_LABELS[s.examMode]}，{s.durationMinutes} 分钟）
                  </label>
                  {t && (
                    <>
                      <input
                        aria-label={`${s.name}开始时间`}
                        type="datetime-local"
                        className="input"
                        value={t.start}
                        onChange={(e) => patch({ times: { ...f.times, [s.id]: { ...t, start: e.target.value } } })}
                      />
                      <input
                        aria-label={`${s.name}结束时间`}
                        type="datetime-local"
                        className="input"
                        value={t.end}
                        onChange={(e) => patch({ times: { ...f.times, [s.id]: { ...t, end: e.target.value } } })}
                      />
                      {f.weighted ? (
                        <input
                          aria-label={`${s.name}权重（%）`}
                          className="input"
                          inputMode="numeric"
                          placeholder="权重%"
                          value={f.weights[s.id] ?? ""}
                          onChange={(e) => patch({ weights: { ...f.weights, [s.id]: e.target.value.replace(/[^\d.]/g, "") } })}
                        />
                      ) : (
                        <span />
                      )}
                    </>
                  )}
                </div>
              );
            })}
          </div>
        ))}
        {options.levels.length === 0 && <p className="text-slate-400">本机构没有已启用且设置了考试科目的证书</p>}
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="label">合格规则</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="ep-rule" checked={!f.weighted} onChange={() => patch({ weighted: false })} />
          各科目成绩均达到合格分数
        </label>
        <label className="flex flex-wrap items-center gap-2">
          <input type="radio" name="ep-rule" checked={f.weighted} onChange={() => patch({ weighted: true })} />
          加权总分达到
          <input
            aria-label="合格总分"
            className="input w-20"
            disabled={!f.weighted}
            value={f.passTotal}
            onChange={(e) => patch({ passTotal: e.target.value.replace(/[^\d.]/g, "") })}
          />
          分（各科按满分折算为百分制，同一等级的科目权重之和为 100%）
        </label>
      </fieldset>
      <CheckList
        legend="参考院校（所选证书的试点院校）"
        items={schools}
        value={f.schoolIds}
        onChange={(schoolIds) => patch({ schoolIds })}
        empty="请先勾选考试科目"
        selectAll
      />
    </FormDialog>
  );
}
