// What each queue's job does. The worker process runs these; tests run them through runQueuedJobs.
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import { getStorage, type Storage } from "@/server/storage";
import { IMPORTS } from "@/server/imports/registry";
import { STALE_MS, type Importer, type ImportScope } from "@/server/imports/pipeline";
import { runExport, type ExportJob } from "@/server/exports/create-export";
import { LISTS, type ListName } from "@/server/lists/registry";
import { purgeExpired } from "@/server/auth/captcha";
import type { QueueName } from "./queue";
import { runVerification } from "@/server/candidates/verify";
import type { IdentityVerifier } from "@/server/identity/verifier";
import { runSchedulingJob } from "@/server/scheduling/run-scheduling";
import { runDocumentJob } from "@/server/scheduling/document-job";
import { lockDueScores } from "@/server/scores/lock-scores";
import { runIssueJob, stopRun } from "@/server/issuance/issue-job";
import { runCertificateZip } from "@/server/issuance/download-zip";
import { platformScopeOfOrg } from "@/server/tenancy";
import { log } from "@/server/log";

export type JobDeps = { db: Db; clock: Clock; storage?: Storage; verifier?: IdentityVerifier };
export type ImportJob = { recordId: string; importKind: string; who: Importer<ImportScope> };

/** Sources of refused or failed imports are kept this long for support, then removed. */
export const IMPORT_SOURCE_RETENTION_MS = 7 * 86_400_000;

async function runImportJob(deps: JobDeps, job: ImportJob) {
  const { db, clock } = deps;
  const entry = IMPORTS[job.importKind];
  const rec = await db.importRecord.findUnique({ where: { id: job.recordId }, include: { sourceFile: true } });
  if (!entry || !rec || rec.status !== "RUNNING") return;
  const fail = (message: string) =>
    db.importRecord.updateMany({ where: { id: rec.id, status: "RUNNING" }, data: { status: "FAILED", message, finishedAt: clock.now() } });
  if (!rec.sourceFile) return fail("导入文件已不存在，请重新上传");
  const bytes = await (deps.storage ?? getStorage()).readBuffer(rec.sourceFile.key);
  try {
    await entry.run(deps, job.who, rec.id, bytes);
  } catch (e) {
    // A refused file is already recorded with its reason; anything else ends the record with ours.
    if ((e as { code?: string }).code !== "BAD_REQUEST") {
      log.error({ err: e, importKind: job.importKind }, "import failed");
      await fail("导入异常中止，本次未写入任何数据，请稍后重新导入");
    }
  }
}

async function runExportJob(deps: JobDeps, job: ExportJob) {
  const def = LISTS[job.list as ListName];
  if (!def) return;
  try {
    await runExport(deps, def as never, job);
  } catch (e) {
    log.error({ err: e, list: job.list }, "export failed");
    await deps.db.exportRecord.updateMany({
      where: { id: job.exportId, status: "RUNNING" },
      data: { status: "FAILED", message: "导出失败，请稍后重试", finishedAt: deps.clock.now() },
    });
  }
}

/** Scheduled: expired one-time rows, ended sessions, stale jobs' records, expired exports, old import sources, score locks. */
export async function cleanUp(deps: JobDeps): Promise<Record<string, number>> {
  const { db, clock } = deps;
  const now = clock.now();
  const storage = deps.storage ?? getStorage();
  await purgeExpired(db, clock);
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const sessions = await db.authSession.deleteMany({ where: { OR: [{ expiresAt: { lt: dayAgo } }, { revokedAt: { lt: dayAgo } }] } });
  // A record whose worker stopped beating (its process died) is reported as interrupted.
  const staleBefore = new Date(now.getTime() - STALE_MS);
  const imports = await db.importRecord.updateMany({
    where: { status: "RUNNING", heartbeatAt: { lt: staleBefore } },
    data: { status: "FAILED", message: "导入中断（服务重启），本次未写入任何数据，请重新导入", finishedAt: now },
  });
  await db.verificationBatch.updateMany({
    where: { status: "RUNNING", heartbeatAt: { lt: new Date(now.getTime() - 60 * 60_000) } },
    data: { status: "FAILED", message: "认证中断，已认证的考生保留结果，请对仍为「信息待认证」的考生重新认证", finishedAt: now },
  });
  // A run writes in one transaction without beating: give it a quarter of an hour.
  await db.schedulingRun.updateMany({
    where: { status: "RUNNING", heartbeatAt: { lt: new Date(now.getTime() - 15 * 60_000) } },
    data: { status: "FAILED", stage: null, message: "排考中断（服务重启），未写入任何结果，请重新排考", finishedAt: now },
  });
  // 发放证书 beats per chunk of certificates: a run silent for a quarter of an hour has lost its worker.
  const staleRuns = await db.issueBatch.findMany({
    where: { status: "RUNNING", heartbeatAt: { lt: new Date(now.getTime() - 15 * 60_000) } },
    select: { id: true, orgId: true },
  });
  for (const r of staleRuns) await stopRun(db, { batchId: r.id, scope: platformScopeOfOrg(r.orgId) }, "证书生成中断（服务重启），请重新发放", now);
  const exports = await db.exportRecord.updateMany({
    where: { status: "RUNNING", heartbeatAt: { lt: staleBefore } },
    data: { status: "FAILED", message: "导出中断（服务重启），请重新导出", finishedAt: now },
  });
  const files = [
    ...(await db.storedFile.findMany({ where: { purpose: "EXPORT", expiresAt: { lt: now } }, select: { id: true, key: true }, take: 500 })),
    ...(await db.storedFile.findMany({
      where: {
        purpose: "IMPORT_SOURCE",
        createdAt: { lt: new Date(now.getTime() - IMPORT_SOURCE_RETENTION_MS) },
        importSources: { every: { status: "FAILED" } },
      },
      select: { id: true, key: true },
      take: 500,
    })),
  ];
  for (const f of files) {
    await storage.remove(f.key).catch(() => {});
    await db.storedFile.delete({ where: { id: f.id } });
  }
  // 成绩公示 over: the plan's scores become final (the database refuses changes from then on).
  const lockedPlans = await lockDueScores(db, now);
  return { sessions: sessions.count, staleRuns: staleRuns.length, staleImports: imports.count, staleExports: exports.count, files: files.length, lockedPlans };
}

export const HANDLERS: { [N in QueueName]: (deps: JobDeps, data: never) => Promise<unknown> } = {
  import: runImportJob as never,
  export: runExportJob as never,
  verify: ((deps: JobDeps, job: { batchId: string }) => runVerification(deps, job.batchId)) as never,
  schedule: runSchedulingJob as never,
  document: runDocumentJob as never,
  issue: runIssueJob as never,
  certificates: runCertificateZip as never,
  cleanup: (deps) => cleanUp(deps),
};
