import { expect, test } from "@playwright/test";
import { CAPTCHA, login, makeSchool, makeUser, smsCode, submitPassword } from "../fixtures";

test("forgot password through the bound phone", async ({ page, browser }) => {
  const school = await makeSchool();
  const user = await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id });
  await page.goto("/school/login");
  await page.getByRole("link", { name: "忘记密码" }).click();
  // The login page has a captcha too: wait for the new page itself before typing.
  await expect(page.getByRole("heading", { name: "忘记密码" })).toBeVisible();
  await expect(page.getByAltText("图形验证码")).toBeVisible();
  await page.getByLabel("账号").fill(user.account);
  await page.getByLabel("绑定的手机号").fill(user.phone!);
  await page.getByLabel("图形验证码").fill(CAPTCHA);
  await page.getByRole("button", { name: "获取短信验证码" }).click();
  await expect(page.getByText("如果账号与手机号匹配，验证码已发送到该手机")).toBeVisible();
  await page.getByLabel("短信验证码").fill(await smsCode(browser, user.phone!, "重置密码"));
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("Forgot@2026ok");
  await page.getByLabel("确认密码").fill("Forgot@2026ok");
  await page.getByRole("button", { name: "重置密码" }).click();
  await expect(page.getByText("密码已重置")).toBeVisible();

  await submitPassword(page, "school", user.account, "E2e@2026pass");
  await expect(page.locator(".alert-error")).toContainText("账号或密码错误");
  await login(page, "school", user, { password: "Forgot@2026ok" });
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
});
