import { expect, test } from "@playwright/test";
import { login, makeSchool, makeUser } from "../fixtures";

test("a school applies by major under the open plan and submits; the submitted application is locked", async ({ page }, info) => {
  const school = await makeSchool("420111"); // 武汉: 湖北 第二批 is open now and by major
  await login(page, "school", await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id }));
  await page.getByRole("link", { name: "证书管理" }).click();
  await page.getByRole("link", { name: "证书试点申报" }).click();
  await page.getByRole("button", { name: "申报证书试点" }).click();
  await page.getByRole("dialog", { name: "申报计划" }).getByRole("button", { name: "立即申报" }).first().click();
  const d = page.getByRole("dialog", { name: "申报证书试点" });
  // An empty form is checked before the irreversible-submit confirmation is offered.
  await d.getByRole("button", { name: "保存并提交" }).click();
  await expect(d.getByRole("alert")).toContainText("请选择试点证书");
  await expect(d.getByRole("button", { name: "确定提交" })).toHaveCount(0);
  await d.getByLabel("选择试点证书").selectOption({ label: "化工精馏安全控制职业技能等级证书（中级）" });
  await d.getByLabel("搜索专业").fill("应用化工");
  await d.getByRole("button", { name: /【470201】应用化工技术/ }).click();
  await d.getByLabel("应用化工技术在校学生数").fill("200");
  await d.getByLabel("应用化工技术专任教师数").fill("8");
  await d.getByLabel("应用化工技术申请培训人数").fill("300");
  await d.getByLabel("师资情况").fill("化工专业专任教师 8 人，其中双师型 5 人");
  await d.getByLabel("场地情况").fill("精馏仿真实训室 2 间，工位 60 个");
  await d.getByRole("button", { name: "保存并提交" }).click();
  await expect(d.getByRole("alert")).toContainText("申请培训人数不能超过本专业在校学生数");
  await expect(d.getByRole("button", { name: "确定提交" })).toHaveCount(0);
  await d.getByLabel("应用化工技术申请培训人数").fill("120");
  await expect(d.getByText("申请培训总人数：120")).toBeVisible();
  await page.screenshot({ path: info.outputPath("application.png"), fullPage: true });
  await d.getByRole("button", { name: "保存并提交" }).click();
  await d.getByRole("button", { name: "确定提交" }).click();
  await expect(d).toBeHidden();
  const row = page.locator("tbody tr").filter({ has: page.locator('[data-certificate="化工精馏安全控制职业技能等级证书"]') });
  await expect(row).toContainText("待初审"); // 武汉 has a city department and the plan asks for city review first
  await expect(row).toContainText("120");
  await expect(row.getByRole("button", { name: "编辑" })).toHaveCount(0);
});

test("申报计划's 立即申报 opens the form for that plan, 取消 goes back to the plans; a 未提交 application can be deleted", async ({ page }, info) => {
  const school = await makeSchool("420111");
  await login(page, "school", await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id }));
  await page.goto("/school/plans");
  const open = page
    .locator("tbody tr")
    .filter({ has: page.getByRole("link", { name: "立即申报" }) })
    .first();
  const batch = await open.getAttribute("data-batch");
  await open.getByRole("link", { name: "立即申报" }).click();
  const d = page.getByRole("dialog", { name: "申报证书试点" });
  await expect(d.getByLabel("申报计划")).toBeDisabled();
  await expect(d.getByLabel("申报计划").locator("option:checked")).toContainText(batch!);
  await d.getByRole("button", { name: "取消" }).click();
  const plans = page.getByRole("dialog", { name: "申报计划" });
  await expect(plans.locator(`tr[data-plan="${batch}"]`)).toBeVisible();
  await page.screenshot({ path: info.outputPath("plans-chooser.png"), fullPage: true });
  await plans.getByRole("button", { name: "立即申报" }).first().click();
  await d.getByLabel("选择试点证书").selectOption({ label: "化工精馏安全控制职业技能等级证书（中级）" });
  await d.getByLabel("搜索专业").fill("应用化工");
  await d.getByRole("button", { name: /【470201】应用化工技术（高职专科 · 新版专业目录）/ }).click();
  await d.getByLabel("应用化工技术在校学生数").fill("100");
  await d.getByLabel("应用化工技术专任教师数").fill("4");
  await d.getByLabel("应用化工技术申请培训人数").fill("40");
  await d.getByLabel("师资情况").fill("化工专业专任教师 4 人");
  await d.getByLabel("场地情况").fill("仿真实训室 1 间");
  await d.getByRole("button", { name: "保存", exact: true }).click();
  await expect(d).toBeHidden();
  const row = page.locator("tbody tr").filter({ has: page.locator('[data-certificate="化工精馏安全控制职业技能等级证书"]') });
  await expect(row).toContainText("未提交");
  page.once("dialog", (x) => x.accept());
  await row.getByRole("button", { name: "删除" }).click();
  await expect(row).toHaveCount(0);
});
