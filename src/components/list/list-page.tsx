"use client";
// The list page every section reuses (manual screenshots): query fields with 查询/重置 and 展开,
// status tabs with counts, a selectable table, 10/20/50 per page with 前往 N 页, row actions, 批量导出.
import { keepPreviousData, useQuery, type UseQueryOptions } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/trpc/react";
import { usePatchState } from "../use-patch";
import { Pager } from "./pager";
import { QueryBar, QueryField } from "./query-bar";
import { StatusTabs } from "./status-tabs";
import { ExportButton } from "./export-dialog";
import type { ListName } from "@/server/lists/registry";

export type ListInput<F = Record<string, string | undefined>> = { filter: F; tab?: string; page: number; pageSize: 10 | 20 | 50 };
export type ListResult<R> = { rows: R[]; total: number; counts: Record<string, number>; all: number };
export type Column<R> = { header: string; cell: (r: R) => React.ReactNode; className?: string };
export type QueryFieldDef<K extends string = string> = {
  /** A key of the list definition's filter (typed: a field the server does not know does not compile). */
  key: K;
  label: string;
  options?: { value: string; label: string }[];
  defaultValue?: string;
  keepOnReset?: boolean;
  inputType?: "text" | "date";
};

/** A list procedure of the registry (trpc.lists.X): its input's filter types the query fields, its output the rows. */
export type AnyListProcedure = {
  "~types": { input: { filter?: object }; output: ListResult<{ id: string }> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tRPC's queryOptions is generic over its own options
  queryOptions: (input: any) => any;
};
type FilterOf<P extends AnyListProcedure> = NonNullable<P["~types"]["input"]["filter"]>;
type RowOf<P extends AnyListProcedure> = P["~types"]["output"]["rows"][number];

export function ListPage<P extends AnyListProcedure, R extends RowOf<P> = RowOf<P>>(props: {
  title: string;
  /** h2 when the list is a section of a page that has its own h1. */
  titleLevel?: 1 | 2;
  /** A line under the title (what the list holds, a rule the user should know). */
  description?: React.ReactNode;
  /** The tab to open on (a workbench link may name one). */
  initialTab?: string;
  exportList?: ListName;
  exportLabel?: string;
  fields: QueryFieldDef<Extract<keyof FilterOf<P>, string>>[];
  /** Filter values the page fixes (one list definition behind two menu entries); no field shows them. */
  fixed?: Partial<Record<Extract<keyof FilterOf<P>, string>, string>>;
  /** Fields past this many hide behind 展开. */
  visibleFields?: number;
  tabs?: { value: string; label: string }[];
  columns: Column<R>[];
  actions?: (r: R) => React.ReactNode;
  /** data-* attributes of a row (what tests and screen readers of the page key rows by). */
  rowData?: (r: R) => Record<`data-${string}`, string>;
  toolbar?: React.ReactNode;
  /** Buttons acting on the ticked rows (批量审核…); they get the ids and a way to clear the ticks. */
  bulkActions?: (ids: string[], clear: () => void) => React.ReactNode;
  /** Told the filter each time 查询 or 重置 applies one (a chart above the list follows the same query). */
  onFilter?: (filter: Record<string, string | undefined>) => void;
  list: P;
}) {
  const initial = Object.fromEntries(props.fields.map((f) => [f.key, f.defaultValue ?? ""]));
  const [draft, patchDraft, setDraft] = usePatchState<Record<string, string>>(initial);
  const [state, patch] = usePatchState({ filter: initial, tab: props.initialTab ?? "", page: 1, pageSize: 10 as 10 | 20 | 50 });
  const [expanded, setExpanded] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const applied = (f: Record<string, string>) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.trim() || undefined]));
  const filter = { ...applied(state.filter), ...props.fixed };
  const q = useQuery({
    // The fields hold strings; the list's zod filter on the server checks them (enums, lengths).
    ...(props.list.queryOptions({ filter, tab: state.tab || undefined, page: state.page, pageSize: state.pageSize }) as UseQueryOptions<ListResult<R>>),
    placeholderData: keepPreviousData,
  });
  const rows = q.data?.rows ?? [];
  const shown = expanded ? props.fields : props.fields.slice(0, props.visibleFields ?? 3);
  const allTicked = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const selectable = !!props.exportList || !!props.bulkActions;
  const tick = (id: string, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

  return (
    <div className="card">
      <div className="border-b border-slate-200 p-4">
        {props.titleLevel === 2 ? <h2 className="mb-3 font-semibold">{props.title}</h2> : <h1 className="mb-3 text-lg font-semibold">{props.title}</h1>}
        {props.description && <p className="mb-3 text-xs text-slate-500">{props.description}</p>}
        {props.fields.length > 0 && (
          <QueryBar
            onSearch={() => {
              patch({ filter: draft, page: 1 });
              setSelected(new Set());
              props.onFilter?.(applied(draft));
            }}
            onReset={() => {
              const reset = Object.fromEntries(props.fields.map((f) => [f.key, f.keepOnReset ? draft[f.key] : (f.defaultValue ?? "")]));
              setDraft(reset);
              patch({ filter: reset, page: 1 });
              setSelected(new Set());
              props.onFilter?.(applied(reset));
            }}
          >
            {shown.map((f) => (
              <QueryField key={f.key} label={f.label}>
                {f.options ? (
                  <select className="input" value={draft[f.key]} onChange={(e) => patchDraft({ [f.key]: e.target.value })}>
                    {f.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    className="input"
                    type={f.inputType ?? "text"}
                    aria-label={f.label}
                    value={draft[f.key]}
                    placeholder={`请输入${f.label}`}
                    onChange={(e) => patchDraft({ [f.key]: e.target.value })}
                  />
                )}
              </QueryField>
            ))}
            {props.fields.length > (props.visibleFields ?? 3) && (
              <button type="button" className="btn-link self-center" onClick={() => setExpanded(!expanded)}>
                {expanded ? "收起 ▴" : "展开 ▾"}
              </button>
            )}
          </QueryBar>
        )}
      </div>
      <div className="flex flex-wrap items-end justify-between gap-2 px-4">
        {props.tabs ? (
          <StatusTabs
            value={state.tab}
            onChange={(tab) => {
              patch({ tab, page: 1 });
              setSelected(new Set());
            }}
            tabs={[{ value: "", label: "全部", count: q.data?.all }, ...props.tabs.map((t) => ({ ...t, count: q.data?.counts[t.value] }))]}
          />
        ) : (
          <span />
        )}
        <div className="flex flex-wrap gap-2 py-2">
          {props.toolbar}
          {props.bulkActions?.([...selected], () => setSelected(new Set()))}
          {props.exportList && (
            <ExportButton list={props.exportList} label={props.exportLabel ?? "批量导出"} filter={filter} tab={state.tab || undefined} ids={[...selected]} />
          )}
        </div>
      </div>
      <div className="overflow-x-auto p-4 pt-2">
        <table className="table">
          <thead>
            <tr>
              {selectable && (
                <th className="w-8">
                  <input type="checkbox" aria-label="全选本页" checked={allTicked} onChange={(e) => rows.forEach((r) => tick(r.id, e.target.checked))} />
                </th>
              )}
              <th className="w-12">序号</th>
              {props.columns.map((c) => (
                <th key={c.header}>{c.header}</th>
              ))}
              {props.actions && <th>操作</th>}
            </tr>
          </thead>
          <tbody>
            {q.isLoading && (
              <tr>
                <td colSpan={99} className="py-8 text-center text-slate-400">
                  加载中…
                </td>
              </tr>
            )}
            {q.error ? (
              <tr>
                <td colSpan={99} className="py-8 text-center text-red-600">
                  {errorMessage(q.error)}
                </td>
              </tr>
            ) : null}
            {q.data && rows.length === 0 && (
              <tr>
                <td colSpan={99} className="py-8 text-center text-slate-400">
                  暂无数据
                </td>
              </tr>
            )}
            {rows.map((r, i) => (
              <tr key={r.id} data-row-id={r.id} {...props.rowData?.(r)}>
                {selectable && (
                  <td>
                    <input type="checkbox" aria-label="勾选" checked={selected.has(r.id)} onChange={(e) => tick(r.id, e.target.checked)} />
                  </td>
                )}
                <td className="text-slate-500">{(state.page - 1) * state.pageSize + i + 1}</td>
                {props.columns.map((c) => (
                  <td key={c.header} className={c.className}>
                    {c.cell(r)}
                  </td>
                ))}
                {props.actions && <td className="row-actions">{props.actions(r)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
        {q.data && (
          <Pager
            total={q.data.total}
            page={state.page}
            pageSize={state.pageSize}
            onChange={(page, pageSize) => patch({ page, pageSize: pageSize as 10 | 20 | 50 })}
          />
        )}
      </div>
    </div>
  );
}
