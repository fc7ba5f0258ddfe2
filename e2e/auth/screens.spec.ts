// Screens a person would look at: the public home and a portal at phone width.
import { expect, test } from "@playwright/test";
import { login, makeSchool, makeUser } from "../fixtures";

test("the public home page lists the portals and the latest certificates", async ({ page }, info) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "业务平台入口" })).toBeVisible();
  await expect(page.locator("#certificates tbody tr")).toHaveCount(8);
  await page.screenshot({ path: info.outputPath("home.png"), fullPage: true });
  await page.getByRole("link", { name: /院校/ }).first().click();
  await expect(page).toHaveURL(/\/school\/login/);
});

test("a portal is usable at phone width", async ({ browser }, info) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  const school = await makeSchool();
  const user = await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id });
  await page.goto("/school/login");
  await page.screenshot({ path: info.outputPath("login-phone.png"), fullPage: true });
  await login(page, "school", user);
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
  // The top bar and the sub-menu give way to the drawer, which holds every page (issue 10 item 20).
  await expect(page.getByRole("navigation", { name: "主菜单" })).toBeHidden();
  await page.getByRole("button", { name: "菜单", exact: true }).click();
  const drawer = page.getByRole("dialog", { name: "导航菜单" });
  for (const item of ["证书试点申报", "申报计划", "试点院校管理", "本校考生管理", "社会考生管理"])
    await expect(drawer.getByRole("link", { name: item, exact: true })).toBeVisible();
  await page.screenshot({ path: info.outputPath("menu-phone.png") });
  await drawer.getByRole("link", { name: "用户管理" }).click();
  await expect(page.getByRole("heading", { name: "用户管理" })).toBeVisible();
  await expect(drawer).toBeHidden();
  await page.screenshot({ path: info.outputPath("users-phone.png"), fullPage: true });
  await ctx.close();
});

test("an unknown address gets the site's own 404 page, and the favicon is served", async ({ page, request }, info) => {
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "您访问的页面不存在" })).toBeVisible();
  await expect(page.getByRole("link", { name: /职业技能等级证书信息管理服务平台/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "返回首页" })).toHaveAttribute("href", "/");
  await page.screenshot({ path: info.outputPath("404.png"), fullPage: true });
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
});
