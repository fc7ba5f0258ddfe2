import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { withIdCheck } from "../../src/domain/identifiers/id-number";
import { hydrated, login, logout, makeOrgWithCertificate, makePilot, makeSchool, makeUser } from "../fixtures";

/** A fresh valid 居民身份证 number of a woman born in 1985. */
function teacherId(): string {
  const mm = String(1 + Math.floor(Math.random() * 12)).padStart(2, "0");
  const dd = String(1 + Math.floor(Math.random() * 28)).padStart(2, "0");
  return withIdCheck(`1101081985${mm}${dd}${String(Math.floor(Math.random() * 500) * 2).padStart(3, "0")}`);
}

test("teachers are imported from the template, one is put forward as invigilator and the org certifies it", async ({ page }, info) => {
  test.setTimeout(120_000);
  const org = await makeOrgWithCertificate();
  const school = await makeSchool();
  await makePilot(school.id, [org.levelCode]);
  const principal = await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id });
  const reviewer = await makeUser("ORG", { orgId: org.orgId });
  await login(page, "school", principal, { trust: true });
  await page.getByRole("link", { name: "教师管理" }).first().click();
  await page.getByRole("button", { name: "批量导入教师" }).click();
  const dialog = page.getByRole("dialog", { name: "批量导入教师" });
  const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("link", { name: "下载导入模板" }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0];
  expect(ws.getRow(1).getCell(5).value).toBe("证件号码");
  const rows = [
    ["王丽华", "", "居民身份证", teacherId(), "13600000031", "讲师", "信息工程学院", "是", "510201"],
    ["张晓燕", "女", "居民身份证", teacherId(), "13600000032", "副教授", "信息工程学院", "否", ""],
    ["李错号", "", "居民身份证", "110108198501011", "13600000033", "", "", "是", ""],
  ];
  rows.forEach((r, i) => {
    const row = ws.getRow(3 + i);
    [String(i + 1), ...r].forEach((v, j) => {
      row.getCell(j + 1).value = v;
    });
    row.commit();
  });
  const file = info.outputPath("教师.xlsx");
  await wb.xlsx.writeFile(file);
  await dialog.getByLabel("选择导入文件").setInputFiles(file);
  await expect(dialog.getByTestId("import-succeeded")).toHaveText("2");
  await expect(dialog.getByTestId("import-failed")).toHaveText("1");
  await dialog.getByRole("button", { name: "关闭" }).last().click();
  await expect(page.locator("[data-teacher]")).toHaveCount(2);
  await expect(page.getByRole("tab", { name: /专任教师/ })).toContainText("1");
  await page.screenshot({ path: info.outputPath("teachers.png"), fullPage: true });

  await page.getByRole("link", { name: "考务管理" }).click();
  await page.getByRole("link", { name: "监考人员" }).click();
  await page.getByRole("button", { name: "新增监考人员" }).click();
  const d = page.getByRole("dialog", { name: "新增监考人员" });
  await d.getByLabel("搜索教师").fill("王丽华");
  await d.getByRole("combobox", { name: /^\*?教师$/ }).selectOption({ index: 1 });
  await d.getByLabel(org.certificateName).check();
  await page.screenshot({ path: info.outputPath("invigilator-form.png"), fullPage: true });
  await d.getByRole("button", { name: "提交认证" }).click();
  await expect(d).toBeHidden();
  await expect(page.locator('[data-invigilator="王丽华"]')).toContainText("待认证");
  await logout(page);

  await login(page, "org", reviewer, { trust: true });
  await page.goto("/org/invigilators");
  await hydrated(page);
  const row = page.locator('[data-invigilator="王丽华"]');
  await expect(row).toContainText(org.certificateName);
  await row.getByRole("button", { name: "认证通过" }).click();
  await expect(page.getByRole("status")).toContainText("已认证通过 1 条");
  await page.getByRole("tab", { name: /已认证/ }).click();
  await expect(page.locator('[data-invigilator="王丽华"]')).toContainText("已认证");
  await page.screenshot({ path: info.outputPath("org-certifications.png"), fullPage: true });
  await logout(page);

  await login(page, "school", principal, { trust: true });
  await page.goto("/school/invigilators");
  await hydrated(page);
  const mine = page.locator('[data-invigilator="王丽华"]');
  await expect(mine).toContainText("已认证");
  // A certified certificate keeps the invigilator from being deleted.
  await expect(mine.getByRole("button", { name: "删除" })).toHaveCount(0);
  await mine.getByRole("button", { name: "编辑" }).click();
  await expect(page.getByRole("dialog", { name: "编辑监考人员" }).getByLabel(org.certificateName)).toBeDisabled();
});
