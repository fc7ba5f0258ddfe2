// The web process's own path for the public lookups (src/server/http/public-api.ts), over real HTTP on PostgreSQL: the
// same procedures and answers as /api/trpc (challenge cookie, proof of work, the lookup itself), the same guards
// (cross-site POST, body cap, security headers), and only single public lookup calls take it.
import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { fixedClock } from "@/server/clock";
import { solveWork, type WorkChallenge } from "@/domain/auth/work";
import { handlePublicLookup, publicLookupPath } from "@/server/http/public-api";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import { createTRPCRouter } from "@/server/api/trpc";
import { lookupRouter } from "@/server/api/routers/lookup";
import { OutboxSmsGateway } from "@/server/sms/gateway";
import { requestMetaFromHeaders } from "@/server/auth/request-meta";
import { makeCertificate, makeExamPlan, makeIssuedCertificate, makeOrg, makeResultFor, makeSchool } from "../support/factories";

const t = useTestDb();
const start = new Date("2026-03-02T00:00:00Z");
const day = 86_400_000;
let base = "";
let server: http.Server;
// tRPC's own node adapter over the same procedures: the reference the public path must answer exactly like.
let reference = "";
let refServer: http.Server;
const f = {} as { name: string; number: string };

beforeAll(async () => {
  const org = await makeOrg(t.db);
  const cert = await makeCertificate(t.db, org.id);
  const school = await makeSchool(t.db);
  const plan = await makeExamPlan(t.db, org.id, { start, schoolIds: [school.id], levelIds: [cert.levels[0].id] });
  const regId = await makeResultFor(t.db, { schoolId: school.id, planId: plan.id, levelId: cert.levels[0].id, outcome: "PASSED", at: start });
  const issued = await makeIssuedCertificate(t.db, regId, { at: new Date(start.getTime() + 40 * day) });
  const reg = await t.db.registration.findUniqueOrThrow({ where: { id: regId } });
  Object.assign(f, { name: reg.name, number: issued.certificateNumber! });
  const clock = fixedClock(new Date(start.getTime() + 50 * day));
  server = http.createServer((req, res) => {
    req.headers["x-vslc-peer"] = "198.51.100.20";
    const path = publicLookupPath(req);
    if (!path) return void res.writeHead(404).end();
    void handlePublicLookup(req, res, path, { db: t.db, clock });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const router = createTRPCRouter({ lookup: lookupRouter });
  refServer = http.createServer((req, res) => {
    req.headers["x-vslc-peer"] = "198.51.100.21";
    const path = publicLookupPath(req);
    if (!path) return void res.writeHead(404).end();
    const headers = new Headers(Object.entries(req.headers).map(([k, v]) => [k, String(v)] as [string, string]));
    void nodeHTTPRequestHandler({
      router,
      req,
      res,
      path,
      createContext: () => ({
        db: t.db,
        readDb: t.db,
        clock,
        sms: new OutboxSmsGateway(t.db),
        session: null,
        meta: {
          ...requestMetaFromHeaders(headers),
          deviceToken: null,
          captchaToken: /vslc_captcha=([0-9a-f]{32})/.exec(req.headers.cookie ?? "")?.[1] ?? null,
        },
        setCookie: (c: string) => res.appendHeader("set-cookie", c),
      }),
    });
  });
  await new Promise<void>((r) => refServer.listen(0, "127.0.0.1", r));
  reference = `http://127.0.0.1:${(refServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await new Promise((r) => refServer.close(r));
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}, at = base) =>
  fetch(`${at}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("the public lookup path", () => {
  it("answers 证书查询 as /api/trpc does: a challenge bound by its cookie, spent once", async () => {
    const r1 = await post("lookup.challenge", {});
    expect(r1.status).toBe(200);
    expect(r1.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r1.headers.get("x-frame-options")).toBe("DENY");
    const cookie = r1.headers.get("set-cookie")!.split(";")[0];
    expect(cookie).toMatch(/^vslc_captcha=[0-9a-f]{32}$/);
    const c = ((await r1.json()) as { result: { data: { json: { id: string; work: WorkChallenge } } } }).result.data.json;
    const input = { json: { by: "number", certificateNumber: f.number, name: f.name, challengeId: c.id, work: await solveWork(c.work) } };
    const r2 = await post("lookup.certificates", input, { cookie });
    expect(r2.status).toBe(200);
    const body = (await r2.json()) as { result: { data: { json: { found: boolean; certificates: { certificateNumber: string; state: string }[] } } } };
    expect(body.result.data.json.found).toBe(true);
    expect(body.result.data.json.certificates[0]).toMatchObject({ certificateNumber: f.number, state: "有效" });
    // The same challenge again: refused in Chinese, as by the tRPC route.
    const again = await post("lookup.certificates", input, { cookie });
    expect(again.status).toBe(400);
    expect(JSON.stringify(await again.json())).toContain("安全校验未通过");
  });

  it("refuses a cross-site POST, an oversized body and bad input with Chinese messages", async () => {
    const cross = await post("lookup.challenge", {}, { "sec-fetch-site": "cross-site" });
    expect(cross.status).toBe(403);
    expect(JSON.stringify(await cross.json())).toContain("请求来源不被允许");
    const big = await post("lookup.scores", JSON.stringify({ json: { name: "x".repeat(2 * 1024 * 1024) } }));
    expect(big.status).toBe(413);
    const bad = await post("lookup.scores", { json: { name: "张三", idNumber: "12<>", challengeId: "x", work: 0 } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("证件号码只能包含");
  });

  it("answers exactly as tRPC's own adapter: single calls and batches of one, found, refused, malformed", async () => {
    const cases: [string, unknown][] = [
      ["lookup.scores", { json: { name: "张三", idNumber: "12<>", challengeId: "x", work: 0 } }],
      ["lookup.scores?batch=1", { 0: { json: { name: "张三", idNumber: "12<>", challengeId: "x", work: 0 } } }],
      ["lookup.certificates?batch=1", { 0: { json: { by: "number", certificateNumber: "1", name: "张三", challengeId: "x", work: 0 } } }],
      ["lookup.scores", { json: { name: "张三", idNumber: "110101199003071234", challengeId: crypto.randomUUID(), work: 1 } }],
      ["lookup.scores?batch=1", { 0: { json: { name: "张三", idNumber: "110101199003071235", challengeId: crypto.randomUUID(), work: 1 } } }],
      ["lookup.scores", "{not json"],
      ["lookup.scores?batch=1", {}],
    ];
    for (const [path, body] of cases) {
      const [mine, theirs] = [await post(path, body), await post(path, body, {}, reference)];
      expect(mine.status, path).toBe(theirs.status);
      expect(await mine.json(), path).toEqual(await theirs.json());
    }
    // A success has the same shape both ways, one call or a batch of one (what the browser's httpBatchLink sends).
    for (const path of ["lookup.challenge", "lookup.challenge?batch=1"]) {
      const body = path.includes("batch") ? { 0: { json: null } } : {};
      const shape = async (r: Response) => JSON.stringify(await r.json()).replace(/"[0-9a-f-]{8,}"/g, '"…"');
      const [mine, theirs] = [await post(path, body), await post(path, body, {}, reference)];
      expect(mine.status).toBe(200);
      expect(mine.headers.get("set-cookie")).toMatch(/^vslc_captcha=/);
      expect(await shape(mine)).toBe(await shape(theirs));
    }
    // The browser's way: a batch of one with the challenge's cookie.
    const r1 = await post("lookup.challenge?batch=1", { 0: { json: null } });
    const cookie = r1.headers.get("set-cookie")!.split(";")[0];
    const c = ((await r1.json()) as { result: { data: { json: { id: string; work: WorkChallenge } } } }[])[0].result.data.json;
    const r2 = await post(
      "lookup.certificates?batch=1",
      { 0: { json: { by: "number", certificateNumber: f.number, name: f.name, challengeId: c.id, work: await solveWork(c.work) } } },
      { cookie },
    );
    expect(r2.status).toBe(200);
    expect(((await r2.json()) as { result: { data: { json: { found: boolean } } } }[])[0].result.data.json.found).toBe(true);
  });

  it("takes only single POSTed public lookup calls; everything else goes to Next", () => {
    const req = (method: string, url: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
      ({ method, url, headers }) as unknown as IncomingMessage;
    expect(publicLookupPath(req("POST", "/api/trpc/lookup.scores"))).toBe("lookup.scores");
    expect(publicLookupPath(req("POST", "/api/trpc/lookup.challenge?batch=0"))).toBe("lookup.challenge");
    for (const [m, u] of [
      ["GET", "/api/trpc/lookup.scores"],
      ["POST", "/api/trpc/lookup.scores,lookup.scores"],
      ["POST", "/api/trpc/auth.me"],
      ["POST", "/api/trpc/lookup.scoresX"],
      ["POST", "/lookup"],
    ])
      expect(publicLookupPath(req(m, u))).toBeNull();
    // Another content type or a streaming accept: Next's tRPC route answers (and refuses) as before.
    expect(publicLookupPath(req("POST", "/api/trpc/lookup.scores", { "content-type": "text/plain" }))).toBeNull();
    expect(publicLookupPath(req("POST", "/api/trpc/lookup.scores", { "content-type": "application/json", "trpc-accept": "application/jsonl" }))).toBeNull();
    expect(publicLookupPath(req("POST", "/api/trpc/lookup.scores", { "content-type": "application/json; charset=utf-8" }))).toBe("lookup.scores");
  });
});
