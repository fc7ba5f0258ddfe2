// /api/health as a load balancer calls it: the built app, its database and the worker the run started.
import { expect, test } from "@playwright/test";

test("health: the database, the migrations and a live worker", async ({ request }) => {
  const r = await request.get("/api/health");
  expect(r.status()).toBe(200);
  const body = await r.json();
  expect(body).toMatchObject({ ok: true, database: { ok: true }, migrations: { ok: true, pending: [] }, worker: { ok: true } });
  expect(r.headers()["cache-control"]).toBe("no-store");
});
