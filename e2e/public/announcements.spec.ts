import { expect, test } from "@playwright/test";
import { login, makeUser } from "../fixtures";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

test("the admin publishes a notice with an attachment; the public reads and downloads it; withdrawn it is gone", async ({ page, browser }, info) => {
  const admin = await makeUser("ADMIN");
  await login(page, "admin", admin);
  await page.getByRole("link", { name: "信息发布" }).click();
  await page.getByRole("button", { name: "新建公告" }).click();
  const dialog = page.getByRole("dialog", { name: "新建公告" });
  const title = `关于开展第二批考核站点申报的通知 ${Date.now()}`;
  await dialog.getByRole("textbox", { name: "标题" }).fill(title);
  await dialog.getByRole("textbox", { name: "正文" }).fill("各试点院校：\n请于本月底前完成考核站点申报。\n特此通知。");
  await dialog.locator('input[type="file"]').setInputFiles({ name: "申报说明.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(dialog.getByText("申报说明.pdf")).toBeVisible();
  await dialog.getByRole("button", { name: "保存" }).click();
  const row = page.locator(`tr[data-title="${title}"]`);
  await expect(row).toContainText("草稿");
  await row.getByRole("button", { name: "发布" }).click();
  await expect(row).toContainText("已发布");

  const anon = await browser.newContext();
  const pub = await anon.newPage();
  await pub.goto("/");
  await pub.getByRole("link", { name: title }).click();
  await expect(pub.getByRole("heading", { name: title })).toBeVisible();
  await expect(pub.getByText("请于本月底前完成考核站点申报。")).toBeVisible();
  const href = await pub.getByRole("link", { name: "申报说明.pdf" }).getAttribute("href");
  const res = await pub.request.get(href!);
  expect(res.status()).toBe(200);
  await pub.screenshot({ path: info.outputPath("notice.png"), fullPage: true });
  const url = pub.url();

  await row.getByRole("button", { name: "撤回" }).click();
  await expect(row).toContainText("已撤回");
  expect((await pub.goto(url))?.status()).toBe(404);
  expect((await pub.request.get(href!)).status()).toBe(404);

  await pub.goto("/certificates?q=老年");
  await pub.getByRole("link", { name: "老年照护职业技能等级证书" }).click();
  await expect(pub.getByRole("heading", { name: "等级与考试科目" })).toBeVisible();
  await anon.close();
});
