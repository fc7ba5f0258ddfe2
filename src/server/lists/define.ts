// One list pattern for every page: a definition gives the scoped where, the status tabs, the page query
// and the columns; the same definition serves the screen (paged in the database) and the export.
import type { z } from "zod";
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { Scope } from "@/server/tenancy";
import type { Permission } from "@/domain/auth/permissions";
import type { ExportColumn } from "@/server/excel/export";

export type Tab<W> = { value: string; label: string; where: W };
/** What a definition may need beyond the filter: the caller's scope and the injected time (periods, windows). */
export type ListCtx = { scope: Scope; now: Date };

export type ListDef<F, R extends { id: string }, W extends object = object> = {
  name: string;
  /** Sheet name and title row of the export. */
  title: string;
  /** Who may read (and export) it: a holder of any of these. */
  permissions: readonly Permission[];
  /** Input and output alike: the list page types its query fields from it. */
  filter: z.ZodType<F, F>;
  /** The caller's scope plus the query fields; tenant ids come from the minted scope only. */
  where: (db: Db, scope: Scope, filter: F, now: Date) => Promise<W> | W;
  /** Status tabs; a function of the moment when the status is a window (a room's 未排考 / 排考中 / 已结束), and of
   * the scope when the status reads differently per portal (the school's 排考 status counts published seats only). */
  tabs?: Tab<W>[] | ((now: Date, scope: Scope) => Tab<W>[]);
  count: (db: Db, where: W) => Promise<number>;
  /** Rows in screen order (skip/take), or in id order after a cursor for exports. */
  rows: (db: Db, where: W, page: { skip?: number; take: number; afterId?: string; byId?: boolean }, ctx: ListCtx) => Promise<R[]>;
  columns: ExportColumn<R>[];
  /** What the screen gets of a row, when the export needs more than the screen may show (full ID numbers). */
  present?: (row: R) => R;
};

export const and = <W extends object>(...parts: (W | undefined | null | false)[]): W => ({ AND: parts.filter(Boolean) }) as unknown as W;

/** Rows after an id, for keyset iteration (constant memory, no OFFSET). */
export const afterIdWhere = (afterId?: string) => (afterId ? { id: { gt: afterId } } : {});

/** The definition's tabs at this moment. */
export function tabsOf<W>(def: { tabs?: Tab<W>[] | ((now: Date, scope: Scope) => Tab<W>[]) }, now: Date, scope: Scope): Tab<W>[] {
  return typeof def.tabs === "function" ? def.tabs(now, scope) : (def.tabs ?? []);
}

export type PageInput<F> = { filter: F; tab?: string; page: number; pageSize: number };

export async function pageOf<F, R extends { id: string }, W extends object>(
  def: ListDef<F, R, W>,
  { ctx: { db, scope, clock }, input }: { ctx: { db: Db; scope: Scope; clock: Clock }; input: PageInput<F> },
) {
  const now = clock.now();
  const base = await def.where(db, scope, input.filter, now);
  const tabs = tabsOf(def, now, scope);
  const tab = tabs.find((t) => t.value === input.tab);
  const where = tab ? and<W>(base, tab.where) : base;
  // The current tab's total is that tab's count: every count runs once, all in parallel.
  const [rows, all, counts] = await Promise.all([
    def.rows(db, where, { skip: (input.page - 1) * input.pageSize, take: input.pageSize }, { scope, now }),
    def.count(db, base),
    Promise.all(tabs.map(async (t) => [t.value, await def.count(db, and<W>(base, t.where))] as const)),
  ]);
  const byTab = Object.fromEntries(counts) as Record<string, number>;
  return { rows: def.present ? rows.map(def.present) : rows, total: tab ? byTab[tab.value] : all, counts: byTab, all };
}

/** Every row of the filter (or of the ticked ids within it), in id-ordered batches. */
export async function* batchesOf<F, R extends { id: string }, W extends object>(
  def: ListDef<F, R, W>,
  db: Db,
  where: W,
  ctx: ListCtx,
  size = 1000,
): AsyncGenerator<R[]> {
  let afterId: string | undefined;
  for (;;) {
    const rows = await def.rows(db, where, { skip: 0, take: size, afterId, byId: true }, ctx);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
    afterId = rows[rows.length - 1].id;
  }
}
