import { expect, test } from "@playwright/test";
import { hydrated, login, makeAccessRole, makePilot, makeSchool, makeUser, smsCode, submitPassword, uniquePhone } from "../fixtures";

test("a principal creates a sub-account with a role and 证书负责人; it logs in, binds, and sees only its role's menus and its certificates", async ({
  page,
  browser,
}, info) => {
  const school = await makeSchool();
  // A role without 考生管理 (manual 002 §8.1: the admin maintains roles; see roles.spec.ts for the screen).
  const role = await makeAccessRole(["school.orgs", "school.certificates"]);
  await makePilot(school.id, ["60000011", "60000032"]);
  const principal = await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id });
  await login(page, "school", principal);
  await page.getByRole("link", { name: "系统管理" }).click();
  await page.getByRole("button", { name: "新增用户" }).click();
  const account = `sub${Date.now().toString(36)}`;
  const dialog = page.getByRole("dialog", { name: "新增用户" });
  await dialog.getByRole("textbox", { name: "账号", exact: true }).fill(account);
  await dialog.getByRole("textbox", { name: "姓名", exact: true }).fill("赵老师");
  await dialog.getByLabel("角色").selectOption({ label: role.name });
  await expect(dialog.getByText("可用菜单：培训评价组织、证书信息管理")).toBeVisible();
  await dialog.getByRole("radio", { name: "是" }).check();
  await dialog.getByLabel("负责的证书").selectOption({ label: "JAVA应用开发职业技能等级证书（初级）" });
  await dialog.getByRole("button", { name: "添加到列表" }).click();
  await dialog.getByRole("button", { name: "获取验证码" }).click();
  await dialog.getByLabel("短信验证码").fill(await smsCode(browser, principal.phone!, "用户管理"));
  await page.screenshot({ path: info.outputPath("create-user.png"), fullPage: true });
  await dialog.getByRole("button", { name: "确定" }).click();
  const shown = page.getByRole("dialog", { name: "新的初始密码" }).getByTestId("initial-password");
  await expect(shown).toHaveText(/^\S{12}$/);
  const initial = (await shown.textContent())!.trim();
  await page.getByRole("button", { name: "我已记下" }).click();
  const row = page.locator(`tr[data-account="${account}"]`);
  await expect(row).toContainText("赵老师");
  await expect(row).toContainText(`${role.name}（证书负责人）`);
  // 修改 and 删除 appear only for a stopped account.
  await expect(row.getByRole("button", { name: "修改" })).toHaveCount(0);

  const ctx = await browser.newContext();
  const sub = await ctx.newPage();
  await submitPassword(sub, "school", account, initial);
  await expect(sub).toHaveURL(/\/account\/bind/);
  await hydrated(sub);
  const phone = uniquePhone();
  await sub.getByLabel("姓名").fill("赵老师");
  await sub.getByLabel("手机号").fill(phone);
  await sub.getByRole("button", { name: "获取验证码" }).click();
  await sub.getByLabel("短信验证码").fill(await smsCode(browser, phone, "绑定手机号"));
  await sub.getByRole("textbox", { name: "新密码", exact: true }).fill("Zhao@2026ok");
  await sub.getByLabel("确认密码").fill("Zhao@2026ok");
  await sub.getByRole("button", { name: "保存并进入平台" }).click();
  await expect(sub.getByRole("heading", { name: "工作台" })).toBeVisible();
  await expect(sub.getByRole("link", { name: "系统管理" })).toHaveCount(0);
  await expect(sub.getByRole("link", { name: "考务管理" })).toHaveCount(0);
  // The page guard reads the same role: typing the address leads back to the workbench.
  await sub.goto("/school/candidates");
  await expect(sub).toHaveURL(/\/school$/);
  await sub.getByRole("link", { name: "证书管理" }).click();
  const rows = sub.locator("tbody tr[data-row-id]");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("JAVA应用开发职业技能等级证书");
  await sub.getByRole("link", { name: "机构管理" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("达内教育");
  await sub.screenshot({ path: info.outputPath("sub-orgs.png"), fullPage: true });
  await ctx.close();

  // The initial password is no longer viewable once changed.
  await page.reload();
  await row.getByRole("button", { name: "查看" }).click();
  await expect(page.getByText("使用人已修改密码，任何人都无法查看")).toBeVisible();
});
