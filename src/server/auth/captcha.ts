// Image captcha whose answer lives in PostgreSQL (hashed, 5 minutes, single use), so any instance can check it.
import { randomInt } from "node:crypto";
import svgCaptchaModule from "svg-captcha";
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import { env } from "@/server/env";
import { keyedHash, safeEqualHex } from "@/server/crypto";
import { AppError } from "@/server/errors";
import { hitLimit } from "@/server/rate-limit";

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

export async function createCaptcha({ db, clock, meta }: { db: Db; clock: Clock; meta?: { ip: string | null } }): Promise<{ id: string; svg: string }> {
  if (meta?.ip && !(await hitLimit(db, clock, { key: `captcha:ip:${meta.ip}`, windowSeconds: 60, max: CAPTCHAS_PER_MINUTE })))
    throw new AppError("TOO_MANY_REQUESTS", "请求过于频繁，请稍后再试");
  const text = answerText();
  const row = await db.captcha.create({
    data: { answerHash: keyedHash(text.toUpperCase()), expiresAt: new Date(clock.now().getTime() + TTL_MS) },
  });
  const svg = svgCaptcha(text, { noise: 3, color: true, background: "#f1f5f9", width: 120, height: 40, fontSize: 46 });
  return { id: row.id, svg };
}

/** Consumes the captcha whatever the answer: one guess per image. */
export async function checkCaptcha(db: Db, clock: Clock, id: string, answer: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  const rows = await db.$queryRaw<{ answerHash: string }[]>`
    UPDATE "Captcha" SET "usedAt" = ${clock.now()}
    WHERE id = ${id}::uuid AND "usedAt" IS NULL AND "expiresAt" > ${clock.now()}
    RETURNING "answerHash"`;
  if (rows.length === 0) return false;
  return safeEqualHex(rows[0].answerHash, keyedHash(answer.trim().toUpperCase()));
}

/** Deletes captchas, SMS codes, login challenges and rate-limit windows that expired a day ago or more. */
export async function purgeExpired(db: Db, clock: Clock): Promise<void> {
  const before = new Date(clock.now().getTime() - 86400000);
  await db.captcha.deleteMany({ where: { expiresAt: { lt: before } } });
  await db.smsCode.deleteMany({ where: { expiresAt: { lt: before } } });
  await db.loginChallenge.deleteMany({ where: { expiresAt: { lt: before } } });
  await db.rateLimit.deleteMany({ where: { windowStart: { lt: before } } });
}
