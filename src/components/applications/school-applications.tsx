"use client";
import { applicationWindowProblem } from "@/domain/pilots/plan";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "next/navigation";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Dialog, LoadingDialog } from "../dialog";
import { DetailDialog } from "../catalogue/detail";
import { Field } from "../field";
import { ListPage } from "../list/list-page";
import { UploadButton } from "../upload";
import { usePatchState } from "../use-patch";
import { ApplicationDetailDialog } from "./application-detail";
import {
  APPLICATION_STATUS_LABELS,
  applicationProblem,
  applicationStatusText,
  canDeleteApplication,
  canEditApplication,
  requestedTotalOf,
  type ApplicationStatus,
} from "@/domain/pilots/application";
import { CATALOG_VERSION_LABELS, LEVEL_LABELS, MAJOR_LEVEL_LABELS } from "@/domain/catalogue/labels";

type Line = { majorId: string; code: string; name: string; students: number; teachers: number; requested: number };
type Row = {
  id: string;
  planId: string | null;
  certificateLevelId: string;
  status: ApplicationStatus;
  teacherSituation: string | null;
  siteSituation: string | null;
  requestedTotal: number;
  lines: Line[];
  evidence: { id: string; filename: string } | null;
};

/** 证书试点申报 (school): list by the shared pattern, apply from an open plan, detail with the review record. */
export function ApplicationsPage() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const applicable = useQuery(trpc.applications.applicable.queryOptions());
  // 002 §4.3: 申报证书试点 shows the province's open plans; 立即申报 opens the form for that plan, 取消 comes back.
  // 立即申报 on the 申报计划 page arrives as ?plan=<id>.
  const fromPlans = useSearchParams().get("plan");
  const [editing, setEditing] = useState<{ id?: string; planId?: string } | null>(fromPlans ? { planId: fromPlans } : null);
  const [choosing, setChoosing] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const remove = useMutation(trpc.applications.delete.mutationOptions());
  const [message, setMessage] = useState("");
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.pilotApplications.pathKey() });
  const open = applicable.data?.length ?? 0;
  return (
    <>
      {message && (
        <p className="alert-error mb-3" role="alert">
          {message}
        </p>
      )}
      {applicable.data && open === 0 && (
        <p className="alert-info mb-3">省级教育行政部门当前没有进行中的申报计划，暂不能申报。证书申报计划由各省自行发布，请在规定时间内完成申报。</p>
      )}
      <ListPage
        title="证书试点申报"
        exportList="pilotApplications"
        exportLabel="按证书导出申报明细表"
        fields={[
          { key: "year", label: "申报年度" },
          { key: "batch", label: "申报批次" },
          { key: "certificate", label: "证书名称" },
          { key: "org", label: "颁证机构" },
        ]}
        tabs={(Object.keys(APPLICATION_STATUS_LABELS) as ApplicationStatus[]).map((s) => ({ value: s, label: APPLICATION_STATUS_LABELS[s] }))}
        list={trpc.lists.pilotApplications}
        toolbar={
          <button className="btn-primary" disabled={!open} title={open ? "" : "当前没有进行中的申报计划"} onClick={() => setChoosing(true)}>
            申报证书试点
          </button>
        }
        columns={[
          { header: "申报年度", cell: (r) => r.year },
          { header: "申报批次", cell: (r) => r.batch },
          {
            header: "证书名称",
            cell: (r) => (
              <span data-certificate={r.certificateLevel.certificate.name}>
                {r.certificateLevel.certificate.name}（{LEVEL_LABELS[r.certificateLevel.level]}）
              </span>
            ),
          },
          { header: "颁证机构", cell: (r) => r.certificateLevel.certificate.org.name },
          { header: "拟申报培训人数", cell: (r) => r.requestedTotal },
          { header: "已批准培训人数", cell: (r) => r.approvedTotal ?? "—" },
          {
            header: "状态",
            cell: (r) => <span className={STATUS_TONE[r.status]}>{applicationStatusText(r)}</span>,
            className: "whitespace-nowrap",
          },
        ]}
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setViewing(r.id)}>
              查看
            </button>
            {/* The server's rule: editable while 未提交/审核退回 and the plan's window is open. */}
            {canEditApplication(r.status) && r.plan && !applicationWindowProblem(r.plan, new Date()) && (
              <button className="btn-link text-amber-600" onClick={() => setEditing({ id: r.id })}>
                编辑
              </button>
            )}
            {canDeleteApplication(r.status) && (
              <button
                className="btn-link text-red-600"
                onClick={async () => {
                  if (!window.confirm(`确定删除未提交的申报「${r.certificateLevel.certificate.name}（${LEVEL_LABELS[r.certificateLevel.level]}）」？`)) return;
                  try {
                    await remove.mutateAsync({ id: r.id });
                    setMessage("");
                    await refresh();
                  } catch (e) {
                    setMessage(errorMessage(e));
                  }
                }}
              >
                删除
              </button>
            )}
          </span>
        )}
      />
      {choosing && (
        <PlanChooser
          onClose={() => setChoosing(false)}
          onChoose={(planId) => {
            setChoosing(false);
            setEditing({ planId });
          }}
        />
      )}
      {editing && (
        <ApplicationDialog
          id={editing.id}
          planId={editing.planId}
          onCancel={
            editing.id
              ? undefined
              : () => {
                  setEditing(null);
                  setChoosing(true);
                }
          }
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await refresh();
          }}
        />
      )}
      {viewing && <ApplicationDetailDialog id={viewing} onClose={() => setViewing(null)} />}
    </>
  );
}

