// The route handlers' guards run before the session or the body is read: cross-site posts and oversized
// bodies are refused whoever sends them (no database needed to show it).
import { describe, expect, it } from "vitest";
import { POST as trpcPost } from "@/app/api/trpc/[trpc]/route";
import { POST as uploadPost } from "@/app/api/upload/[purpose]/route";
import { POST as importPost } from "@/app/api/import/[kind]/route";
import { crossSite } from "@/server/http/guards";

const base = "http://127.0.0.1:3000";
const req = (path: string, headers: Record<string, string>, body?: BodyInit) =>
  new Request(base + path, { method: "POST", headers: { host: "127.0.0.1:3000", ...headers }, body, duplex: "half" } as RequestInit);

describe("cross-site requests", () => {
  it("tells a page of another origin (another port too) from the platform's own", () => {
    expect(crossSite(req("/x", { "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(crossSite(req("/x", { "sec-fetch-site": "same-site" }))).toBe(true);
    expect(crossSite(req("/x", { "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(crossSite(req("/x", { origin: "http://127.0.0.1:3000" }))).toBe(false);
    expect(crossSite(req("/x", { origin: "http://127.0.0.1:8931" }))).toBe(true);
    expect(crossSite(req("/x", {}))).toBe(false); // not a browser page: no cookie riding along
  });

  it("upload, import and tRPC refuse a same-site page on another port before reading the session", async () => {
    const h = { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:8931", "content-length": "10" };
    const up = await uploadPost(req("/api/upload/candidate-photo", h, "x".repeat(10)), { params: Promise.resolve({ purpose: "candidate-photo" }) });
    expect(up.status).toBe(403);
    expect((await up.json()).message).toContain("请求来源不被允许");
    const im = await importPost(req("/api/import/candidates", h, "x".repeat(10)), { params: Promise.resolve({ kind: "candidates" }) });
    expect(im.status).toBe(403);
    const tr = await trpcPost(req("/api/trpc/candidates.save", { ...h, "content-type": "application/json" }, "{}"));
    expect(tr.status).toBe(403);
  });
});

describe("tRPC body size", () => {
  it("refuses a declared 100 MB body at once and stops reading a chunked one past 1 MB", async () => {
    const declared = await trpcPost(req("/api/trpc/auth.login", { "content-type": "application/json", "content-length": String(100 * 1024 * 1024) }, "{}"));
    expect(declared.status).toBe(413);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        sent += 64 * 1024;
        c.enqueue(new Uint8Array(64 * 1024).fill(32));
        if (sent > 50 * 1024 * 1024) c.close();
      },
    });
    const chunked = await trpcPost(req("/api/trpc/auth.login", { "content-type": "application/json" }, endless));
    expect(chunked.status).toBe(413);
    expect(sent).toBeLessThan(2 * 1024 * 1024);
  });
});
