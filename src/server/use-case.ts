// The one use-case shape (as Documenso and Cal.com): `({ ctx, input })`, ctx carrying the minted scope and the
// actor, never the session; a change runs with its audit row in one transaction, and Prisma's unique and
// not-found errors become Chinese messages here, once.
import type { Db, Tx } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { SmsGateway } from "@/server/sms/gateway";
import type { RequestMeta } from "@/server/session-user";
import type { Actor, Scope } from "@/server/tenancy";
import { writeAudit, type AuditEntry } from "@/server/audit/write";
import { conflict, notFound } from "@/server/errors";

/** What every use case receives from its procedure. */
export type UseCaseCtx<S extends Scope = Scope> = { db: Db; clock: Clock; sms: SmsGateway; scope: S; actor: Actor; meta: RequestMeta };
/** Reads need only the database, the clock and the scope. */
export type ReadCtx<S extends Scope = Scope> = { db: Db; clock: Clock; scope: S };
/** Public reference reads: no tenant. */
export type PublicCtx = { db: Db; clock: Clock };

export type Args<C, I = undefined> = I extends undefined ? { ctx: C; input?: undefined } : { ctx: C; input: I };

export type ChangeMessages = { unique?: string; notFound?: string };

/** Maps Prisma's known request errors to the use case's Chinese messages (P2002 unique, P2025 not found). */
export function mapPrismaError(e: unknown, messages: ChangeMessages = {}): unknown {
  const code = (e as { code?: string } | null)?.code;
  if (code === "P2002") return conflict(messages.unique ?? "该记录已存在，请勿重复提交");
  if (code === "P2025") return notFound(messages.notFound);
  return e;
}

/**
 * Runs `run` in one transaction and appends the audit row it describes in that same transaction: either both
 * are written or neither is.
 */
export async function change<T>(
  ctx: { db: Db; actor: Actor; meta: RequestMeta },
  run: (tx: Tx) => Promise<T>,
  audit: Omit<AuditEntry, "actor" | "ip"> | ((result: T) => Omit<AuditEntry, "actor" | "ip">),
  messages: ChangeMessages = {},
): Promise<T> {
  try {
    return await ctx.db.$transaction(async (tx) => {
      const result = await run(tx);
      const entry = typeof audit === "function" ? audit(result) : audit;
      await writeAudit(tx, { ...entry, actor: ctx.actor, ip: ctx.meta.ip });
      return result;
    });
  } catch (e) {
    throw mapPrismaError(e, messages);
  }
}
