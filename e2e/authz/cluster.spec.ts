// Two web instances and one worker on one PostgreSQL (scripts/e2e.ts starts them): a lookup challenge made by one is
// spent on the other and an ID number's lookup limit reached through one holds on the other; an export requested
// through one is done by the worker and read through the other; a session made on one works on the other, and once
// ended through the other it is refused on the first.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { solveWork } from "../../src/domain/auth/work";
import { login, makeOrgWithCertificate, makeUser, sql } from "../fixtures";

const A = process.env.E2E_BASE_URL!;
const B = process.env.E2E_BASE_URL_2!;

type Answer = { status: number; data?: unknown; message?: string };

/** A tRPC call over HTTP as the page makes it (superjson envelope, same-origin). */
async function call(request: APIRequestContext, base: string, path: string, input?: unknown, kind: "mutation" | "query" = "mutation"): Promise<Answer> {
  const headers = { origin: base, "sec-fetch-site": "same-origin" };
  const r =
    kind === "mutation"
      ? await request.post(`${base}/api/trpc/${path}`, { data: input === undefined ? {} : { json: input }, headers })
      : await request.get(`${base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers });
  const body = await r.json();
  return { status: r.status(), data: body.result?.data?.json, message: body.error?.json?.message };
}

async function lastCode(phone: string): Promise<string> {
  const [m] = await sql<{ content: string }>(`SELECT content FROM "SmsOutbox" WHERE phone = $1 ORDER BY "createdAt" DESC LIMIT 1`, [phone]);
  return /验证码为 (\d{6})/.exec(m.content)![1];
}

test("limits and challenges, jobs and sessions are shared by the instances", async ({ page, request }) => {
  test.setTimeout(180_000);
  expect(A).not.toBe(B);

  // A challenge made through one instance is spent through the other; the ID number's limit holds on both.
  const idNumber = `Z${Date.now()}`;
  for (let i = 0; i < 10; i++) {
    const c = (await call(request, i % 2 ? B : A, "lookup.challenge")).data as { id: string; work: { salt: string; hash: string; max: number } };
    const r = await call(request, i % 2 ? A : B, "lookup.scores", { name: "集群查询", idNumber, challengeId: c.id, work: await solveWork(c.work) });
    expect(r.status, r.message).toBe(200);
    expect(r.data).toMatchObject({ found: false });
  }
  for (const base of [A, B]) {
    const c = (await call(request, base, "lookup.challenge")).data as { id: string; work: { salt: string; hash: string; max: number } };
    const r = await call(request, base, "lookup.scores", { name: "集群查询", idNumber, challengeId: c.id, work: await solveWork(c.work) });
    expect(r.status).toBe(429);
    expect(r.message).toBe("查询过于频繁，请稍后再试");
  }

  // A session made through A works through B (cookies belong to the host, not the port).
  const org = await makeOrgWithCertificate();
  const user = await makeUser("ORG", { orgId: org.orgId });
  await login(page, "org", user, { trust: true });
  const saved = await page.context().cookies();
  await page.goto(`${B}/org`);
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();

  // An export requested through B: the worker writes it, A reads its status.
  const api = page.context().request;
  expect((await call(api, B, "auth.sendOwnCode", { purpose: "EXPORT" })).status).toBe(200);
  const requested = await call(api, B, "exports.create", { list: "certificates", filter: {}, smsCode: await lastCode(user.phone!) });
  expect(requested.status, requested.message).toBe(200);
  const { exportId } = requested.data as { exportId: string };
  await expect
    .poll(async () => ((await call(api, A, "exports.status", { id: exportId }, "query")).data as { status: string } | undefined)?.status, { timeout: 60_000 })
    .toBe("DONE");

  // Ended through B (退出登录), the same session cookie is refused through A.
  await page.getByRole("button", { name: "用户菜单" }).click();
  await page.getByRole("menuitem", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);
  await page.context().addCookies(saved);
  await page.goto(`${A}/org`);
  await expect(page).toHaveURL(/\/login/);
  expect((await call(page.context().request, A, "auth.me", undefined, "query")).status).toBe(401);
});
