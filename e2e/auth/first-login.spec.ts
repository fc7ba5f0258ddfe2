import { expect, test } from "@playwright/test";
import { hydrated, makeSchool, makeUser, smsCode, submitPassword, uniquePhone, login, logout } from "../fixtures";

test("first login binds name and phone and replaces the initial password", async ({ page, browser }, info) => {
  const school = await makeSchool();
  const user = await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id }, { bound: false });
  await submitPassword(page, "school", user.account, "E2e@2026pass");
  await expect(page).toHaveURL(/\/account\/bind/);
  await expect(page.getByRole("heading", { name: "首次登录：绑定使用人信息" })).toBeVisible();
  // Pages of the portal stay closed until binding is done.
  await page.goto("/school/users");
  await expect(page).toHaveURL(/\/account\/bind/);
  await hydrated(page);

  const phone = uniquePhone();
  await page.getByLabel("姓名").fill("黄老师");
  await page.getByLabel("手机号").fill(phone);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByRole("button", { name: /秒后重新获取/ })).toBeVisible();
  const code = await smsCode(browser, phone, "绑定手机号");
  await page.getByLabel("短信验证码").fill(code);
  // A weak password is refused with a Chinese reason, and nothing changes.
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("abcdefgh");
  await page.getByLabel("确认密码").fill("abcdefgh");
  await page.getByRole("button", { name: "保存并进入平台" }).click();
  await expect(page.locator(".alert-error")).toContainText("至少三类");
  await page.screenshot({ path: info.outputPath("bind.png"), fullPage: true });

  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("Bound@2026ok");
  await page.getByLabel("确认密码").fill("Bound@2026ok");
  await page.getByRole("button", { name: "保存并进入平台" }).click();
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
  await expect(page.getByText("黄老师，您好")).toBeVisible();
  await logout(page);

  // The next login asks for an SMS code to the newly bound phone.
  await login(page, "school", { account: user.account, phone }, { password: "Bound@2026ok" });
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
});
