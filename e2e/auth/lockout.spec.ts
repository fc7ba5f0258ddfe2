import { expect, test } from "@playwright/test";
import { login, logout, makeSchool, makeUser, sql, submitPassword } from "../fixtures";

test("5 wrong passwords from the user's own browser disable the account; the principal re-enables it", async ({ page, browser }, info) => {
  const school = await makeSchool();
  const principal = await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id });
  const sub = await makeUser("SCHOOL_ADMIN", { schoolId: school.id });

  // The sub-account's own browser, trusted for 7 days.
  await login(page, "school", sub, { trust: true });
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
  await logout(page);

  const messages: string[] = [];
  for (let i = 0; i < 5; i++) {
    await submitPassword(page, "school", sub.account, "Wrong@2026pw");
    const alert = page.locator(".alert-error");
    await expect(alert).toBeVisible();
    messages.push((await alert.textContent()) ?? "");
    // E2E runs with a 2-second base freeze (AUTH_FREEZE_SECONDS) that doubles with each further failure:
    // the next try waits until the account's freeze (as the database holds it) has passed, no fixed sleep.
    await expect
      .poll(
        async () =>
          (await sql<{ free: boolean }>(`SELECT ("frozenUntil" IS NULL OR "frozenUntil" < now()) AS free FROM "User" WHERE id = $1`, [sub.id]))[0].free,
        {
          timeout: 15_000,
          intervals: [100, 250, 500],
        },
      )
      .toBe(true);
  }
  // Until the password is proven right every answer is the one a stranger gets (no count, no state).
  expect(new Set(messages.map((m) => m.trim())).size).toBe(1);
  expect(messages[0]).toContain("账号或密码错误");
  expect((await sql<{ status: string }>(`SELECT status FROM "User" WHERE id = $1`, [sub.id]))[0].status).toBe("DISABLED");
  // Even the right password is refused now, and only the right one learns why.
  await submitPassword(page, "school", sub.account, "E2e@2026pass");
  await expect(page.locator(".alert-error")).toContainText("账号已停用。请联系本校试点院校负责人账号重新启用");

  // The principal, in another browser, re-enables it.
  const ctx = await browser.newContext();
  const boss = await ctx.newPage();
  await login(boss, "school", principal);
  // The workbench points at the account waiting to be re-enabled.
  await boss.getByRole("link", { name: /已停用的下级账号/ }).click();
  await expect(boss).toHaveURL(/\/school\/users\?status=DISABLED/);
  const row = boss.locator(`tr[data-account="${sub.account}"]`);
  await expect(row).toContainText("已停用");
  await row.getByRole("button", { name: "启用" }).click();
  await expect(boss.getByRole("status")).toContainText(`已启用账号 ${sub.account}`);
  await expect(row).toHaveCount(0); // it leaves the 已停用 tab
  await boss.getByRole("tab", { name: /全部/ }).click();
  await expect(row).toContainText("已启用");
  await boss.screenshot({ path: info.outputPath("users.png"), fullPage: true });
  await ctx.close();

  // Back in: the trusted browser needs no SMS.
  await submitPassword(page, "school", sub.account, "E2e@2026pass");
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
});
