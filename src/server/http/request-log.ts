// Every request gets an id (the load balancer's X-Request-Id when we trust it, else a new one), answered in the
// response's X-Request-Id, carried by every log line written while it runs, and one access line when it ends: the
// path without its query (tRPC GET inputs and signed links live there), the status and the time taken.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { log as processLog, logContext } from "@/server/log";

const FROM_PROXY = /^[A-Za-z0-9._:-]{8,128}$/;

/** opts: whether the balancer's id is believed (TRUSTED_PROXY set) and where lines go (tests). */
export function withRequestLog(
  req: IncomingMessage,
  res: ServerResponse,
  next: () => unknown,
  { trustProxy = !!process.env.TRUSTED_PROXY, log = processLog }: { trustProxy?: boolean; log?: Logger } = {},
): void {
  const given = req.headers["x-request-id"];
  const requestId = trustProxy && typeof given === "string" && FROM_PROXY.test(given) ? given : randomUUID();
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  const start = performance.now();
  res.once("finish", () => {
    const url = req.url ?? "";
    const q = url.indexOf("?");
    logContext.run({ requestId }, () =>
      log.info(
        { method: req.method, path: q < 0 ? url : url.slice(0, q), status: res.statusCode, ms: Math.round((performance.now() - start) * 10) / 10 },
        "request",
      ),
    );
  });
  logContext.run({ requestId }, next);
}
