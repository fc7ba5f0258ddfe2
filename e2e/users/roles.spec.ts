import { expect, test } from "@playwright/test";
import { login, makeSchool, makeUser, sql } from "../fixtures";

test("the platform admin maintains a school role in 角色管理: create, then edit its menus; a role in use cannot be deleted", async ({ page }, info) => {
  await login(page, "admin", await makeUser("ADMIN"));
  await page.goto("/admin/roles");
  await expect(page.getByRole("heading", { name: "角色管理" })).toBeVisible();
  // The seeded roles of a real school are there.
  await expect(page.locator('tr[data-role="业务管理员"]')).toBeVisible();

  const name = `考务${Date.now().toString(36).slice(-5)}`;
  await page.getByRole("button", { name: "新增角色" }).click();
  const dialog = page.getByRole("dialog", { name: "新增角色" });
  await dialog.getByLabel("角色名称").fill(name);
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog.getByRole("alert")).toContainText("请至少选择一项菜单权限");
  await dialog.getByRole("checkbox", { name: "考生管理" }).check();
  await dialog.getByRole("checkbox", { name: "标准查看" }).check();
  await page.screenshot({ path: info.outputPath("role-dialog.png"), fullPage: true });
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText(`已保存角色“${name}”`);
  // Other tests add roles of their own: find this one by name.
  await page.getByLabel("角色名称").fill(name);
  await page.getByRole("button", { name: "查询" }).click();
  const row = page.locator(`tr[data-role="${name}"]`);
  await expect(row).toContainText("标准查看、考生管理");

  await row.getByRole("button", { name: "编辑" }).click();
  const edit = page.getByRole("dialog", { name: "编辑角色" });
  await edit.getByRole("checkbox", { name: "证书管理" }).check(); // the whole section
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(row).toContainText("证书信息管理、证书试点申报、申报计划");

  // A sub-account of the test's own school holds a role of its own: that role is in use.
  const sub = await makeUser("SCHOOL_ADMIN", { schoolId: (await makeSchool()).id });
  const [{ name: inUse }] = await sql<{ name: string }>(`SELECT r.name FROM "AccessRole" r JOIN "User" u ON u."accessRoleId" = r.id WHERE u.id = $1`, [sub.id]);
  await page.getByLabel("角色名称").fill(inUse);
  await page.getByRole("button", { name: "查询" }).click();
  page.once("dialog", (d) => d.accept());
  await page.locator(`tr[data-role="${inUse}"]`).getByRole("button", { name: "删除" }).click();
  await expect(page.getByText("该角色已分配给 1 个账号")).toBeVisible();
  await page.screenshot({ path: info.outputPath("roles.png"), fullPage: true });
});
