// Publication day's hot path: the public lookups (成绩查询, 证书查询 and their challenge) answered by the web process
// itself, in front of Next's router — the same tRPC procedures, input schemas, guards, error shapes and wire format as
// /api/trpc (a single call, or httpBatchLink's batch of one), without Next's routing and without the Web Request /
// Response round trip of tRPC's adapters: the body is read once, the answer written in one piece (measured by
// `npm run bench -- lookup`; tests/integration/public-api.test.ts compares it with tRPC's own handler). Anything else —
// a real batch, another content type, a streaming accept — goes to Next. Public procedures only: no session is read.
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  callProcedure,
  getErrorShape,
  getHTTPStatusCodeFromError,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
  TRPCError,
  type TRPCResponse,
} from "@trpc/server/unstable-core-do-not-import";
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
  if (req.method !== "POST" || req.headers["trpc-accept"]) return null;
  if (req.headers["content-type"]?.split(";", 1)[0].trim().toLowerCase() !== "application/json") return null;
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

/** The body as text, or null past max (a declared length over it is refused before reading). */
async function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  if (Number(req.headers["content-length"] ?? 0) > max) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function serve(req: IncomingMessage, res: ServerResponse, path: string, headers: Headers, deps: PublicApiDeps) {
  const config = router._def._config;
  const batch = new URLSearchParams(req.url?.split("?")[1] ?? "").get("batch") === "1";
  const db = deps.db ?? getDb();
  const cookie = headers.get("cookie");
  const ctx = {
    db,
    readDb: deps.readDb ?? deps.db ?? getReadDb(),
    clock: deps.clock ?? systemClock,
    sms: createSmsGateway(db),
    session: null,
    meta: { ...requestMetaFromHeaders(headers), deviceToken: readCookie(cookie, DEVICE_COOKIE), captchaToken: readCookie(cookie, CAPTCHA_COOKIE) },
    setCookie: (c: string) => res.appendHeader("set-cookie", c),
  };
  let input: unknown;
  let status = 200;
  let item: TRPCResponse;
  try {
    const text = await readBody(req, MAX_TRPC_BODY);
    if (text === null) throw new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: "请求内容过大" });
    let raw: unknown;
    try {
      raw = text ? JSON.parse(text) : undefined;
    } catch (cause) {
      throw new TRPCError({ code: "BAD_REQUEST", cause });
    }
    const json = batch && raw && typeof raw === "object" ? (raw as Record<string, unknown>)["0"] : raw;
    input = json === undefined ? undefined : config.transformer.input.deserialize(json);
    item = { result: { data: await callProcedure({ router, path, getRawInput: async () => input, ctx, type: "mutation", signal: undefined, batchIndex: 0 }) } };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    status = getHTTPStatusCodeFromError(error);
    item = { error: getErrorShape({ config, error, type: "mutation", path, input, ctx }) };
  }
  const body = JSON.stringify(transformTRPCResponse(config, batch ? [item] : item));
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}
