// Structured logs: JSON lines with the request's id (given by a trusted balancer, else made here), an access line
// without the query string, jobs keeping the id of the request that queued them, and no secret or full ID / mobile
// number in any line, whatever carries it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, logContext, scrub } from "@/server/log";
import { withRequestLog } from "@/server/http/request-log";
import { enqueue } from "@/server/jobs/queue";
import { useTestDb } from "../support/db";

const t = useTestDb();

function capture() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) {
        raw.push(l);
        lines.push(JSON.parse(l));
      }
      done();
    },
  });
  return { log: createLogger(stream, "info"), lines, raw };
}

const ID = "110101199003071234";
const MOBILE = "13812345678";

describe("log lines", () => {
  it("are JSON with level, time and the request id of the context they were written in", () => {
    const c = capture();
    logContext.run({ requestId: "req-abc-123" }, () => c.log.info({ queue: "export" }, "job started"));
    c.log.warn("outside any request");
    expect(c.lines[0]).toMatchObject({ level: "info", msg: "job started", queue: "export", reqId: "req-abc-123" });
    expect(typeof c.lines[0].time).toBe("string");
    expect(c.lines[1]).toMatchObject({ level: "warn" });
    expect(c.lines[1]).not.toHaveProperty("reqId");
  });

  it("never carry a secret or a full ID or mobile number, in a field, a message or an error", () => {
    const c = capture();
    c.log.info({ user: { idNumber: ID, phone: MOBILE, password: "Secret#2026" }, headers: { cookie: "sid=abc" }, token: "t0k" }, "signed in");
    c.log.error({ err: new Error(`duplicate key value (idNumber)=(${ID}) for ${MOBILE}`) }, `lookup of ${ID} failed`);
    const all = c.raw.join("\n");
    for (const secret of [ID, MOBILE, "Secret#2026", "sid=abc", "t0k"]) expect(all).not.toContain(secret);
    expect(c.lines[0]).toMatchObject({ user: { idNumber: "[redacted]", phone: "[redacted]", password: "[redacted]" }, token: "[redacted]" });
    expect(c.lines[1].msg).toBe("lookup of 1101**********1234 failed");
    expect(JSON.stringify(c.lines[1].err)).toContain("1101**********1234");
    expect(JSON.stringify(c.lines[1].err)).toContain("138****5678");
  });

  it("leave longer numbers alone: a 23-digit 证书编号, epoch milliseconds", () => {
    const number = "00126010000010000000017";
    expect(scrub(`{"n":"${number}","t":1765012345678}`)).toBe(`{"n":"${number}","t":1765012345678}`);
    expect(scrub(`id 11010119900307123X.`)).toBe("id 1101**********123X.");
  });
});

describe("request log", () => {
  async function serve(trustProxy: boolean) {
    const c = capture();
    const seen: (string | undefined)[] = [];
    const server = http.createServer((req, res) =>
      withRequestLog(
        req,
        res,
        () => {
          seen.push(logContext.getStore()?.requestId);
          c.log.info("inside");
          res.end("ok");
        },
        { trustProxy, log: c.log },
      ),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { c, seen, base, close: () => new Promise((r) => server.close(r)) };
  }

  it("gives each request an id, answers it, logs one access line without the query", async () => {
    const s = await serve(false);
    const res = await fetch(`${s.base}/verify/123?s=signature&idNumber=${ID}`, { headers: { "x-request-id": "forged-by-client-0001" } });
    const id = res.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 20));
    await s.close();
    expect(s.seen).toEqual([id]);
    const access = s.c.lines.find((l) => l.msg === "request")!;
    expect(access).toMatchObject({ reqId: id, method: "GET", path: "/verify/123", status: 200 });
    expect(typeof access.ms).toBe("number");
    expect(s.c.lines.find((l) => l.msg === "inside")).toMatchObject({ reqId: id });
    expect(s.c.raw.join("\n")).not.toContain("signature");
  });

  it("keeps the balancer's id behind a trusted proxy, and replaces one that is not a plain token", async () => {
    const s = await serve(true);
    const kept = await fetch(`${s.base}/`, { headers: { "x-request-id": "lb-7f3a9c01-0001" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-7f3a9c01-0001");
    const odd = await fetch(`${s.base}/`, { headers: { "x-request-id": 'a b"c{}' } });
    expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    await s.close();
  });
});

describe("jobs", () => {
  it("keep the id of the request that queued them in their data, for the worker's lines", async () => {
    const queued = await logContext.run({ requestId: "req-job-0001" }, () => enqueue(t.db, "export", { exportId: crypto.randomUUID() }));
    const plain = await enqueue(t.db, "export", { exportId: crypto.randomUUID() });
    const data = async (id: string) =>
      (await t.db.$queryRawUnsafe<{ data: { requestId?: string } }[]>(`SELECT data FROM pgboss.job WHERE id = $1::uuid`, id))[0].data;
    expect((await data(queued)).requestId).toBe("req-job-0001");
    expect(await data(plain)).not.toHaveProperty("requestId");
  });
});
