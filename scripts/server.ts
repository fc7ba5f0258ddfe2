// The web process: Next.js behind a plain Node HTTP server, so the platform knows the TCP peer of every
// request. `next start` passes a client's own X-Forwarded-For through untouched, and that let anyone rotate
// it past the per-IP limits and forge the audit log's IP (issue 10). The peer goes in x-vslc-peer, which a
// client cannot set: any incoming value is overwritten. request-meta.ts trusts X-Forwarded-For only behind
// the proxies TRUSTED_PROXY names.
// argv: [--dev] <port>
import http from "node:http";
import path from "node:path";
import next from "next";

const dev = process.argv.includes("--dev");
const port = Number(process.argv.filter((a) => /^\d+$/.test(a))[0] ?? process.env.PORT ?? 3000);
const app = next({ dev, dir: path.resolve(import.meta.dirname, ".."), hostname: "0.0.0.0", port });
const handle = app.getRequestHandler();
await app.prepare();
const server = http.createServer((req, res) => {
  req.headers["x-vslc-peer"] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
if (dev) server.on("upgrade", app.getUpgradeHandler());
server.listen(port, "0.0.0.0", () => console.log(`  网页服务已启动：http://localhost:${port}${dev ? "（开发模式）" : ""}`));
