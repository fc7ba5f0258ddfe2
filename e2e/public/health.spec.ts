// /api/health as a load balancer calls it: the built app, its database and the worker the run started.
import { expect, test } from "@playwright/test";

test("health: the database, the migrations and a live worker", async ({ request }) => {
  const r = await request.get("/api/health");
  expect(r.status()).toBe(200);
  const body = await r.json();
  expect(body).toMatchObject({ ok: true, database: { ok: true }, migrations: { ok: true, pending: [] }, worker: { ok: true } });
  expect(r.headers()["cache-control"]).toBe("no-store");
});

test("every response names its request: pages, API and the public lookup path alike", async ({ request }) => {
  const ids = new Set<string>();
  for (const r of [
    await request.get("/lookup"),
    await request.get("/api/health"),
    await request.post("/api/trpc/lookup.challenge", { data: {}, headers: { "sec-fetch-site": "same-origin" } }),
  ]) {
    expect(r.ok()).toBe(true);
    expect(r.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers()["x-content-type-options"]).toBe("nosniff");
    ids.add(r.headers()["x-request-id"]);
  }
  expect(ids.size).toBe(3);
});
