// 批量下载证书 (002 §4.2): the ticked records' certificate PDFs in one zip. The request checks what the caller may
// download (the org its plans', a school its own candidates' — a 证书负责人 its certificates') and queues the work;
// the worker streams the stored PDFs into the zip with progress in an ExportRecord, downloadable for an hour.
// Revoked certificates are left out: they are no longer to be handed out.
import { z } from "zod";
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import { badRequest } from "@/server/errors";
import { enqueue } from "@/server/jobs/queue";
import { change, type UseCaseCtx } from "@/server/use-case";
import type { Actor, Scope } from "@/server/tenancy";
import { getStorage, newKey, type Storage } from "@/server/storage";
import { ZipOut } from "@/server/files/zip";
import { fileReady, fileStamp, safeFilename } from "@/server/exports/file-ready";
import { BATCH_MAX } from "./transition";
import { issuanceWhere } from "./scope";
import { log } from "@/server/log";

export const zipSchema = z.strictObject({
  ids: z.array(z.uuid("记录不存在")).min(1, "请选择要下载的证书").max(BATCH_MAX, `一次最多下载 ${BATCH_MAX} 份证书`),
});
export type ZipJob = { exportId: string; ids: string[]; scope: Scope; actor: Actor; ip: string | null };

const downloadable = (scope: Scope, ids: string[]) => ({
  AND: [issuanceWhere(scope), { id: { in: ids }, status: "ISSUED" as const, revokedAt: null, certificateFileId: { not: null } }],
});

export async function requestCertificateZip({ ctx, input }: { ctx: UseCaseCtx; input: z.infer<typeof zipSchema> }) {
  const ids = [...new Set(input.ids)];
  const total = await ctx.db.issuance.count({ where: downloadable(ctx.scope, ids) });
  if (total === 0) throw badRequest("所选记录中没有可下载的证书（须为完成发放且未撤销）");
  const now = ctx.clock.now();
  return change(
    ctx,
    async (tx) => {
      const rec = await tx.exportRecord.create({ data: { list: "certificates.zip", userId: ctx.actor.id, total, createdAt: now, heartbeatAt: now } });
      const job: ZipJob = { exportId: rec.id, ids, scope: ctx.scope, actor: ctx.actor, ip: ctx.meta.ip };
      await enqueue(tx, "certificates", job);
      return { exportId: rec.id, total };
    },
    (r) => ({ action: "issuance.zip", targetType: "ExportRecord", targetId: r.exportId, summary: `申请批量下载证书 ${r.total} 份` }),
  );
}

export async function runCertificateZip(deps: { db: Db; clock: Clock; storage?: Storage }, job: ZipJob): Promise<void> {
  const { db, clock } = deps;
  const rec = await db.exportRecord.findUnique({ where: { id: job.exportId } });
  if (!rec || rec.status !== "RUNNING") return;
  const storage = deps.storage ?? getStorage();
  try {
    // The same scoped read as the request: a record that left the caller's reach since is simply not in the zip.
    const records = await db.issuance.findMany({
      where: downloadable(job.scope, job.ids),
      orderBy: { certificateNumber: "asc" },
      select: { certificateFile: { select: { key: true, filename: true } } },
    });
    if (records.length === 0) throw badRequest("所选记录中没有可下载的证书");
    const now = clock.now();
    const key = newKey("export", "zip", now);
    const { stream, done } = await storage.writer(key);
    const zip = new ZipOut(stream);
    const names = new Set<string>();
    let n = 0;
    for (const r of records) {
      const f = r.certificateFile!;
      let name = safeFilename(f.filename);
      for (let i = 2; names.has(name); i++) name = safeFilename(f.filename).replace(/\.pdf$/i, `(${i}).pdf`);
      names.add(name);
      await zip.entry(name, await storage.read(f.key), 1);
      if (++n % 20 === 0) await db.exportRecord.update({ where: { id: rec.id }, data: { processed: n, heartbeatAt: clock.now() } });
    }
    await zip.finish();
    const size = await done();
    await fileReady(
      db,
      job,
      { key, size, filename: `证书_${fileStamp(now)}.zip`, contentType: "application/zip", count: n },
      { action: "issuance.zip.generate", summary: `打包下载证书 ${n} 份` },
      clock.now(),
    );
  } catch (e) {
    const known = (e as { code?: string }).code === "BAD_REQUEST";
    if (!known) log.error({ err: e }, "certificate zip failed");
    await db.exportRecord.updateMany({
      where: { id: rec.id, status: "RUNNING" },
      data: { status: "FAILED", message: known ? (e as Error).message : "打包失败，请稍后重试", finishedAt: clock.now() },
    });
  }
}
