import ExcelJS from "exceljs";
import { randomBytes, randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { hydrated, login, logout, makeOrgWithCertificate, makePilot, makeSchool, makeUser, sql } from "../fixtures";

/** A datetime-local value in Beijing time, `days` (and hours) from now. */
const local = (days: number, hour = 0) => {
  const d = new Date(Date.now() + days * 86_400_000);
  const day = new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, "0")}:00`;
};
/** The next whole minute in Beijing time, as datetime-local (a new plan's 报考 may not start in the past). */
const nextMinute = () => new Date(Date.now() + 8 * 3_600_000 + 120_000).toISOString().slice(0, 16);

/** A candidate of the school as 考生管理 leaves it: its status and major. */
async function candidate(schoolId: string, name: string, status: string, majorCode: string) {
  const idNumber = `E${randomBytes(4).toString("hex").toUpperCase()}`;
  await sql(
    `INSERT INTO "Candidate" (id, number, type, "schoolId", name, pinyin, gender, "idType", "idNumber", phone, "enrolYear", "majorId", status, "updatedAt")
     SELECT $1, $2, 'SCHOOL', $3, $4, 'ce shi', 'FEMALE', 'PASSPORT', $5, '13600000041', 2024, m.id, $6, now()
       FROM "Major" m WHERE m.code = $7 AND m."catalogVersion" = 'NEW'`,
    [randomUUID(), `000000${Date.now()}${randomBytes(4).toString("hex")}`.slice(0, 26), schoolId, name, idNumber, status, majorCode],
  );
  return { name, idNumber };
}

async function failedReasons(page: Page, link: ReturnType<Page["getByRole"]>): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0];
  const width = ws.getRow(2).cellCount;
  const out: string[] = [];
  for (let r = 3; r <= ws.rowCount; r++) out.push(String(ws.getRow(r).getCell(width).value ?? ""));
  return out;
}

test("the org publishes a plan; the school imports registrations by certificate, orders, the org confirms: 已缴费 and undeletable", async ({ page }, info) => {
  test.setTimeout(240_000);
  page.on("dialog", (d) => d.accept());
  const org = await makeOrgWithCertificate();
  await sql(
    `INSERT INTO "CertificateMajor" ("certificateId", "majorId") SELECT cl."certificateId", m.id FROM "CertificateLevel" cl, "Major" m
      WHERE cl.id = $1 AND m.code = '510201' AND m."catalogVersion" = 'NEW'`,
    [org.levelId],
  );
  const school = await makeSchool();
  await makePilot(school.id, [org.levelCode]);
  // The province approved 2 places for this certificate level this year.
  await sql(`UPDATE "PilotApplication" SET "approvedTotal" = 2 WHERE "schoolId" = $1`, [school.id]);
  const people = [
    await candidate(school.id, "王子涵", "VERIFIED", "510201"),
    await candidate(school.id, "李欣怡", "PENDING_VERIFICATION", "510201"),
    await candidate(school.id, "张浩然", "VERIFIED", "510203"),
    await candidate(school.id, "刘梓萱", "VERIFIED", "510201"),
    await candidate(school.id, "陈宇轩", "VERIFIED", "510201"),
  ];
  const principal = await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id });
  const orgUser = await makeUser("ORG", { orgId: org.orgId });

  // The org publishes a plan with two subjects and sets its fee standard.
  await login(page, "org", orgUser, { trust: true });
  await page.goto("/org/exam-plans");
  await hydrated(page);
  await page.getByRole("button", { name: "发布考试计划" }).click();
  const d = page.getByRole("dialog", { name: "发布考试计划" });
  const name = `端到端报考计划${org.levelCode}`;
  await d.getByLabel("计划名称").fill(name);
  const dates: [string, string][] = [
    ["报考开始", nextMinute()],
    ["报考结束", local(20)],
    ["排考开始", local(2)],
    ["排考结束", local(20)],
    ["考试开始", local(22, 8)],
    ["考试结束", local(22, 18)],
    ["成绩登记开始", local(23)],
    ["成绩登记结束", local(30)],
    ["成绩公示开始", local(23)],
    ["成绩公示结束", local(30)],
  ];
  for (const [label, value] of dates) await d.getByLabel(new RegExp(`^\\*?${label}$`)).fill(value);
  await d.getByLabel(/理论知识（初级）/).check();
  await d.getByLabel("理论知识（初级）开始时间").fill(local(22, 8));
  await d.getByLabel("理论知识（初级）结束时间").fill(local(22, 10));
  await d.getByLabel(/实操技能（初级）/).check();
  await d.getByLabel("实操技能（初级）开始时间").fill(local(22, 10));
  await d.getByLabel("实操技能（初级）结束时间").fill(local(22, 12));
  await d.getByRole("button", { name: "全选" }).click();
  await d.getByRole("button", { name: "发布" }).click();
  await expect(d).toBeHidden();
  await page.getByRole("link", { name: "收费标准" }).click();
  const fee = page.locator(`tr[data-fee="${org.levelCode}"]`);
  await fee.getByRole("textbox").fill("380");
  await fee.getByRole("button", { name: "保存" }).click();
  await expect(fee).toContainText("380.00");
  await page.screenshot({ path: info.outputPath("org-fees.png"), fullPage: true });
  await logout(page);
  // 报考 opens (the plan was published to open two minutes from now; the test does not wait for it).
  await sql(`UPDATE "ExamPlan" SET "registrationStartsAt" = now() - interval '1 minute' WHERE name = $1`, [name]);

  // The school imports registrations by certificate: each bad row comes back with its reason.
  await login(page, "school", principal, { trust: true });
  await page.getByRole("link", { name: "考务管理" }).click();
  await page.getByRole("link", { name: "报考管理" }).click();
  await page.getByRole("button", { name: "批量导入报考-按证书导入" }).click();
  const imp = page.getByRole("dialog", { name: "批量导入报考-按证书导入" });
  await expect(imp.getByRole("button", { name: "选择文件并导入" })).toBeDisabled();
  await imp.getByRole("combobox", { name: /考试计划/ }).selectOption((await imp.locator("option", { hasText: name }).getAttribute("value"))!);
  await expect(imp).toContainText("理论知识（初级）");
  const [download] = await Promise.all([page.waitForEvent("download"), imp.getByRole("link", { name: "下载导入模板" }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0];
  expect(ws.getRow(1).getCell(4).value).toBe("证书编号");
  people.forEach((p, i) => {
    const row = ws.getRow(3 + i);
    [String(i + 1), p.name, p.idNumber, org.levelCode].forEach((v, j) => {
      row.getCell(j + 1).value = v;
    });
    row.commit();
  });
  const file = info.outputPath("报考.xlsx");
  await wb.xlsx.writeFile(file);
  await imp.getByLabel("选择导入文件").setInputFiles(file);
  await expect(imp.getByTestId("import-succeeded")).toHaveText("2");
  await expect(imp.getByTestId("import-failed")).toHaveText("3");
  expect(await failedReasons(page, imp.getByRole("link", { name: "下载失败数据" }))).toEqual([
    "考生信息状态为「信息待认证」，须为「信息准确」方可报考",
    "考生所学专业不在该证书对应的专业范围内",
    `报名人数超出${new Date().getFullYear()}年度试点名额（2 人，已用 2 人）`,
  ]);
  await page.screenshot({ path: info.outputPath("registration-import.png"), fullPage: true });
  await imp.getByRole("button", { name: "关闭" }).last().click();
  await expect(page.locator("[data-registration]")).toHaveCount(2);
  await expect(page.locator('[data-registration="王子涵"]')).toContainText("未缴费");
  await page.screenshot({ path: info.outputPath("registrations.png"), fullPage: true });

  // 按证书报考生成缴费申请单: two certificates at 380 元.
  await page.getByRole("link", { name: "缴费管理" }).click();
  await page.getByRole("button", { name: "按证书报考生成缴费申请单" }).click();
  const o = page.getByRole("dialog", { name: "按证书报考生成缴费申请单" });
  await o.getByRole("combobox", { name: /考试计划/ }).selectOption({ label: name });
  await o.getByRole("combobox", { name: /考核证书/ }).selectOption({ index: 1 });
  await expect(o).toContainText("将包含 2 条报考信息");
  await o.getByRole("button", { name: "确定" }).click();
  await expect(page.getByText(/已生成缴费申请单 JF\d{14}/)).toBeVisible();
  const number = (await page.getByText(/已生成缴费申请单 JF\d{14}/).textContent())!.match(/JF\d{14}/)![0];
  const orderRow = page.locator(`tr[data-order="${number}"]`);
  await expect(orderRow).toContainText("760.00");
  await expect(orderRow).toContainText("未确认");
  await page.screenshot({ path: info.outputPath("school-payments.png"), fullPage: true });
  await logout(page);

  // The org checks the payment by its number and confirms it.
  await login(page, "org", orgUser, { trust: true });
  await page.getByRole("link", { name: "考务管理" }).click();
  await page.getByRole("link", { name: "缴费管理", exact: true }).click();
  const pending = page.locator(`tr[data-order="${number}"]`);
  await expect(pending).toContainText("未确认");
  await pending.getByRole("button", { name: "确认缴费" }).click();
  await expect(page.getByText("已确认缴费 1 个缴费申请单，2 条报考信息已缴费")).toBeVisible();
  await page.getByRole("tab", { name: /已确认/ }).click();
  await expect(page.locator(`tr[data-order="${number}"]`)).toContainText("已确认");
  await page.screenshot({ path: info.outputPath("org-payments.png"), fullPage: true });
  await logout(page);

  // The registrations are 已缴费 and can no longer be deleted.
  await login(page, "school", principal, { trust: true });
  await page.goto("/school/registrations");
  await hydrated(page);
  const paid = page.locator('[data-registration="王子涵"]');
  await expect(paid).toContainText("已缴费");
  await expect(paid.getByRole("button", { name: "删除" })).toHaveCount(0);
  await paid.getByRole("checkbox").check();
  await page.getByRole("button", { name: "批量删除报考数据" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "已缴费的报考信息不能删除" })).toBeVisible();
  await expect(page.locator("[data-registration]")).toHaveCount(2);
  await page.locator('[data-registration="王子涵"]').getByRole("button", { name: "查看" }).click();
  await expect(page.getByRole("dialog", { name: "查看报考信息" })).toContainText("已缴费");
  await page.screenshot({ path: info.outputPath("registration-detail.png"), fullPage: true });
});
