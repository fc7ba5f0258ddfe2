"use client";
// 报考管理 (002 §5.2.6, 001 §3.1.2.7): 批量导入报考 按证书导入 / 按科目导入 (the plan, and by subject the certificate,
// chosen first), 导入记录, 报考 one candidate, export, 批量删除, detail. The school registers for its students.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { FormDialog } from "../dialog";
import { Field } from "../field";
import { ListPage } from "../list/list-page";
import { usePatchState } from "../use-patch";
import { useActionMessage } from "../use-action-message";
import { ImportDialog, ImportRecordsDialog } from "../imports/import-dialog";
import { beijing } from "../datetime";
import { CANDIDATE_STATUS_LABELS, CANDIDATE_TYPE_LABELS } from "@/domain/candidates/rules";
import { REGISTRATION_MODE_LABELS } from "@/domain/exams/plan";
import { REGISTRATION_TABS, RegistrationDetail, registrationFields, statusCell, studentCell } from "./registration-detail";

type Dialog = null | "byCertificate" | "bySubject" | "records" | "register" | { view: string };

export function RegistrationsPage() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const remove = useMutation(trpc.registrations.delete.mutationOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.registrations.pathKey() });
  const { act, say, banner } = useActionMessage(refresh);
  const close = () => setDialog(null);
  const del = (ids: string[], clear?: () => void) =>
    window.confirm(`确定删除 ${ids.length} 条报考信息吗？只能删除报考时间内未排考、未缴费的报考信息。`) &&
    act(
      async () => {
        const r = await remove.mutateAsync({ ids });
        clear?.();
        return r;
      },
      (r) => `已删除 ${r.deleted} 条报考信息`,
    );
  return (
    <>
      {banner}
      <ListPage
        title="报考管理"
        description="报考须在考试计划的报考时间内完成，超过或未到期均不能报考和删除报考；考生须为本校「信息准确」的考生，所学专业在证书对应的专业内，且不超过本校当年度的试点名额。"
        exportList="registrations"
        exportLabel="批量导出报考数据"
        fields={registrationFields(false)}
        tabs={REGISTRATION_TABS}
        list={trpc.lists.registrations}
        rowData={(r) => ({ "data-registration": r.name })}
        toolbar={
          <>
            <button className="btn-default" onClick={() => setDialog("records")}>
              导入记录
            </button>
            <button className="btn-default" onClick={() => setDialog("byCertificate")}>
              批量导入报考-按证书导入
            </button>
            <button className="btn-default" onClick={() => setDialog("bySubject")}>
              批量导入报考-按科目导入
            </button>
            <button className="btn-primary" onClick={() => setDialog("register")}>
              报考
            </button>
          </>
        }
        bulkActions={(ids, clear) => (
          <button className="btn-default" disabled={ids.length === 0} onClick={() => del(ids, clear)}>
            批量删除报考数据
          </button>
        )}
        columns={[
          { header: "考试计划", cell: (r) => r.plan.name, className: "min-w-40" },
          { header: "考核证书", cell: (r) => r.certificate, className: "min-w-40" },
          {
            header: "报考科目",
            cell: (r) => (
              <ul>
                {r.subjects.map((s) => (
                  <li key={s.planSubject.subject.code}>{s.planSubject.subject.name}</li>
                ))}
              </ul>
            ),
            className: "min-w-32",
          },
          { header: "学生信息", cell: studentCell },
          { header: "考生类型", cell: (r) => CANDIDATE_TYPE_LABELS[r.candidateType], className: "whitespace-nowrap" },
          { header: "专业", cell: (r) => r.majorName ?? "—" },
          {
            header: "状态",
            cell: statusCell,
            className: "whitespace-nowrap",
          },
          {
            header: "缴费",
            cell: (r) =>
              r.paidAt ? <span className="text-emerald-700">已缴费</span> : <span className="text-slate-500">{r.paymentOrder ? "待确认" : "未缴费"}</span>,
            className: "whitespace-nowrap",
          },
        ]}
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setDialog({ view: r.id })}>
              查看
            </button>
            {r.status === "UNSCHEDULED" && !r.paidAt && !r.paymentOrder && (
              <button className="btn-link text-red-600" onClick={() => del([r.id])}>
                删除
              </button>
            )}
          </span>
        )}
      />
      {(dialog === "byCertificate" || dialog === "bySubject") && <RegistrationImport bySubject={dialog === "bySubject"} onClose={close} onFinished={refresh} />}
      {dialog === "records" && <ImportRecordsDialog kinds={["REGISTRATIONS_BY_CERTIFICATE", "REGISTRATIONS_BY_SUBJECT"]} onClose={close} />}
      {dialog === "register" && (
        <RegisterDialog
          onClose={close}
          onDone={async (text) => {
            close();
            say({ ok: true, text });
            await refresh();
          }}
        />
      )}
      {dialog && typeof dialog === "object" && <RegistrationDetail id={dialog.view} onClose={close} />}
    </>
  );
}

