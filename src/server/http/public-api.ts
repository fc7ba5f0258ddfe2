// Publication day's hot path: the public lookups (成绩查询, 证书查询 and their challenge) answered by the web process
// itself, in front of Next's router — the same tRPC procedures, input schemas, guards and errors as /api/trpc, without
// Next's per-request routing and Web-stream conversion (measured by `npm run bench -- lookup`). Anything else, a batch
// included, goes to Next as before. Public procedures only: no session is ever read here.
import type { IncomingMessage, ServerResponse } from "node:http";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import { createTRPCRouter } from "@/server/api/trpc";
import { lookupRouter } from "@/server/api/routers/lookup";
import { getDb, getReadDb, type Db } from "@/server/db";
import { systemClock, type Clock } from "@/server/clock";
import { createSmsGateway } from "@/server/sms/gateway";
import { requestMetaFromHeaders } from "@/server/auth/request-meta";
import { CAPTCHA_COOKIE } from "@/server/auth/captcha";
import { DEVICE_COOKIE, readCookie } from "@/server/auth/device-cookie";
import { CROSS_SITE, crossSite, MAX_TRPC_BODY } from "./guards";
import { SECURITY_HEADERS } from "./security-headers";
import { log } from "@/server/log";

const PATH = /^\/api\/trpc\/(lookup\.(?:challenge|scores|certificates))$/;
const router = createTRPCRouter({ lookup: lookupRouter });

/** The tRPC path when this request is one public lookup call, else null (Next answers it). */
export function publicLookupPath(req: IncomingMessage): string | null {
  if (req.method !== "POST") return null;
  const q = req.url?.indexOf("?") ?? -1;
  return PATH.exec(q < 0 ? (req.url ?? "") : req.url!.slice(0, q))?.[1] ?? null;
}

function headersOf(req: IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(", ") : v);
  return h;
}

/** deps: the process's clients and clock unless given (tests). */
export type PublicApiDeps = { db?: Db; readDb?: Db; clock?: Clock };

export async function handlePublicLookup(req: IncomingMessage, res: ServerResponse, path: string, deps: PublicApiDeps = {}): Promise<void> {
  for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
  const headers = headersOf(req);
  if (crossSite({ headers })) {
    res.writeHead(CROSS_SITE.status, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: CROSS_SITE.message } }));
    return;
  }
  try {
    await serve(req, res, path, headers, deps);
  } catch (e) {
    log.error({ err: e }, "public lookup failed");
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: "系统繁忙，请稍后再试" } }));
  }
}

function serve(req: IncomingMessage, res: ServerResponse, path: string, headers: Headers, deps: PublicApiDeps) {
  return nodeHTTPRequestHandler({
    router,
    req,
    res,
    path,
    maxBodySize: MAX_TRPC_BODY,
    createContext: () => {
      const db = deps.db ?? getDb();
      const cookie = headers.get("cookie");
      return {
        db,
        readDb: deps.readDb ?? deps.db ?? getReadDb(),
        clock: deps.clock ?? systemClock,
        sms: createSmsGateway(db),
        session: null,
        meta: { ...requestMetaFromHeaders(headers), deviceToken: readCookie(cookie, DEVICE_COOKIE), captchaToken: readCookie(cookie, CAPTCHA_COOKIE) },
        setCookie: (c: string) => res.appendHeader("set-cookie", c),
      };
    },
  });
}
