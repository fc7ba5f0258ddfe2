import { getDb, getReadDb } from "@/server/db";
import { systemClock } from "@/server/clock";
import { createSmsGateway } from "@/server/sms/gateway";
import { getCurrentUser } from "@/server/auth/current";
import { requestMetaFromHeaders } from "@/server/auth/request-meta";
import { DEVICE_COOKIE, readCookie } from "@/server/auth/device-cookie";
import { CAPTCHA_COOKIE } from "@/server/auth/captcha";
import type { Context } from "./trpc";

export async function createHttpContext(req: Request, resHeaders: Headers): Promise<Context> {
  const db = getDb();
  return {
    db,
    readDb: getReadDb(),
    clock: systemClock,
    sms: createSmsGateway(db),
    // No session cookie, no session: the public lookups (publication day's load) skip next-auth altogether.
    session: /(^|;\s*)(__Secure-)?next-auth\.session-token/.test(req.headers.get("cookie") ?? "") ? await getCurrentUser() : null,
    meta: {
      ...requestMetaFromHeaders(req.headers),
      deviceToken: readCookie(req.headers.get("cookie"), DEVICE_COOKIE),
      captchaToken: readCookie(req.headers.get("cookie"), CAPTCHA_COOKIE),
    },
    setCookie: (c) => resHeaders.append("set-cookie", c),
  };
}
