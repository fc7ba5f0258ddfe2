// Must-deny: what another tenant or role tries is refused, whatever ids it sends.
import { expect, test } from "@playwright/test";
import { login, makeSchool, makeUser, sql } from "../fixtures";

async function trpc(page: import("@playwright/test").Page, path: string, input: unknown) {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  return { status: res.status(), body: await res.json() };
}

test("a principal cannot touch another school's accounts, through the UI or the API", async ({ page }) => {
  const a = await makeSchool();
  const b = await makeSchool();
  const principalA = await makeUser("SCHOOL_PRINCIPAL", { schoolId: a.id });
  const subB = await makeUser("SCHOOL_ADMIN", { schoolId: b.id });
  await login(page, "school", principalA);
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();

  for (const action of ["users.disable", "users.resetPassword", "users.resetBinding"]) {
    const r = await trpc(page, action, { userId: subB.id });
    expect(r.status).toBe(404);
    expect(r.body.error.json.message).toBe("账号不存在或无权管理");
    expect(JSON.stringify(r.body)).not.toMatch(/stack|prisma|at \//i);
  }
  const row = (await sql<{ status: string; phone: string }>(`SELECT status, phone FROM "User" WHERE id = $1`, [subB.id]))[0];
  expect(row).toEqual({ status: "ACTIVE", phone: subB.phone });

  // The list holds only the caller's own sub-accounts; a smuggled tenant id is refused.
  const list = await page.request.get(
    `/api/trpc/lists.users?input=${encodeURIComponent(JSON.stringify({ json: { filter: { schoolId: b.id }, page: 1, pageSize: 10 } }))}`,
  );
  expect(list.status()).toBe(400);
  // Another portal's pages and procedures are closed.
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/school$/);
  const audit = await page.request.get(`/api/trpc/lists.auditLog?input=${encodeURIComponent(JSON.stringify({ json: { filter: {}, page: 1, pageSize: 10 } }))}`);
  expect(audit.status()).toBe(403);
});

test("signed-out callers get nothing", async ({ page }) => {
  await page.goto("/edu/users");
  await expect(page).toHaveURL(/\/edu\/login/);
  const r = await page.request.get(`/api/trpc/workbench.get`);
  expect(r.status()).toBe(401);
  expect((await r.json()).error.json.message).toBe("登录已失效，请重新登录");
});

test("a sub-account cannot manage accounts", async ({ page }) => {
  const s = await makeSchool();
  const sub = await makeUser("SCHOOL_ADMIN", { schoolId: s.id });
  await login(page, "school", sub);
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
  await page.goto("/school/users");
  await expect(page).toHaveURL(/\/school$/);
  expect((await trpc(page, "users.enable", { userId: sub.id })).status).toBe(403);
});
