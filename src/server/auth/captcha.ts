// Image captcha whose answer lives in PostgreSQL (hashed, 5 minutes, single use), so any instance can check it.
// Each is bound to the client that fetched it (a cookie whose keyed hash the row keeps) and comes with a proof
// of work (src/domain/auth/work.ts) that the browser solves while the person types.
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import svgCaptchaModule from "svg-captcha";
import { poolSql, type Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import { env } from "@/server/env";
import { keyedHash, safeEqualHex } from "@/server/crypto";
import { AppError } from "@/server/errors";
import { hitLimit } from "@/server/rate-limit";
import { workHash, type WorkChallenge } from "@/domain/auth/work";

// The package draws a given text when called directly; its typings omit that signature.
const svgCaptcha = svgCaptchaModule as unknown as (text: string, options: Record<string, unknown>) => string;

const CHARS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const TTL_MS = 5 * 60 * 1000;
/** The answer of the deterministic provider, allowed only outside production (see env.ts). */
export const FIXED_CAPTCHA_ANSWER = "8888";

function answerText(): string {
  if (env().CAPTCHA_PROVIDER === "fixed") return FIXED_CAPTCHA_ANSWER;
  let s = "";
  for (let i = 0; i < 4; i++) s += CHARS[randomInt(0, CHARS.length)];
  return s;
}

/** Captchas a client may fetch a minute: a login needs one; 200 in 10 s from one address is a script. */
export const CAPTCHAS_PER_MINUTE = 120;

export const CAPTCHA_COOKIE = "vslc_captcha";
const TOKEN = /^[0-9a-f]{32}$/;
const clientHash = (token: string) => keyedHash(`captcha-client:${token}`);

/** The client's captcha cookie: kept while valid, so its tabs share one binding; HttpOnly, this site only. */
export function captchaCookie(token: string, secure: boolean): string {
  return `${CAPTCHA_COOKIE}=${token}; Path=/; Max-Age=${TTL_MS / 1000}; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`;
}

export type CaptchaDeps = {
  db: Db;
  clock: Clock;
  meta?: { ip: string | null; captchaToken?: string | null };
  setCookie?: (cookie: string) => void;
};

// A challenge without an image (the public lookups: accessible to screen readers and keyboard users) stores this
// answer. It holds lowercase letters, so no typed answer (upper-cased before hashing) can ever match it.
const WORK_ONLY = "work-only";

export async function createCaptcha(deps: CaptchaDeps): Promise<{ id: string; svg: string; work: WorkChallenge }> {
  const text = answerText();
  const { id, work } = await createChallenge(deps, text);
  const svg = svgCaptcha(text, { noise: 3, color: true, background: "#f1f5f9", width: 120, height: 40, fontSize: 46 });
  return { id, svg, work };
}

/** A proof-of-work challenge alone, bound to the client like the image captcha (the public lookups). */
export async function createWorkChallenge(deps: CaptchaDeps): Promise<{ id: string; work: WorkChallenge }> {
  return createChallenge(deps, WORK_ONLY);
}

async function createChallenge({ db, clock, meta, setCookie }: CaptchaDeps, text: string): Promise<{ id: string; work: WorkChallenge }> {
  if (meta?.ip && !(await hitLimit(db, clock, { key: `captcha:ip:${meta.ip}`, windowSeconds: 60, max: CAPTCHAS_PER_MINUTE })))
    throw new AppError("TOO_MANY_REQUESTS", "请求过于频繁，请稍后再试");
  const token = meta?.captchaToken && TOKEN.test(meta.captchaToken) ? meta.captchaToken : randomBytes(16).toString("hex");
  setCookie?.(captchaCookie(token, env().APP_MODE === "production"));
  const max = env().CAPTCHA_WORK;
  const salt = randomBytes(12).toString("hex");
  const hash = workHash(salt, randomInt(0, max));
  const id = randomUUID();
  await poolSql(db, "captcha_create")`
    INSERT INTO "Captcha" (id, "answerHash", "clientHash", "workSalt", "workHash", "workMax", "expiresAt")
    VALUES (${id}::uuid, ${keyedHash(text === WORK_ONLY ? WORK_ONLY : text.toUpperCase())}, ${clientHash(token)}, ${salt}, ${hash}, ${max}::int,
            ${new Date(clock.now().getTime() + TTL_MS)})`;
  return { id, work: { salt, hash, max } };
}

/** What a form sends back: the captcha's id, the typed answer and the proof of work. */
export type CaptchaReply = { captchaId: string; captchaAnswer: string; captchaWork: number };

/**
 * Consumes the captcha whatever the answer (one guess per image), and only from the client it was drawn for:
 * true when the answer and the proof of work are both right.
 */
export async function checkCaptcha(db: Db, clock: Clock, reply: CaptchaReply, client: string | null | undefined): Promise<boolean> {
  return consume(
    db,
    clock,
    reply.captchaId,
    client,
    (answerHash) => safeEqualHex(answerHash, keyedHash(reply.captchaAnswer.trim().toUpperCase())),
    reply.captchaWork,
  );
}

/** What a lookup sends back: the challenge's id and the proof of work. */
export type WorkReply = { challengeId: string; work: number };

/** Consumes a proof-of-work challenge (never an image captcha), only from the client it was made for. */
export async function checkWorkChallenge(db: Db, clock: Clock, reply: WorkReply, client: string | null | undefined): Promise<boolean> {
  return consume(db, clock, reply.challengeId, client, (answerHash) => safeEqualHex(answerHash, keyedHash(WORK_ONLY)), reply.work);
}

async function consume(db: Db, clock: Clock, id: string, client: string | null | undefined, answered: (answerHash: string) => boolean, work: number) {
  if (!/^[0-9a-f-]{36}$/i.test(id) || !client || !TOKEN.test(client)) return false;
  const rows = await poolSql(db, "captcha_consume")<{ answerHash: string; workSalt: string; workHash: string }>`
    UPDATE "Captcha" SET "usedAt" = ${clock.now()}
    WHERE id = ${id}::uuid AND "usedAt" IS NULL AND "expiresAt" > ${clock.now()} AND "clientHash" = ${clientHash(client)}
    RETURNING "answerHash", "workSalt", "workHash"`;
  if (rows.length === 0) return false;
  const [row] = rows;
  return answered(row.answerHash) && Number.isSafeInteger(work) && safeEqualHex(row.workHash, workHash(row.workSalt, work));
}

/** Deletes captchas, SMS codes, login challenges, rate-limit windows and worker beats that expired a day ago or more. */
export async function purgeExpired(db: Db, clock: Clock): Promise<void> {
  const before = new Date(clock.now().getTime() - 86400000);
  await db.captcha.deleteMany({ where: { expiresAt: { lt: before } } });
  await db.smsCode.deleteMany({ where: { expiresAt: { lt: before } } });
  await db.loginChallenge.deleteMany({ where: { expiresAt: { lt: before } } });
  await db.rateLimit.deleteMany({ where: { windowStart: { lt: before } } });
  // A worker that died without stopping leaves its last beat; a day later it goes.
  await db.workerHeartbeat.deleteMany({ where: { beatAt: { lt: before } } });
}
