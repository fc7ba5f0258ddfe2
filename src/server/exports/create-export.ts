// 批量导出: the ticked rows, or every row of the current filter; an SMS code to the bound phone first, at most
// 50,000 rows. The request checks and counts, then queues the work; the worker streams the .xlsx into storage
// with progress in ExportRecord; the file is downloadable by its owner for an hour.
import { collectGarbage } from "@/server/jobs/memory";
import { badRequest, forbidden, notFound } from "@/server/errors";
import { verifySmsCode } from "@/server/sms/codes";
import { fileReady, fileStamp } from "./file-ready";
import { getStorage, newKey, type Storage } from "@/server/storage";
import { writeXlsx } from "@/server/excel/export";
import { and, batchesOf, tabsOf, type ListDef } from "@/server/lists/define";
import { change, type ReadCtx, type UseCaseCtx } from "@/server/use-case";
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { Actor, Scope } from "@/server/tenancy";
import { enqueue } from "@/server/jobs/queue";
import { APPLICANT_ONLY, holdsAny } from "@/domain/auth/permissions";

export const EXPORT_MAX_ROWS = 50_000;

type AnyDef = ListDef<unknown, { id: string }, object>;
export type ExportRequest = { list: string; filter: unknown; tab?: string; ids?: string[] };
/** What travels in the job: the request and the scope its gate minted. */
export type ExportJob = ExportRequest & { exportId: string; scope: Scope; actor: Actor; ip: string | null };

async function whereOf(db: Db, def: AnyDef, scope: Scope, req: ExportRequest, now: Date) {
  const parsed = def.filter.safeParse(req.filter ?? {});
  if (!parsed.success) throw badRequest("查询条件有误");
  const base = await def.where(db, scope, parsed.data, now);
  const tab = tabsOf(def, now, scope).find((t) => t.value === req.tab);
  // Ticked ids only narrow the caller's own scope: an id outside it simply matches nothing.
  return and<object>(base, tab?.where, req.ids?.length ? { id: { in: req.ids } } : null);
}

export async function requestExport({ ctx, input }: { ctx: UseCaseCtx; input: ExportRequest & { def: AnyDef; smsCode: string } }) {
  const { db, actor, scope, def } = { ...ctx, def: input.def };
  if (!holdsAny(scope.permissions, def.permissions)) throw forbidden(scope.kind === "school" && scope.applying ? APPLICANT_ONLY : undefined);
  const where = await whereOf(db, def, scope, input, ctx.clock.now());
  const phone = (await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { phone: true } })).phone;
  await verifySmsCode(ctx, { phone: phone ?? "", purpose: "EXPORT", code: input.smsCode });
  const total = await def.count(db, where);
  if (total === 0) throw badRequest("没有可导出的数据");
  if (total > EXPORT_MAX_ROWS)
    throw badRequest(`单次最多导出 ${EXPORT_MAX_ROWS.toLocaleString("zh-CN")} 条数据，当前 ${total.toLocaleString("zh-CN")} 条，请缩小查询范围后分批导出`);
  const request: ExportRequest = { list: input.list, filter: input.filter ?? {}, tab: input.tab, ids: input.ids };
  return change(
    ctx,
    async (tx) => {
      const rec = await tx.exportRecord.create({
        data: { list: input.list, userId: actor.id, total, createdAt: ctx.clock.now(), heartbeatAt: ctx.clock.now() },
      });
      const job: ExportJob = { ...request, exportId: rec.id, scope: ctx.scope, actor, ip: ctx.meta.ip };
      await enqueue(tx, "export", job);
      return { exportId: rec.id, total };
    },
    (r) => ({
      action: "export.request",
      targetType: "ExportRecord",
      targetId: r.exportId,
      summary: `申请导出${def.title} ${total} 条${input.ids?.length ? "（勾选）" : ""}`,
    }),
  );
}

/** The worker's half: streams the rows in id-ordered batches, beating the heartbeat and counting progress. */
export async function runExport(deps: { db: Db; clock: Clock; storage?: Storage }, def: AnyDef, job: ExportJob): Promise<void> {
  const { db, clock } = deps;
  const rec = await db.exportRecord.findUnique({ where: { id: job.exportId } });
  if (!rec || rec.status !== "RUNNING") return; // already finished or given up by the clean-up job
  const where = await whereOf(db, def, job.scope, job, clock.now());
  const storage = deps.storage ?? getStorage();
  const now = clock.now();
  const key = newKey("export", "xlsx", now);
  const { stream, done } = await storage.writer(key);
  let processed = 0;
  let batch = 0;
  const batches = (async function* () {
    for await (const rows of batchesOf(def, db, where, { scope: job.scope, now: clock.now() })) {
      yield rows;
      processed += rows.length;
      await db.exportRecord.update({ where: { id: rec.id }, data: { processed, heartbeatAt: clock.now() } });
      if (++batch % 10 === 0) collectGarbage(); // every 10,000 rows: see jobs/memory.ts
    }
  })();
  const rows = await writeXlsx({
    stream,
    sheet: def.title,
    title: `${def.title}（导出时间 ${now.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}）`,
    columns: def.columns,
    batches,
  });
  const size = await done();
  await fileReady(
    db,
    job,
    {
      key,
      size,
      filename: `${def.title}_${fileStamp(now)}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      count: rows,
    },
    { action: "export", summary: `导出${def.title} ${rows} 条${job.ids?.length ? "（勾选）" : ""}` },
    clock.now(),
  );
}

/** The export dialog polls this; only the owner sees an export. */
export async function exportStatus({ ctx, input }: { ctx: ReadCtx & { actor: Actor }; input: { id: string } }) {
  const r = await ctx.db.exportRecord.findFirst({ where: { id: input.id, userId: ctx.actor.id }, include: { file: { select: { id: true, filename: true } } } });
  if (!r) throw notFound("导出记录不存在");
  return {
    id: r.id,
    status: r.status,
    total: r.total,
    processed: r.processed,
    message: r.message,
    fileId: r.file?.id ?? null,
    filename: r.file?.filename ?? null,
  };
}
