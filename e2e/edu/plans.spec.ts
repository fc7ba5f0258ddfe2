import { expect, test } from "@playwright/test";
import { anyId, login, makeSchool, makeUser, sql } from "../fixtures";

test("a province publishes an application plan that is open now; a school of the province sees it on its workbench", async ({ page, browser }, info) => {
  const edu = await makeUser("EDU", { departmentId: await anyId("EducationDepartment", `name = '北京市教育委员会'`) });
  await login(page, "edu", edu);
  await page.getByRole("link", { name: "证书管理" }).click();
  await expect(page.getByRole("heading", { name: "申报计划" })).toBeVisible();
  await page.getByRole("button", { name: "发布申报计划" }).click();
  const d = page.getByRole("dialog", { name: "发布申报计划" });
  const batch = `第${"一二三四五六七八九十"[Math.floor(Math.random() * 10)]}${"一二三四五六七八九"[Math.floor(Math.random() * 9)]}批`;
  // The form proposes the department's next unused batch of the year (never one that exists).
  const proposed = d.getByRole("textbox", { name: "申报批次" });
  // The year the form proposes (the server's today in 北京时间), not this runner's clock.
  const year = Number(await d.getByLabel("申报年度").inputValue());
  expect(year).toBeGreaterThan(0);
  await expect(proposed).toHaveValue(/^第[一二三四五六七八九十]+批$/);
  const used = await sql<{ batch: string }>(
    `SELECT p.batch FROM "ApplicationPlan" p JOIN "EducationDepartment" e ON e.id = p."departmentId" WHERE e.name = '北京市教育委员会' AND p.year = $1`,
    [year],
  );
  expect(used.map((u) => u.batch)).not.toContain(await proposed.inputValue());
  await proposed.fill(batch);
  await d.getByLabel("要求按专业填报").check();
  await d.getByLabel("部分").check();
  await d.getByRole("button", { name: "保存" }).click();
  await expect(d.getByRole("alert")).toContainText("至少选择一个证书");
  await d.getByLabel(/6000001 JAVA/).check();
  await d.getByRole("button", { name: "保存" }).click();
  await expect(d).toBeHidden();
  const row = page.locator(`tr[data-batch="${batch}"]`);
  await expect(row).toContainText("进行中");
  await expect(row).toContainText("部分（1 个证书）");
  await page.screenshot({ path: info.outputPath("plans.png"), fullPage: true });

  const ctx = await browser.newContext();
  const school = await ctx.newPage();
  const s = await makeSchool("110108");
  await login(school, "school", await makeUser("SCHOOL_PRINCIPAL", { schoolId: s.id }));
  await expect(school.getByText(`申报计划进行中：${year}年${batch}`)).toBeVisible();
  await ctx.close();
});
