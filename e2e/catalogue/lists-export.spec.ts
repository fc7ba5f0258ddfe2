import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { login, makePilot, makeSchool, makeUser, smsCode } from "../fixtures";

test("a school browses its certificates and exports its organizations to a real xlsx", async ({ page, browser }, info) => {
  const school = await makeSchool();
  await makePilot(school.id, ["60000011", "60000032"]);
  const user = await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id });
  await login(page, "school", user);

  await page.getByRole("link", { name: "证书管理" }).click();
  await expect(page.getByRole("heading", { name: "证书信息管理" })).toBeVisible();
  const rows = page.locator("tbody tr[data-row-id]");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("60000011");
  await expect(rows.nth(1)).toContainText("60000032");
  await expect(rows.nth(1)).toContainText("（中级）");
  await page.getByLabel("证书范围").selectOption("all");
  // The demo's certificates (6000001–6000012); other tests add certificates of their own, numbered from 7.
  await page.getByLabel("证书编号").fill("6000");
  await page.getByRole("button", { name: "查询" }).click();
  // One row per certificate level (12 certificates, 34 levels), each with its own 证书编号.
  await expect(rows).toHaveCount(10);
  await expect(page.getByText("共 34 条")).toBeVisible();
  await page.getByRole("button", { name: "4", exact: true }).click();
  await expect(rows).toHaveCount(4);
  await rows.first().getByRole("button", { name: "查看" }).click();
  await expect(page.getByRole("heading", { name: "证书对应专业" })).toBeVisible();
  await page.screenshot({ path: info.outputPath("certificate-detail.png"), fullPage: true });
  await page.getByRole("button", { name: "关闭" }).last().click();
  // 上链信息: 区块高度, 块哈希, 交易哈希, checked in this browser against the signed tree head the API serves.
  await rows.first().getByRole("button", { name: "上链信息" }).click();
  await expect(page.getByText("区块高度")).toBeVisible();
  await expect(page.locator("[data-ledger-check='ok']")).toBeVisible();
  await expect(page.getByText("✓ 签名树头的 Ed25519 签名有效")).toBeVisible();
  await page.screenshot({ path: info.outputPath("certificate-ledger.png"), fullPage: true });
  await page.getByRole("button", { name: "关闭" }).last().click();
  const head = await (await page.request.get("/api/ledger/head")).json();
  expect(head.treeSize).toBeGreaterThan(0);
  const proof = await (await page.request.get(`/api/ledger/proof/inclusion?index=0&treeSize=${head.treeSize}`)).json();
  expect(proof.auditPath.length).toBeGreaterThan(0);

  await page.getByRole("link", { name: "机构管理" }).click();
  await expect(page.getByRole("heading", { name: "培训评价组织" })).toBeVisible();
  await expect(rows).toHaveCount(2);
  await page.getByLabel("机构名称").fill("达内");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(rows).toHaveCount(1);
  await page.getByRole("button", { name: "批量导出培训评价组织信息" }).click();
  await page.getByRole("button", { name: "获取验证码" }).click();
  await page.getByLabel("短信验证码").fill(await smsCode(browser, user.phone!, "数据导出"));
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "确定导出" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^培训评价组织信息_\d{12}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await file.path());
  const ws = wb.worksheets[0];
  expect(String(ws.getRow(1).getCell(1).value)).toContain("培训评价组织信息");
  expect(ws.getRow(2).values).toEqual([undefined, "序号", "机构代码", "机构名称", "已试点证书数量", "机构状态"]);
  expect(ws.getRow(3).getCell(3).value).toBe("达内教育");
  expect(ws.actualRowCount).toBe(3);
  await page.screenshot({ path: info.outputPath("orgs.png"), fullPage: true });
});

test("another user cannot download someone's export", async ({ page, browser }) => {
  const school = await makeSchool();
  await makePilot(school.id, ["60000011"]);
  const owner = await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id });
  await login(page, "school", owner);
  await page.goto("/school/orgs");
  await page.getByRole("button", { name: "批量导出培训评价组织信息" }).click();
  await page.getByRole("button", { name: "获取验证码" }).click();
  await page.getByLabel("短信验证码").fill(await smsCode(browser, owner.phone!, "数据导出"));
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "确定导出" }).click();
  const url = (await download).url();

  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  const s2 = await makeSchool();
  await login(other, "school", await makeUser("SCHOOL_PRINCIPAL", { schoolId: s2.id }));
  const res = await other.request.get(url);
  expect(res.status()).toBe(404);
  const anon = await browser.newContext();
  expect((await anon.request.get(url)).status()).toBe(404);
  await ctx.close();
  await anon.close();
});