/** 批量导入报考: the plan (in its 报考 window, in this import's mode) and, by subject, the certificate first. */
function RegistrationImport({ bySubject, onClose, onFinished }: { bySubject: boolean; onClose: () => void; onFinished: () => void }) {
  const trpc = useTRPC();
  const plans = useQuery(trpc.registrations.plans.queryOptions());
  const [f, patch] = usePatchState({ planId: "", levelId: "" });
  const mode = bySubject ? "BY_SUBJECT" : "BY_CERTIFICATE";
  const open = plans.data?.filter((p) => p.registrationMode === mode) ?? [];
  const plan = open.find((p) => p.id === f.planId);
  const level = plan?.levels.find((l) => l.id === f.levelId);
  const ready = bySubject ? !!plan && !!level : !!plan;
  return (
    <ImportDialog
      kind={bySubject ? "registrations-by-subject" : "registrations-by-certificate"}
      recordKind={bySubject ? "REGISTRATIONS_BY_SUBJECT" : "REGISTRATIONS_BY_CERTIFICATE"}
      title={bySubject ? "批量导入报考-按科目导入" : "批量导入报考-按证书导入"}
      onClose={onClose}
      onFinished={onFinished}
      params={ready ? { planId: f.planId, ...(bySubject ? { certificateLevelId: f.levelId } : {}) } : null}
      instructions={(template) => (
        <li>
          {template}
          {bySubject
            ? "，每行一名考生：证件号码和要报考的科目编号（多个用顿号分隔）；科目的参考对象为专业方向时填写参考对象。"
            : "，每行一名考生和一个证书编号，系统报考该证书在计划中的全部科目。"}
        </li>
      )}
    >
      <div className="mb-3 grid gap-3 sm:grid-cols-2">
        <Field label="考试计划" htmlFor="reg-import-plan" required hint={`处于报考时间内、本校参加的${REGISTRATION_MODE_LABELS[mode]}考试计划`}>
          <select id="reg-import-plan" className="input" value={f.planId} onChange={(e) => patch({ planId: e.target.value, levelId: "" })}>
            <option value="">请选择</option>
            {open.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}（报考截止 {beijing(p.registrationEndsAt)}）
              </option>
            ))}
          </select>
        </Field>
        {bySubject && (
          <Field label="考核证书" htmlFor="reg-import-level" required>
            <select id="reg-import-level" className="input" value={f.levelId} onChange={(e) => patch({ levelId: e.target.value })}>
              <option value="">请选择</option>
              {plan?.levels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      {plans.data && open.length === 0 && <p className="alert-info mb-3">当前没有处于报考时间内的{REGISTRATION_MODE_LABELS[mode]}考试计划。</p>}
      {plan && (
        <table className="table mb-3 text-xs">
          <caption className="mb-1 text-left font-medium">{bySubject ? "可报考的科目" : "可报考的证书"}</caption>
          <thead>
            <tr>
              <th>证书编号</th>
              <th>考核证书</th>
              <th>科目（编号 · 参考对象）</th>
            </tr>
          </thead>
          <tbody>
            {(level ? [level] : plan.levels).map((l) => (
              <tr key={l.id}>
                <td>{l.code}</td>
                <td>{l.label}</td>
                <td>
                  {l.subjects.map((s) => (
                    <div key={s.code}>
                      {s.name}（{s.code} · {s.targetGroup}）
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ImportDialog>
  );
}

/** 报考 one candidate: plan → certificate → (by subject) subjects → candidate. */
function RegisterDialog({ onClose, onDone }: { onClose: () => void; onDone: (text: string) => void }) {
  const trpc = useTRPC();
  const plans = useQuery(trpc.registrations.plans.queryOptions());
  const register = useMutation(trpc.registrations.register.mutationOptions());
  const [f, patch] = usePatchState({ planId: "", levelId: "", subjectCodes: [] as string[], targetGroup: "", q: "", candidateId: "" });
  const [search, setSearch] = useState("");
  const found = useQuery({ ...trpc.registrations.candidates.queryOptions({ q: search }), enabled: !!search });
  const plan = plans.data?.find((p) => p.id === f.planId);
  const level = plan?.levels.find((l) => l.id === f.levelId);
  const bySubject = plan?.registrationMode === "BY_SUBJECT";
  const named = level?.subjects.filter((s) => !["所有考生", "院校考生", "社会考生"].includes(s.targetGroup)) ?? [];
  return (
    <FormDialog
      wide
      title="报考"
      submitLabel="确定报考"
      onClose={onClose}
      onSubmit={async () => {
        await register.mutateAsync({
          planId: f.planId,
          certificateLevelId: f.levelId,
          candidateId: f.candidateId,
          subjectCodes: bySubject ? f.subjectCodes : [],
          targetGroup: f.targetGroup || null,
        });
        const who = found.data?.find((c) => c.id === f.candidateId);
        onDone(`已为${who?.name ?? "考生"}报考${level?.label ?? ""}`);
      }}
    >
      {plans.data && plans.data.length === 0 && <p className="alert-info">当前没有处于报考时间内的考试计划。</p>}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="考试计划" htmlFor="reg-plan" required>
          <select id="reg-plan" className="input" value={f.planId} onChange={(e) => patch({ planId: e.target.value, levelId: "", subjectCodes: [] })}>
            <option value="">请选择</option>
            {plans.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}（{REGISTRATION_MODE_LABELS[p.registrationMode]}）
              </option>
            ))}
          </select>
        </Field>
        <Field label="考核证书" htmlFor="reg-level" required>
          <select id="reg-level" className="input" value={f.levelId} onChange={(e) => patch({ levelId: e.target.value, subjectCodes: [] })}>
            <option value="">请选择</option>
            {plan?.levels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {level && !bySubject && <p className="text-sm text-slate-600">报考科目：{level.subjects.map((s) => s.name).join("、")}（按证书报考，报考全部科目）</p>}
      {level && bySubject && (
        <fieldset>
          <legend className="label">
            <span aria-hidden="true" className="mr-0.5 text-red-500">
              *
            </span>
            报考科目
          </legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {level.subjects.map((s) => (
              <label key={s.code} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={f.subjectCodes.includes(s.code)}
                  onChange={(e) => patch({ subjectCodes: e.target.checked ? [...f.subjectCodes, s.code] : f.subjectCodes.filter((x) => x !== s.code) })}
                />
                {s.name}（{s.targetGroup}）
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {bySubject && named.length > 0 && (
        <Field label="参考对象" htmlFor="reg-group" hint="报考参考对象为专业方向的科目时选择">
          <select id="reg-group" className="input" value={f.targetGroup} onChange={(e) => patch({ targetGroup: e.target.value })}>
            <option value="">无</option>
            {[...new Set(named.map((s) => s.targetGroup))].map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label="考生" htmlFor="reg-q" required hint="输入姓名或证件号码查找本校考生；须为「信息准确」">
        <div className="flex gap-2">
          <input
            id="reg-q"
            className="input"
            value={f.q}
            onChange={(e) => patch({ q: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                setSearch(f.q.trim());
              }
            }}
          />
          <button type="button" className="btn-default shrink-0" onClick={() => setSearch(f.q.trim())}>
            查找
          </button>
        </div>
      </Field>
      {found.data && (
        <fieldset className="max-h-48 overflow-y-auto rounded border border-slate-200 p-2 text-sm">
          <legend className="sr-only">选择考生</legend>
          {found.data.length === 0 && <p className="text-slate-400">没有找到本校的考生</p>}
          {found.data.map((c) => (
            <label key={c.id} className="flex items-center gap-2 py-0.5">
              <input type="radio" name="reg-candidate" checked={f.candidateId === c.id} onChange={() => patch({ candidateId: c.id })} />
              <span>
                {c.name} {c.idNumberMasked} · {CANDIDATE_TYPE_LABELS[c.type]} · {c.major?.name ?? "无专业"} ·{" "}
                <span className={c.status === "VERIFIED" ? "text-emerald-700" : "text-amber-700"}>{CANDIDATE_STATUS_LABELS[c.status]}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </FormDialog>
  );
}
