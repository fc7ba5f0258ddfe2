// Every public lookup passes here first: the limits (per client address and per looked-up key, in PostgreSQL) are
// counted whatever happens next, then the client's proof-of-work challenge is consumed.
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import { AppError, badRequest } from "@/server/errors";
import { hitLimits, type Limit } from "@/server/rate-limit";
import { checkWorkChallenge } from "@/server/auth/captcha";
import { CHALLENGE_FAILED, LOOKUP_LIMITS, TOO_MANY_LOOKUPS } from "@/domain/lookup/rules";
import { keyedHash } from "@/server/crypto";

/** db: the primary (limits, challenges); readDb: where the lookup itself reads (the replica when configured). */
export type LookupCtx = { db: Db; readDb: Db; clock: Clock; meta: { ip: string | null; captchaToken: string | null } };

/** keys: what the query names (an ID number, a certificate number); kept as keyed hashes, never in clear. */
export async function guardLookup(ctx: LookupCtx, reply: { challengeId: string; work: number }, keys: { kind: "id" | "certificate"; value: string }[]) {
  const limits: Limit[] = [
    { key: `lookup:ip:${ctx.meta.ip ?? "unknown"}`, windowSeconds: 60, max: LOOKUP_LIMITS.perClientPerMinute },
    ...keys.map((k) => ({
      key: `lookup:${k.kind}:${keyedHash(`lookup:${k.value}`).slice(0, 32)}`,
      windowSeconds: 3600,
      max: k.kind === "id" ? LOOKUP_LIMITS.perIdNumberPerHour : LOOKUP_LIMITS.perCertificateNumberPerHour,
    })),
  ];
  if (!(await hitLimits(ctx.db, ctx.clock, limits))) throw new AppError("TOO_MANY_REQUESTS", TOO_MANY_LOOKUPS);
  if (!(await checkWorkChallenge(ctx.db, ctx.clock, reply, ctx.meta.captchaToken))) throw badRequest(CHALLENGE_FAILED);
}
