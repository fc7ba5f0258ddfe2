// The web process: Next.js behind a plain Node HTTP server, so the platform knows the TCP peer of every
// request. `next start` passes a client's own X-Forwarded-For through untouched, and that let anyone rotate
// it past the per-IP limits and forge the audit log's IP (issue 10). The peer goes in x-vslc-peer, which a
// client cannot set: any incoming value is overwritten. request-meta.ts trusts X-Forwarded-For only behind
// the proxies TRUSTED_PROXY names.
// argv: [--dev] <port>
import http from "node:http";
import path from "node:path";
import next from "next";
import { handlePublicLookup, publicLookupPath } from "../src/server/http/public-api";
import { withRequestLog } from "../src/server/http/request-log";
import { log } from "../src/server/log";

const dev = process.argv.includes("--dev");
const port = Number(process.argv.filter((a) => /^\d+$/.test(a))[0] ?? process.env.PORT ?? 3000);
const app = next({ dev, dir: path.resolve(import.meta.dirname, ".."), hostname: "0.0.0.0", port });
const handle = app.getRequestHandler();
await app.prepare();
const server = http.createServer((req, res) => {
  req.headers["x-vslc-peer"] = req.socket.remoteAddress ?? "";
  // Publication day's lookups are answered here, beside Next (src/server/http/public-api.ts); the rest by Next.
  const lookup = dev ? null : publicLookupPath(req);
  withRequestLog(req, res, () => (lookup ? handlePublicLookup(req, res, lookup) : handle(req, res)));
});
if (dev) server.on("upgrade", app.getUpgradeHandler());
server.listen(port, "0.0.0.0", () => log.info({ port, dev }, `网页服务已启动：http://localhost:${port}${dev ? "（开发模式）" : ""}`));

// Behind a load balancer an instance is stopped with SIGTERM: it takes no new connection, lets the requests in
// flight finish (idle keep-alive connections are closed), and exits; after 10 s it exits anyway.
const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
