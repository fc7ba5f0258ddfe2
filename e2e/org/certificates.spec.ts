import { expect, test } from "@playwright/test";
import { anyId, login, makeUser, sql } from "../fixtures";

test("an org creates a certificate, adds a level, a subject and a major, then enables it", async ({ page }, info) => {
  const org = await makeUser("ORG", { orgId: await anyId("EvaluationOrg", `code = '129'`) });
  // 证书代码 (the levels are numbered code + 1 初级, 2 中级); test certificates start with 7, the demo's with 6000.
  const code = `7${String(Date.now()).slice(-6)}`;
  await sql(`DELETE FROM "Certificate" WHERE code = $1`, [code]);
  await login(page, "org", org);
  await page.getByRole("link", { name: "证书管理" }).click();
  await page.getByRole("button", { name: "新增证书" }).click();
  const d = page.getByRole("dialog", { name: "新增证书" });
  await d.getByRole("textbox", { name: "证书代码" }).fill(code);
  await d.getByRole("textbox", { name: "证书名称" }).fill(`化工安全生产${code}职业技能等级证书`);
  await d.getByRole("textbox", { name: "所属批次" }).fill("第五批");
  await d.getByRole("textbox", { name: "专业大类" }).fill("生物与化工大类");
  await d.getByRole("button", { name: "保存" }).click();
  await expect(d).toBeHidden();

  await page.getByLabel("证书编号").fill(code);
  await page.getByRole("button", { name: "查询" }).click();
  const rows = page.locator("tbody tr[data-row-id]");
  const row = rows.first();
  await expect(rows).toHaveCount(1);
  await expect(row).toContainText(`${code}1`);
  await expect(row).toContainText("已停用");
  await row.getByRole("button", { name: "维护" }).click();
  const m = page.getByRole("dialog", { name: /维护证书/ });
  await m.getByRole("button", { name: "增加中级" }).click();
  await expect(m.getByRole("status")).toContainText("已增加中级");
  await m.getByLabel("科目等级").selectOption({ label: `中级 ${code}2` });
  await m.getByLabel("科目编号").fill(`${code}2201`);
  await m.getByLabel("科目名称").fill("化工安全理论知识（中级）");
  await m.getByRole("button", { name: "新增科目" }).click();
  await expect(m.getByRole("cell", { name: "化工安全理论知识（中级）" })).toBeVisible();
  await m.getByLabel("搜索专业").fill("应用化工");
  await m.getByRole("button", { name: "添加" }).first().click();
  await expect(m.getByRole("status")).toContainText("已添加");
  await expect(m.getByRole("button", { name: /^移除应用化工技术/ })).toBeVisible();
  await m.getByLabel("证书简介").fill("面向化工类专业，考核化工安全生产的知识与技能。");
  await m.getByRole("button", { name: "保存基本信息" }).click();
  await expect(m.getByRole("status")).toContainText("已保存基本信息");
  await page.screenshot({ path: info.outputPath("manage.png"), fullPage: true });
  await m.getByRole("button", { name: "关闭" }).last().click();
  // One row per level, each with its own 证书编号; 启用 acts on the certificate with all its levels.
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(`${code}2`);
  await expect(rows.nth(1)).toContainText("（中级）");
  await row.getByRole("button", { name: "启用" }).click();
  await expect(rows.nth(0)).toContainText("已启用");
  await expect(rows.nth(1)).toContainText("已启用");
});