const STATUS_TONE: Record<ApplicationStatus, string> = {
  DRAFT: "text-slate-500",
  IN_REVIEW: "text-amber-600",
  APPROVED: "text-green-700",
  RETURNED: "text-red-600",
};

/** The province's plans open now, each with 立即申报 (004 §4.3's 申报计划 table). */
function PlanChooser({ onClose, onChoose }: { onClose: () => void; onChoose: (planId: string) => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.applications.applicable.queryOptions());
  const fmt = (d: Date) => d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false, dateStyle: "short", timeStyle: "short" });
  return (
    <DetailDialog title="申报计划" onClose={onClose} query={q}>
      {(plans) => (
        <div className="overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th>申报年度</th>
                <th>申报批次</th>
                <th>申报时间</th>
                <th>按专业填报</th>
                <th>地市级审批</th>
                <th>证书范围</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id} data-plan={p.batch}>
                  <td>{p.year}</td>
                  <td>{p.batch}</td>
                  <td className="whitespace-nowrap text-xs">
                    {fmt(p.startsAt)} 至<br />
                    {fmt(p.endsAt)}
                  </td>
                  <td>{p.byMajor ? "是" : "否"}</td>
                  <td>{p.cityReviewFirst ? "是" : "否"}</td>
                  <td>{p.scope === "ALL" ? "全部" : `部分（${p.levels.length} 个证书等级）`}</td>
                  <td>
                    <button className="btn-link whitespace-nowrap" onClick={() => onChoose(p.id)}>
                      立即申报
                    </button>
                  </td>
                </tr>
              ))}
              {plans.length === 0 && (
                <tr>
                  <td colSpan={7} className="text-center text-slate-400">
                    当前没有进行中的申报计划
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </DetailDialog>
  );
}

