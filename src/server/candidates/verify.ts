// 认证 / 批量认证: 信息待认证 candidates go through the identity verifier → 信息准确, or 需人工确认 with the
// reasons. 人工确认 is one at a time (never in batch), after looking at the reasons and the photo; it records who.
import type { IdType } from "@/domain/candidates/identity";
import { writeAudit } from "@/server/audit/write";
import { badRequest, notFound } from "@/server/errors";
import type { SchoolScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { getStorage, type Storage } from "@/server/storage";
import { createIdentityVerifier, type IdentityVerifier } from "@/server/identity/verifier";

/** Storage and verifier come from configuration unless a test hands its own. */
type Ctx = UseCaseCtx<SchoolScope> & { storage?: Storage; verifier?: IdentityVerifier };

export async function verifyCandidates({ ctx: deps, input: { ids } }: { ctx: Ctx; input: { ids: string[] } }) {
  const { db, clock } = deps;
  const { schoolId } = deps.scope;
  const rows = await db.candidate.findMany({ where: { id: { in: ids }, schoolId } });
  if (rows.length !== new Set(ids).size) throw notFound("考生不存在");
  const pending = rows.filter((r) => r.status === "PENDING_VERIFICATION");
  if (!pending.length) throw badRequest("只有「信息待认证」的考生可以认证");
  const verifier = deps.verifier ?? createIdentityVerifier();
  const storage = deps.storage ?? getStorage();
  const now = clock.now();
  let verified = 0,
    review = 0;
  for (const c of pending) {
    const file = c.photoFileId ? await db.storedFile.findUnique({ where: { id: c.photoFileId } }) : null;
    const photo = file ? await storage.readBuffer(file.key).catch(() => null) : null;
    let result;
    try {
      result = await verifier.verify({ name: c.name, idType: c.idType as IdType, idNumber: c.idNumber, photo }, now);
    } catch {
      throw badRequest("身份认证服务暂时不可用，请稍后再试");
    }
    // Conditional: an edit or another 认证 in between leaves the row alone.
    const done = await db.candidate.updateMany({
      where: { id: c.id, status: "PENDING_VERIFICATION", updatedAt: c.updatedAt },
      data: result.ok ? { status: "VERIFIED", verifiedAt: now, verifyReasons: [] } : { status: "NEEDS_REVIEW", verifyReasons: result.reasons },
    });
    if (done.count) {
      if (result.ok) verified++;
      else review++;
    }
  }
  // Each row moved on its own conditional update (an external check per row); the audit row sums them up.
  await writeAudit(db, {
    actor: deps.actor,
    action: "candidate.verify",
    targetType: "Candidate",
    summary: `考生认证 ${pending.length} 名：信息准确 ${verified}，需人工确认 ${review}`,
    ip: deps.meta.ip,
  });
  return { verified, review, skipped: rows.length - pending.length };
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
