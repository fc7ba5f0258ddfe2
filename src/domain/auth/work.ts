// Proof of work beside the image captcha (the scheme of ALTCHA): the server picks a secret n below max and
// publishes salt and SHA-256(salt + n); the browser finds n by trying. A person waits a fraction of a second
// while typing; a script pays for every attempt, and a glyph-matching solver alone no longer gets in.
import { z } from "zod";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";

export type WorkChallenge = { salt: string; hash: string; max: number };

export const workHash = (salt: string, n: number): string => bytesToHex(sha256(utf8ToBytes(`${salt}${n}`)));

/** Finds n, a chunk at a time so the page stays responsive; null when nothing below max fits. */
export async function solveWork(c: WorkChallenge, opts: { chunk?: number; signal?: AbortSignal } = {}): Promise<number | null> {
  const target = hexToBytes(c.hash);
  const chunk = opts.chunk ?? 5000;
  for (let start = 0; start < c.max; start += chunk) {
    if (opts.signal?.aborted) return null;
    for (let n = start; n < Math.min(start + chunk, c.max); n++) {
      const h = sha256(utf8ToBytes(`${c.salt}${n}`));
      let same = true;
      for (let i = 0; i < 32 && same; i++) same = h[i] === target[i];
      if (same) return n;
    }
    await new Promise((r) => setTimeout(r, 0));
  }
  return null;
}

/** What a form sends with a captcha: its id, the typed characters and the proof of work. */
export const captchaReply = {
  captchaId: z.string().max(64),
  captchaAnswer: z.string().trim().min(1, "请输入图形验证码").max(8),
  captchaWork: z.number().int().min(0).max(10_000_000),
};