function ApplicationDialog({
  id,
  planId,
  onCancel,
  onClose,
  onSaved,
}: {
  id?: string;
  planId?: string;
  onCancel?: () => void;
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const existing = useQuery({ ...trpc.applications.detail.queryOptions({ id: id ?? "" }), enabled: !!id });
  if (id && !existing.data) return <LoadingDialog title="编辑申报证书试点" error={existing.error} onClose={onClose} />;
  const d = existing.data;
  const row: Row | undefined =
    d && id
      ? {
          id,
          planId: d.planId,
          certificateLevelId: d.certificateLevelId,
          status: d.status,
          teacherSituation: d.teacherSituation,
          siteSituation: d.siteSituation,
          requestedTotal: d.requestedTotal,
          lines: d.lines,
          evidence: d.evidence,
        }
      : undefined;
  return <ApplicationForm row={row} planId={planId} onCancel={onCancel} onClose={onClose} onSaved={onSaved} />;
}

function ApplicationForm({
  row,
  planId: chosen,
  onCancel,
  onClose,
  onSaved,
}: {
  row?: Row;
  planId?: string;
  onCancel?: () => void;
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const applicable = useQuery(trpc.applications.applicable.queryOptions());
  const save = useMutation(trpc.applications.save.mutationOptions());
  const [search, setSearch] = useState("");
  const majors = useQuery(trpc.applications.majors.queryOptions({ q: search || undefined }));
  const [f, patch, setF] = usePatchState({
    planId: row?.planId ?? chosen ?? "",
    levelId: row?.certificateLevelId ?? "",
    lines: row?.lines ?? ([] as Line[]),
    total: row ? String(row.requestedTotal) : "",
    teacher: row?.teacherSituation ?? "",
    site: row?.siteSituation ?? "",
    evidence: row?.evidence ?? (null as { id: string; filename: string } | null),
  });
  const [error, setError] = useState("");
  const [confirming, setConfirming] = useState(false);
  const plan = applicable.data?.find((p) => p.id === (f.planId || applicable.data?.[0]?.id));
  const planId = plan?.id ?? "";
  const total = requestedTotalOf(!!plan?.byMajor, f.lines, Number(f.total || 0));
  const setLine = (i: number, p: Partial<Line>) => patch({ lines: f.lines.map((l, k) => (k === i ? { ...l, ...p } : l)) });
  const submit = async (doSubmit: boolean) => {
    setError("");
    try {
      await save.mutateAsync({
        id: row?.id,
        planId,
        certificateLevelId: f.levelId,
        lines: f.lines.map(({ majorId, students, teachers, requested }) => ({ majorId, students, teachers, requested })),
        requestedTotal: plan?.byMajor ? null : Number(f.total || 0),
        teacherSituation: f.teacher,
        siteSituation: f.site,
        evidenceFileId: f.evidence?.id ?? null,
        submit: doSubmit,
      });
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
      setConfirming(false);
    }
  };
  const num = (v: string) => Number(v.replace(/\D/g, "") || 0);
  return (
    <Dialog
      wide
      open
      title={row ? "编辑申报证书试点" : "申报证书试点"}
      onClose={onClose}
      footer={
        <>
          <button className="btn-default" onClick={onCancel ?? onClose}>
            取消
          </button>
          <button className="btn-default" disabled={save.isPending} onClick={() => submit(false)}>
            保存
          </button>
          <button
            className="btn-primary"
            disabled={save.isPending}
            onClick={() => {
              // The same rules as the server, before asking for the irreversible confirmation.
              const problem = !f.levelId
                ? "请选择试点证书"
                : applicationProblem({
                    byMajor: !!plan?.byMajor,
                    lines: f.lines,
                    requestedTotal: plan?.byMajor ? null : Number(f.total || 0),
                    teacherSituation: f.teacher,
                    siteSituation: f.site,
                  });
              setError(problem ?? "");
              setConfirming(!problem);
            }}
          >
            保存并提交
          </button>
        </>
      }
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="申报计划" htmlFor="ap-plan" required>
          <select id="ap-plan" className="input" disabled={!!row || !!chosen} value={planId} onChange={(e) => patch({ planId: e.target.value, levelId: "" })}>
            {applicable.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.year}年{p.batch}（截止 {p.endsAt.toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" })}）
              </option>
            ))}
          </select>
        </Field>
        <Field label="选择试点证书" htmlFor="ap-level" required>
          <select id="ap-level" className="input" disabled={!!row} value={f.levelId} onChange={(e) => patch({ levelId: e.target.value })}>
            <option value="">请选择</option>
            {plan?.levels.map((l) => {
              const taken = !!l.appliedId && l.appliedId !== row?.id;
              return (
                <option key={l.id} value={l.id} disabled={taken}>
                  {l.name}（{LEVEL_LABELS[l.level]}）{taken ? "（本年度已申报）" : ""}
                </option>
              );
            })}
          </select>
        </Field>
      </div>
      <Field
        label={plan?.byMajor ? "拟申报专业（本计划要求按专业填报）" : "拟申报专业（可选）"}
        hint="本专业专任教师数按「教师管理」中任教该专业的专任教师人数带出，可修改"
      >
        <input aria-label="搜索专业" className="input" placeholder="输入专业名称或代码搜索后添加" value={search} onChange={(e) => setSearch(e.target.value)} />
        {search && (
          <ul className="mt-1 max-h-32 overflow-y-auto rounded border border-slate-200">
            {majors.data
              ?.filter((m) => !f.lines.some((l) => l.majorId === m.id))
              .map((m) => (
                <li key={m.id}>
                  <button
                    type="button"
                    className="w-full px-3 py-1 text-left text-sm hover:bg-slate-50"
                    onClick={async () => {
                      setSearch("");
                      // 本专业专任教师数 from the roster (教师管理); the school may correct it.
                      const counts = await qc
                        .fetchQuery(trpc.teachers.fullTimeCounts.queryOptions({ majorIds: [m.id] }))
                        .catch(() => ({}) as Record<string, number>);
                      const line = { majorId: m.id, code: m.code, name: m.name, students: 0, teachers: counts[m.id] ?? 0, requested: 0 };
                      setF((x) => (x.lines.some((l) => l.majorId === m.id) ? x : { ...x, lines: [...x.lines, line] }));
                    }}
                  >
                    【{m.code}】{m.name}（{MAJOR_LEVEL_LABELS[m.level]} · {CATALOG_VERSION_LABELS[m.catalogVersion]}）
                  </button>
                </li>
              ))}
          </ul>
        )}
      </Field>
      <table className="table">
        <thead>
          <tr>
            <th>拟申报专业</th>
            <th>本专业在校学生数</th>
            <th>本专业专任教师数</th>
            <th>申请培训人数</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {f.lines.map((l, i) => (
            <tr key={l.majorId}>
              <td>
                【{l.code}】{l.name}
              </td>
              <td>
                <input
                  aria-label={`${l.name}在校学生数`}
                  className="input w-24"
                  value={l.students || ""}
                  onChange={(e) => setLine(i, { students: num(e.target.value) })}
                />
              </td>
              <td>
                <input
                  aria-label={`${l.name}专任教师数`}
                  className="input w-24"
                  value={l.teachers || ""}
                  onChange={(e) => setLine(i, { teachers: num(e.target.value) })}
                />
              </td>
              <td>
                <input
                  aria-label={`${l.name}申请培训人数`}
                  className="input w-24"
                  value={l.requested || ""}
                  onChange={(e) => setLine(i, { requested: num(e.target.value) })}
                />
              </td>
              <td>
                <button type="button" className="btn-link text-red-600" onClick={() => patch({ lines: f.lines.filter((_, k) => k !== i) })}>
                  删除
                </button>
              </td>
            </tr>
          ))}
          {f.lines.length === 0 && (
            <tr>
              <td colSpan={5} className="text-center text-slate-400">
                暂无数据
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {plan?.byMajor ? (
        <p className="text-sm">
          申请培训总人数：<b>{total}</b>（各专业申请培训人数之和）
        </p>
      ) : (
        <Field label="申请培训总人数" htmlFor="ap-total" required>
          <input id="ap-total" className="input w-40" value={f.total} onChange={(e) => patch({ total: e.target.value.replace(/\D/g, "") })} />
        </Field>
      )}
      <Field label="师资情况" htmlFor="ap-teacher" required>
        <textarea id="ap-teacher" className="input" rows={3} value={f.teacher} onChange={(e) => patch({ teacher: e.target.value })} />
      </Field>
      <Field label="场地情况" htmlFor="ap-site" required>
        <textarea id="ap-site" className="input" rows={3} value={f.site} onChange={(e) => patch({ site: e.target.value })} />
      </Field>
      <Field label="佐证材料（PDF/Word，不超过 20M）">
        <div className="flex flex-wrap items-center gap-3">
          <UploadButton
            purpose="application-evidence"
            accept=".pdf,.doc,.docx"
            label={f.evidence ? "重新上传" : "上传佐证材料"}
            onUploaded={(u) => patch({ evidence: { id: u.id, filename: u.filename } })}
            onError={setError}
          />
          {f.evidence && (
            <span className="text-sm" data-testid="evidence-name">
              {f.evidence.filename}
            </span>
          )}
          {f.evidence && (
            <button type="button" className="btn-link text-red-600" onClick={() => patch({ evidence: null })}>
              移除
            </button>
          )}
        </div>
      </Field>
      {confirming && (
        <div className="alert-info flex flex-wrap items-center justify-between gap-2" role="alertdialog">
          <span>提交后将不允许再做任何修改，只能等待审核结果。确定提交审核？</span>
          <span className="flex gap-2">
            <button className="btn-default" onClick={() => setConfirming(false)}>
              再看看
            </button>
            <button className="btn-primary" onClick={() => submit(true)}>
              确定提交
            </button>
          </span>
        </div>
      )}
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
