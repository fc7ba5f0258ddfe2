// Moving records through the issuance machine (src/domain/issuance/state): all the named records or none. Each
// record must be the caller's and in a state the action leaves; each moves with a guarded update (its state
// unchanged since it was read) and an event in 签发记录, in the caller's transaction.
import type { Tx } from "@/server/db";
import { badRequest, conflict, notFound } from "@/server/errors";
import type { Scope } from "@/server/tenancy";
import { transition, type IssuanceAction, type IssuanceStatus } from "@/domain/issuance/state";
import type { Prisma } from "@/generated/prisma/client";
import { issuanceWhere } from "./scope";

export const BATCH_MAX = 1000;

/** The records and where the action takes each (throws the Chinese reason when any cannot move). */
export async function plannedMoves(db: Tx, scope: Scope, ids: string[], action: IssuanceAction) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw badRequest("请选择要操作的记录");
  if (unique.length > BATCH_MAX) throw badRequest(`一次最多操作 ${BATCH_MAX} 条记录`);
  const rows = await db.issuance.findMany({ where: { AND: [issuanceWhere(scope), { id: { in: unique } }] }, select: { id: true, status: true } });
  if (rows.length !== unique.length) throw notFound("证书发放记录不存在或无权操作");
  const moves = rows.map((r) => ({ ...r, next: transition(r.status, action) }));
  const refused = moves.find((m) => "problem" in m.next);
  if (refused && "problem" in refused.next) throw badRequest(unique.length > 1 ? `所选记录中有不能操作的：${refused.next.problem}` : refused.next.problem);
  return moves.map((m) => ({ id: m.id, from: m.status, to: (m.next as { to: IssuanceStatus }).to }));
}

export async function moveIssuances(
  tx: Tx,
  scope: Scope,
  ids: string[],
  action: IssuanceAction,
  step: { at: Date; actorId: string | null; actorName: string | null; signatureId?: string; data?: Prisma.IssuanceUncheckedUpdateManyInput },
) {
  const moves = await plannedMoves(tx, scope, ids, action);
  // One guarded update per source state (a batch usually has one or two).
  const byFrom = new Map<string, string[]>();
  for (const m of moves) byFrom.set(m.from, [...(byFrom.get(m.from) ?? []), m.id]);
  for (const [from, group] of byFrom) {
    const to = moves.find((m) => m.from === from)!.to;
    const r = await tx.issuance.updateMany({ where: { id: { in: group }, status: from as IssuanceStatus }, data: { ...step.data, status: to } });
    if (r.count !== group.length) throw conflict("记录状态已被他人修改，请刷新后重试");
  }
  const reason = "reason" in action ? action.reason.trim() : "cause" in action ? action.cause.trim() : null;
  await tx.issuanceEvent.createMany({
    data: moves.map((m) => ({
      issuanceId: m.id,
      action: action.kind,
      from: m.from,
      to: m.to,
      actorId: step.actorId,
      actorName: step.actorName,
      reason,
      signatureId: step.signatureId ?? null,
      at: step.at,
    })),
  });
  return moves.length;
}
