import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { withIdCheck } from "../../src/domain/identifiers/id-number";
import { login, makeSchool, makeUser } from "../fixtures";
import { CSV_GBK, libreOffice } from "../../tests/support/office";

/** A fresh valid 居民身份证 number of a man born in 2004. */
function randomId(): string {
  const mm = String(1 + Math.floor(Math.random() * 12)).padStart(2, "0");
  const dd = String(1 + Math.floor(Math.random() * 28)).padStart(2, "0");
  const seq = String(Math.floor(Math.random() * 500) * 2 + 1).padStart(3, "0");
  return withIdCheck(`1101082004${mm}${dd}${seq}`);
}

test("download the template, import 3 good and 2 bad rows, see 3 added and the 2 failed rows with reasons", async ({ page }, info) => {
  test.setTimeout(120_000);
  const school = await makeSchool("110108");
  await login(page, "school", await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id }));
  await page.getByRole("link", { name: "考务管理" }).click();
  await page.getByRole("link", { name: "本校考生管理" }).click();
  await page.getByRole("button", { name: "批量导入考生信息" }).click();
  const dialog = page.getByRole("dialog", { name: "批量导入考生信息" });
  const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("link", { name: "下载导入模板" }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0];
  expect(ws.getRow(1).getCell(7).value).toBe("证件号码");
  const ids = [randomId(), randomId(), randomId()];
  const bad = randomId();
  const rows = [
    ["院校考生", "孙悟空", "", "男", "居民身份证", ids[0], "13600000011", "2024", "高职专科", "510201"],
    ["院校考生", "猪 八戒", "", "男", "居民身份证", ` ${ids[1].toLowerCase()}`, "13600000012", "2024", "专科", "510201"],
    ["社会考生", "沙和尚", "", "男", "居民身份证", ids[2], "13600000013", "", "", ""],
    ["院校考生", "唐僧", "", "男", "居民身份证", bad.slice(0, 17) + (bad[17] === "5" ? "6" : "5"), "", "2024", "高职专科", "510201"],
    ["院校考生", "白龙马", "", "男", "居民身份证", randomId(), "13600000015", "2024", "高职专科", "999999"],
  ];
  rows.forEach((r, i) => {
    const row = ws.getRow(3 + i);
    [String(i + 1), ...r].forEach((v, j) => {
      row.getCell(j + 1).value = v;
    });
    row.commit();
  });
  const file = info.outputPath("考生.xlsx");
  await wb.xlsx.writeFile(file);
  await dialog.getByLabel("选择导入文件").setInputFiles(file);
  await expect(dialog.getByTestId("import-succeeded")).toHaveText("3");
  await expect(dialog.getByTestId("import-failed")).toHaveText("2");
  const [failed] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("link", { name: "下载失败数据" }).click()]);
  const fw = new ExcelJS.Workbook();
  await fw.xlsx.load(fs.readFileSync(await failed.path()) as never);
  const sheet = fw.worksheets[0];
  const reasonCol = sheet.getRow(2).cellCount;
  expect(String(sheet.getRow(2).getCell(reasonCol).value)).toBe("失败原因");
  expect(String(sheet.getRow(3).getCell(reasonCol).value)).toContain("校验位");
  expect(String(sheet.getRow(4).getCell(reasonCol).value)).toContain("专业代码 999999");
  await page.screenshot({ path: info.outputPath("import-result.png"), fullPage: true });
  await dialog.getByRole("button", { name: "关闭" }).last().click();
  // 本校考生管理 lists the 院校考生; the 社会考生 imported with them is under 社会考生管理.
  await expect(page.locator("[data-candidate]")).toHaveCount(2);
  await expect(page.locator('[data-candidate="猪八戒"]')).toContainText(`${ids[1].slice(0, 3)}****${ids[1].slice(-4)}`);
  await expect(page.locator('[data-candidate="猪八戒"]')).toContainText("(Zhu Bajie)");
  await expect(page.locator("tbody")).not.toContainText(ids[0]); // masked in the list
  await page.getByRole("button", { name: "导入记录" }).click();
  await expect(page.getByRole("dialog", { name: "导入记录" }).locator("tbody tr").first()).toContainText("已完成");
  await page.screenshot({ path: info.outputPath("candidates.png"), fullPage: true });
  await page.getByRole("dialog", { name: "导入记录" }).getByRole("button", { name: "关闭" }).last().click();
  await page.getByRole("link", { name: "社会考生管理" }).click();
  await expect(page.getByRole("heading", { name: "社会考生管理" })).toBeVisible();
  await expect(page.locator("[data-candidate]")).toHaveCount(1);
  await expect(page.locator('[data-candidate="沙和尚"]')).toBeVisible();
});

test("an .xls is refused at once with how to save it as .xlsx; the sheet saved as a GBK .csv is imported", async ({ page }, info) => {
  test.setTimeout(120_000);
  const school = await makeSchool("110108");
  await login(page, "school", await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id }));
  await page.goto("/school/candidates");
  await page.getByRole("button", { name: "批量导入考生信息" }).click();
  const dialog = page.getByRole("dialog", { name: "批量导入考生信息" });
  const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("link", { name: "下载导入模板" }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const row = wb.worksheets[0].getRow(3);
  ["1", "院校考生", "孙小圣", "", "男", "居民身份证", randomId(), "13600000011", String(new Date().getFullYear() - 1), "高职专科", "510201"].forEach(
    (v, j) => (row.getCell(j + 1).value = v),
  );
  row.commit();
  const filled = Buffer.from(await wb.xlsx.writeBuffer());
  // Both written by LibreOffice, as an office user's 「另存为」 would.
  const xls = info.outputPath("考生.xls");
  fs.writeFileSync(xls, libreOffice(filled, "考生.xlsx", "xls:MS Excel 97"));
  await dialog.getByLabel("选择导入文件").setInputFiles(xls);
  await expect(dialog.getByRole("alert")).toContainText(
    "这是 Excel 97-2003 或 WPS 表格文件（.xls / .et），请在 Excel 或 WPS 中打开，「另存为」Excel 工作簿（*.xlsx）后导入",
  );
  const csv = info.outputPath("考生.csv");
  fs.writeFileSync(csv, libreOffice(filled, "考生.xlsx", CSV_GBK));
  await dialog.getByLabel("选择导入文件").setInputFiles(csv);
  await expect(dialog.getByTestId("import-succeeded")).toHaveText("1");
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  await dialog.getByRole("button", { name: "关闭" }).last().click();
  await expect(page.locator('[data-candidate="孙小圣"]')).toHaveCount(1);
});
