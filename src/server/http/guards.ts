// Request guards for the route handlers, applied before anything reads the session or the body.

/**
 * True when a browser sent this request from another origin (another port of the same host counts: the
 * cookie is the same). A multipart or form POST needs no CORS preflight, so the upload and import routes
 * would otherwise act on a cross-site page's behalf with the user's cookie. Browsers send Sec-Fetch-Site (or
 * at least Origin) with every POST; a request with neither is not from a browser page and carries no CSRF.
 */
export function crossSite(req: { headers: Headers }): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export const CROSS_SITE = { status: 403, message: "请求来源不被允许，请在本平台页面内操作" } as const;

/**
 * The body read with a cap, before any parser sees it: refuses a declared length over max at once, and stops
 * reading a chunked body as soon as it passes max. Returns the request with its body buffered, or null.
 */
export async function withBodyLimit(req: Request, max: number): Promise<Request | null> {
  if (req.method === "GET" || req.method === "HEAD" || !req.body) return req;
  const declared = req.headers.get("content-length");
  if (declared && Number(declared) > max) return null;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Request(req.url, { method: req.method, headers: req.headers, body: Buffer.concat(chunks) });
}

/** The largest legitimate tRPC input (an announcement's text, a thousand ids) is far below this. */
export const MAX_TRPC_BODY = 1024 * 1024;
