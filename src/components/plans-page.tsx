"use client";
import { fromLocal, toLocal } from "./datetime";
import { pilotYears } from "@/domain/pilots/plan";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Dialog } from "./dialog";
import { Field } from "./field";
import { ListPage } from "./list/list-page";
import type { PlanRow } from "@/server/plans/list";
import { usePatchState } from "./use-patch";
import { PLAN_STATUS_LABELS } from "@/domain/pilots/plan";

const fmt = (d: Date) =>
  d.toLocaleString("zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  });
const TONE = { NOT_STARTED: "text-slate-500", OPEN: "text-green-700", ENDED: "text-slate-400" } as const;

const YEAR_OPTIONS = [{ value: "", label: "全部" }, ...pilotYears(new Date()).map((y) => ({ value: String(y), label: `${y}年` }))];

/** 申报计划 on the list engine: provincial departments publish; cities and schools read. */
export function PlansPage() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const access = useQuery(trpc.plans.access.queryOptions());
  const canManage = !!access.data?.canManage;
  const del = useMutation(trpc.plans.delete.mutationOptions());
  const [editing, setEditing] = useState<{ row?: Row } | null>(null);
  const [message, setMessage] = useState("");
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.plans.pathKey() });
  return (
    <>
      {message && (
        <p className="alert-error mb-3" role="alert">
          {message}
        </p>
      )}
      <ListPage
        title="申报计划"
        fields={[{ key: "year", label: "申报年度", options: YEAR_OPTIONS }]}
        list={trpc.lists.plans}
        rowData={(p) => ({ "data-batch": p.batch })}
        toolbar={
          canManage && (
            <button className="btn-primary" onClick={() => setEditing({})}>
              发布申报计划
            </button>
          )
        }
        columns={[
          { header: "申报年度", cell: (p) => p.year },
          { header: "申报批次", cell: (p) => p.batch },
          {
            header: "申报时间",
            // Start and end on two lines: the table fits its card at 1366 px with the statistics and actions.
            cell: (p) => (
              <span className="whitespace-nowrap">
                {fmt(p.startsAt)} 至<br />
                {fmt(p.endsAt)}
              </span>
            ),
          },
          { header: "按专业填报", cell: (p) => (p.byMajor ? "是" : "否"), className: "whitespace-nowrap" },
          { header: "地市级教育局审批", cell: (p) => (p.cityReviewFirst ? "是" : "否"), className: "whitespace-nowrap" },
          {
            header: "开放证书范围",
            cell: (p) => (
              <span title={p.certificates.map((c) => c.name).join("、")}>{p.scope === "ALL" ? "全部" : `部分（${p.certificates.length} 个证书）`}</span>
            ),
          },
          { header: "状态", cell: (p) => <span className={TONE[p.status]}>{PLAN_STATUS_LABELS[p.status]}</span>, className: "whitespace-nowrap" },
          ...(access.data?.withStats
            ? [
                {
                  header: "申报统计",
                  className: "text-xs",
                  cell: (p: PlanRow) =>
                    p.stats ? (
                      <span data-testid="plan-stats">
                        <a className="btn-link" href={`/edu/applications`}>
                          申报 {p.stats.submitted} 份
                        </a>
                        <br />
                        <span className="whitespace-nowrap">
                          审核中 {p.stats.inReview}，通过 {p.stats.approved}，退回 {p.stats.returned}
                        </span>
                        <br />
                        <span className="whitespace-nowrap">
                          申请 {p.stats.requested} 人 / 批准 {p.stats.approvedTrainees} 人
                        </span>
                      </span>
                    ) : (
                      "—"
                    ),
                },
              ]
            : []),
        ]}
        actions={
          access.data?.canApply
            ? (p) =>
                p.status === "OPEN" ? (
                  <a className="btn-link" href={`/school/applications?plan=${p.id}`}>
                    立即申报
                  </a>
                ) : null
            : canManage
              ? (p) => (
                  <span className="flex gap-2">
                    {p.status !== "ENDED" && (
                      <button className="btn-link text-amber-600" onClick={() => setEditing({ row: p })}>
                        修改
                      </button>
                    )}
                    {p.status === "NOT_STARTED" && p.applications === 0 && (
                      <button
                        className="btn-link text-red-600"
                        onClick={async () => {
                          setMessage("");
                          try {
                            await del.mutateAsync({ id: p.id });
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
                )
              : undefined
        }
      />
      {editing && (
        <PlanDialog
          row={editing.row}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await refresh();
          }}
        />
      )}
    </>
  );
}

type Row = {
  id: string;
  year: number;
  batch: string;
  startsAt: Date;
  endsAt: Date;
  byMajor: boolean;
  cityReviewFirst: boolean;
  scope: "ALL" | "PARTIAL";
  certificates: { id: string; name: string }[];
};

function PlanDialog({ row, onClose, onSaved }: { row?: Row; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.plans.certificateOptions.queryOptions());
  const save = useMutation(trpc.plans.save.mutationOptions());
  const now = new Date();
  const [f, patch] = usePatchState({
    year: String(row?.year ?? now.getFullYear()),
    // Empty until typed: a new plan proposes the department's next unused batch of the year.
    batch: row?.batch ?? "",
    startsAt: row ? toLocal(row.startsAt) : toLocal(now),
    endsAt: row ? toLocal(row.endsAt) : toLocal(new Date(now.getTime() + 14 * 86400000)),
    byMajor: row?.byMajor ?? false,
    cityReviewFirst: row?.cityReviewFirst ?? false,
    scope: row?.scope ?? ("ALL" as "ALL" | "PARTIAL"),
    certificateIds: row?.certificates.map((c) => c.id) ?? ([] as string[]),
  });
  const [error, setError] = useState("");
  const proposed = useQuery({ ...trpc.plans.nextBatch.queryOptions({ year: Number(f.year) }), enabled: !row && /^\d{4}$/.test(f.year) });
  const batch = f.batch || proposed.data?.batch || "";
  return (
    <Dialog
      wide
      open
      title={row ? "修改申报计划" : "发布申报计划"}
      onClose={onClose}
      footer={
        <>
          <button className="btn-default" onClick={onClose}>
            关闭
          </button>
          <button
            className="btn-primary"
            disabled={save.isPending}
            onClick={async () => {
              setError("");
              try {
                await save.mutateAsync({
                  id: row?.id,
                  year: Number(f.year),
                  batch,
                  startsAt: fromLocal(f.startsAt),
                  endsAt: fromLocal(f.endsAt),
                  byMajor: f.byMajor,
                  cityReviewFirst: f.cityReviewFirst,
                  scope: f.scope,
                  certificateIds: f.certificateIds,
                });
                onSaved();
              } catch (e) {
                setError(errorMessage(e));
              }
            }}
          >
            保存
          </button>
        </>
      }
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="申报年度" htmlFor="p-year" required>
          <input id="p-year" className="input" inputMode="numeric" value={f.year} onChange={(e) => patch({ year: e.target.value.replace(/\D/g, "") })} />
        </Field>
        <Field label="申报批次" htmlFor="p-batch" required>
          <input id="p-batch" className="input" value={batch} onChange={(e) => patch({ batch: e.target.value })} />
        </Field>
        <Field label="开始时间" htmlFor="p-start" required>
          <input id="p-start" type="datetime-local" className="input" value={f.startsAt} onChange={(e) => patch({ startsAt: e.target.value })} />
        </Field>
        <Field label="结束时间" htmlFor="p-end" required>
          <input id="p-end" type="datetime-local" className="input" value={f.endsAt} onChange={(e) => patch({ endsAt: e.target.value })} />
        </Field>
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={f.byMajor} onChange={(e) => patch({ byMajor: e.target.checked })} />
        要求按专业填报
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={f.cityReviewFirst} onChange={(e) => patch({ cityReviewFirst: e.target.checked })} />
        要求地市级教育局先审批
      </label>
      <Field label="开放证书范围" required>
        <div className="flex gap-4">
          <label className="flex items-center gap-1">
            <input type="radio" checked={f.scope === "ALL"} onChange={() => patch({ scope: "ALL" })} />
            全部
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" checked={f.scope === "PARTIAL"} onChange={() => patch({ scope: "PARTIAL" })} />
            部分
          </label>
        </div>
      </Field>
      {f.scope === "PARTIAL" && (
        <ul className="max-h-48 overflow-y-auto rounded border border-slate-200 p-2">
          {options.data?.map((c) => (
            <li key={c.id}>
              <label className="flex items-center gap-2 py-0.5">
                <input
                  type="checkbox"
                  checked={f.certificateIds.includes(c.id)}
                  onChange={(e) => patch({ certificateIds: e.target.checked ? [...f.certificateIds, c.id] : f.certificateIds.filter((x) => x !== c.id) })}
                />
                {c.code} {c.name}
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
