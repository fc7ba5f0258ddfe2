// 认证 / 批量认证: 信息待认证 candidates go through the identity verifier (a job in the worker: the external
// check is slow and per row) → 信息准确, or 需人工确认 with the reasons. 人工确认 is one at a time (never in batch), after looking at the reasons and the photo; it records who.
import type { IdType } from "@/domain/candidates/identity";
import { writeAudit } from "@/server/audit/write";
import { badRequest, notFound } from "@/server/errors";
import type { SchoolScope } from "@/server/tenancy";
import { change, type ReadCtx, type UseCaseCtx } from "@/server/use-case";
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import { enqueue } from "@/server/jobs/queue";
import { getStorage, type Storage } from "@/server/storage";
import { createIdentityVerifier, type IdentityVerifier } from "@/server/identity/verifier";

/** 批量认证: checks the ticked rows in scope and queues their identity checks; the page polls the batch. */
export async function verifyCandidates({ ctx, input: { ids } }: { ctx: UseCaseCtx<SchoolScope>; input: { ids: string[] } }) {
  const { db, clock, scope, actor } = ctx;
  const rows = await db.candidate.findMany({ where: { id: { in: ids }, schoolId: scope.schoolId }, select: { id: true, status: true } });
  if (rows.length !== new Set(ids).size) throw notFound("考生不存在");
  const pending = rows.filter((r) => r.status === "PENDING_VERIFICATION").map((r) => r.id);
  if (!pending.length) throw badRequest("只有「信息待认证」的考生可以认证");
  const batch = await change(
    ctx,
    async (tx) => {
      const b = await tx.verificationBatch.create({
        data: { schoolId: scope.schoolId, userId: actor.id, candidateIds: pending, total: pending.length, createdAt: clock.now(), heartbeatAt: clock.now() },
      });
      await enqueue(tx, "verify", { batchId: b.id });
      return b;
    },
    (b) => ({ action: "candidate.verify.request", targetType: "VerificationBatch", targetId: b.id, summary: `申请认证考生 ${pending.length} 名` }),
  );
  return { batchId: batch.id, total: pending.length, skipped: rows.length - pending.length };
}

/** The page polls its batch: only the school's accounts see it. */
export async function verificationStatus({ ctx, input }: { ctx: ReadCtx<SchoolScope>; input: { id: string } }) {
  const b = await ctx.db.verificationBatch.findFirst({ where: { id: input.id, schoolId: ctx.scope.schoolId } });
  if (!b) throw notFound("认证批次不存在");
  return { id: b.id, status: b.status, total: b.total, processed: b.processed, verified: b.verified, review: b.review, message: b.message };
}

type JobDeps = { db: Db; clock: Clock; storage?: Storage; verifier?: IdentityVerifier };

/** The worker's job: each row through the verifier and its own conditional update, with progress. */
export async function runVerification(deps: JobDeps, batchId: string) {
  const { db, clock } = deps;
  const batch = await db.verificationBatch.findUnique({ where: { id: batchId }, include: { user: true } });
  if (!batch || batch.status !== "RUNNING") return;
  const verifier = deps.verifier ?? createIdentityVerifier();
  const storage = deps.storage ?? getStorage();
  let { verified, review } = batch;
  let processed = 0;
  for (const id of batch.candidateIds) {
    processed++;
    const c = await db.candidate.findFirst({ where: { id, schoolId: batch.schoolId } });
    // Gone, edited or already checked (by an earlier attempt of this job, or by someone else): skipped.
    if (!c || c.status !== "PENDING_VERIFICATION") continue;
    const file = c.photoFileId ? await db.storedFile.findUnique({ where: { id: c.photoFileId } }) : null;
    const photo = file ? await storage.readBuffer(file.key).catch(() => null) : null;
    let result;
    try {
      result = await verifier.verify({ name: c.name, idType: c.idType as IdType, idNumber: c.idNumber, photo }, clock.now());
    } catch (e) {
      // The service is down: say so; pg-boss retries the job later and it picks up the rows still pending.
      await db.verificationBatch.update({
        where: { id: batch.id },
        data: { processed, verified, review, message: "身份认证服务暂时不可用，稍后自动重试", heartbeatAt: clock.now() },
      });
      throw e;
    }
    const done = await db.candidate.updateMany({
      where: { id: c.id, status: "PENDING_VERIFICATION", updatedAt: c.updatedAt },
      data: result.ok ? { status: "VERIFIED", verifiedAt: clock.now(), verifyReasons: [] } : { status: "NEEDS_REVIEW", verifyReasons: result.reasons },
    });
    if (done.count) {
      if (result.ok) verified++;
      else review++;
    }
    if (processed % 20 === 0) await db.verificationBatch.update({ where: { id: batch.id }, data: { processed, verified, review, heartbeatAt: clock.now() } });
  }
  await db.$transaction(async (tx) => {
    await tx.verificationBatch.update({
      where: { id: batch.id },
      data: { status: "DONE", processed, verified, review, message: null, finishedAt: clock.now(), heartbeatAt: clock.now() },
    });
    await writeAudit(tx, {
      actor: { id: batch.user.id, account: batch.user.account, role: batch.user.role, schoolId: batch.schoolId },
      action: "candidate.verify",
      targetType: "VerificationBatch",
      targetId: batch.id,
      summary: `考生认证 ${batch.total} 名：信息准确 ${verified}，需人工确认 ${review}`,
    });
  });
}

export async function confirmCandidate({ ctx, input: { id } }: { ctx: UseCaseCtx<SchoolScope>; input: { id: string } }) {
  const { db, clock } = ctx;
  const { schoolId } = ctx.scope;
  const c = await db.candidate.findFirst({ where: { id, schoolId } });
  if (!c) throw notFound("考生不存在");
  if (c.status !== "NEEDS_REVIEW") throw badRequest("只有「需人工确认」的考生可以人工确认");
  if (!c.photoFileId) throw badRequest("考生没有照片，请先上传照片");
  await change(
    ctx,
    async (tx) => {
      const done = await tx.candidate.updateMany({
        where: { id: c.id, status: "NEEDS_REVIEW" },
        data: { status: "VERIFIED", verifiedAt: clock.now(), confirmedById: ctx.actor.id },
      });
      if (!done.count) throw badRequest("考生状态已变化，请刷新后重试");
    },
    { action: "candidate.confirm", targetType: "Candidate", targetId: c.id, summary: `人工确认考生 ${c.name} 信息准确（原因：${c.verifyReasons.join("；")}）` },
  );
  return { ok: true };
}
