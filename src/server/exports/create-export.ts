// 批量导出: the ticked rows, or every row of the current filter; an SMS code to the bound phone first,
// at most 50,000 rows, written as a streamed .xlsx into storage, downloadable by its owner for an hour.
import { badRequest, forbidden } from "@/server/errors";
import { verifySmsCode } from "@/server/sms/codes";
import { writeAudit } from "@/server/audit/write";
import { getStorage, newKey, type Storage } from "@/server/storage";
import { writeXlsx } from "@/server/excel/export";
import { and, batchesOf, type ListDef } from "@/server/lists/define";
import type { UseCaseCtx } from "@/server/use-case";

export const EXPORT_MAX_ROWS = 50_000;
export const EXPORT_TTL_MS = 60 * 60 * 1000;

export async function createExport<F, R extends { id: string }, W extends object>({
  ctx: deps,
  input,
}: {
  ctx: UseCaseCtx & { storage?: Storage };
  input: { def: ListDef<F, R, W>; filter: unknown; tab?: string; ids?: string[]; smsCode: string };
}): Promise<{ fileId: string; rows: number; filename: string }> {
  const { db, clock, actor: user, meta, def } = { ...deps, def: input.def };
  if (!def.roles.includes(user.role)) throw forbidden();
  const parsed = def.filter.safeParse(input.filter ?? {});
  if (!parsed.success) throw badRequest("查询条件有误");
  const phone = (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { phone: true } })).phone;
  await verifySmsCode(deps, { phone: phone ?? "", purpose: "EXPORT", code: input.smsCode });

  const base = await def.where(db, deps.scope, parsed.data);
  const tab = def.tabs?.find((t) => t.value === input.tab);
  // Ticked ids only narrow the caller's own scope: an id outside it simply matches nothing.
  const where = and<W>(base, tab?.where, input.ids?.length ? ({ id: { in: input.ids } } as unknown as W) : null);
  const total = await def.count(db, where);
  if (total === 0) throw badRequest("没有可导出的数据");
  if (total > EXPORT_MAX_ROWS)
    throw badRequest(`单次最多导出 ${EXPORT_MAX_ROWS.toLocaleString("zh-CN")} 条数据，当前 ${total.toLocaleString("zh-CN")} 条，请缩小查询范围后分批导出`);

  const storage = deps.storage ?? getStorage();
  const now = clock.now();
  const key = newKey("export", "xlsx", now);
  const { stream, done } = await storage.writer(key);
  const rows = await writeXlsx({
    stream,
    sheet: def.title,
    title: `${def.title}（导出时间 ${now.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}）`,
    columns: def.columns,
    batches: batchesOf(def, db, where),
  });
  const size = await done();
  const stamp = now.toLocaleString("sv-SE", { timeZone: "Asia/Shanghai" }).replace(/[-: ]/g, "").slice(0, 12);
  const filename = `${def.title}_${stamp}.xlsx`;
  const file = await db.$transaction(async (tx) => {
    const f = await tx.storedFile.create({
      data: {
        key,
        purpose: "EXPORT",
        filename,
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        size,
        ownerUserId: user.id,
        rowCount: rows,
        expiresAt: new Date(now.getTime() + EXPORT_TTL_MS),
      },
    });
    await writeAudit(tx, {
      actor: user,
      action: "export",
      targetType: "StoredFile",
      targetId: f.id,
      summary: `导出${def.title} ${rows} 条${input.ids?.length ? "（勾选）" : ""}`,
      ip: meta.ip,
    });
    return f;
  });
  return { fileId: file.id, rows, filename };
}
