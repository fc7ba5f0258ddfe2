import { expect, test } from "@playwright/test";
import { anyId, login, makeUser } from "../fixtures";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

test("an org adds a standard with its PDF, enables it, and the attachment downloads", async ({ page }, info) => {
  const org = await makeUser("ORG", { orgId: await anyId("EvaluationOrg", `code = '126'`) });
  await login(page, "org", org);
  await page.getByRole("link", { name: "标准管理" }).click();
  await expect(page.getByRole("heading", { name: "职业技能等级标准" })).toBeVisible();
  await page.getByRole("button", { name: "新增标准" }).click();
  const dialog = page.getByRole("dialog", { name: "新增职业技能等级标准" });
  const code = `E${Date.now().toString().slice(-8)}`;
  await dialog.getByRole("textbox", { name: "标准代码" }).fill(code);
  await dialog.getByRole("textbox", { name: "标准名称" }).fill("智能网联汽车检测职业技能等级标准");
  await dialog.locator('input[type="file"]').setInputFiles({ name: "标准.docx", mimeType: "application/pdf", buffer: PDF });
  await expect(dialog.getByRole("alert")).toContainText("文件格式不正确");
  await dialog.locator('input[type="file"]').setInputFiles({ name: "智能网联汽车检测标准.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(dialog.getByText("智能网联汽车检测标准.pdf")).toBeVisible();
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog).toBeHidden();

  await page.getByLabel("标准代码").fill(code);
  await page.getByRole("button", { name: "查询" }).click();
  const row = page.locator("tbody tr[data-row-id]");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("已停用");
  await row.getByRole("button", { name: "启用" }).click();
  await expect(row).toContainText("已启用");
  await expect(row.getByRole("button", { name: "修改" })).toHaveCount(0);
  await row.getByRole("button", { name: "查看" }).click();
  const link = page.getByRole("link", { name: "智能网联汽车检测标准.pdf" });
  await expect(link).toBeVisible();
  const res = await page.request.get((await link.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await page.screenshot({ path: info.outputPath("standard.png"), fullPage: true });
  // Another org's rows carry no maintenance buttons.
  await page.getByRole("button", { name: "关闭" }).last().click();
  await page.getByRole("button", { name: "重置" }).click();
  const foreign = page.locator("tbody tr[data-row-id]", { hasText: "达内教育" });
  await expect(foreign.first()).toBeVisible();
  await expect(foreign.first().getByRole("button", { name: /启用|停用|修改/ })).toHaveCount(0);
});
