// 成绩 end to end (issue 16): the org imports a real .xlsx of scores inside 成绩登记; once 成绩公示 opens the student
// activates the account (ID number, phone, SMS), sees the score and the result, the org corrects the score with a reason, and the student's and the school's
// result change with it.
import ExcelJS from "exceljs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import {
  CAPTCHA,
  hydrated,
  login,
  smsCode,
  logout,
  makeExamPlan,
  makeOrgWithCertificate,
  makePilot,
  makeRegistered,
  makeSchool,
  makeSite,
  makeUser,
  seatAndPublish,
  sql,
} from "../fixtures";

const STUDENT_PASSWORD = "Xuesheng#2026a";

/** The pages with this test's data in them pass axe too (the a11y suite sees the empty states). */
async function axe(page: Page, where: string) {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect.soft(r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${where} ${v.id}`)).toEqual([]);
}

test("the org imports scores; in 公示 the student sees them; a correction changes the result", async ({ page }, info) => {
  test.setTimeout(240_000);
  const org = await makeOrgWithCertificate();
  const school = await makeSchool();
  await makePilot(school.id, [org.levelCode]);
  const site = await makeSite(school.id, org.orgId, org.levelId, `端到端成绩考核站点${org.levelCode}`);
  // 排考 opened 12 days ago: the exam is over, 成绩登记 runs from two days ago, 公示 starts in four.
  const plan = await makeExamPlan(org.orgId, [school.id], [org.levelId], -12);
  const student = await makeRegistered(school.id, plan.id, org.levelId, "赵一鸣", { activated: false });
  await makeRegistered(school.id, plan.id, org.levelId, "钱多多");
  const seats = await seatAndPublish(plan.id, site.id, school.id, org.levelId);
  const ticket = (name: string, subject: RegExp) => seats.find((s) => s.name === name && subject.test(s.subject))!.ticket;

  const orgUser = await makeUser("ORG", { orgId: org.orgId });
  await login(page, "org", orgUser, { trust: true });
  await page.goto("/org/scores");
  await hydrated(page);
  await page.getByRole("button", { name: "导入科目成绩" }).click();
  const dialog = page.getByRole("dialog", { name: "导入科目成绩" });
  // The org is new: its only plan in 成绩登记.
  await expect(dialog.getByLabel(/考试计划/).locator("option")).toHaveCount(2);
  await expect(
    dialog
      .getByLabel(/考试计划/)
      .locator("option")
      .nth(1),
  ).toContainText(plan.name);
  await dialog.getByLabel(/考试计划/).selectOption({ index: 1 });
  const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("link", { name: "下载导入模板" }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0];
  expect(ws.getRow(1).getCell(2).value).toBe("准考证号");
  const rows = [
    [ticket("赵一鸣", /理论/), "赵一鸣", "", "", "88", ""],
    [ticket("赵一鸣", /实操/), "赵一鸣", "", "", "55", ""],
    [ticket("钱多多", /理论/), "钱多多", "", "", "", "缺考"],
    [ticket("钱多多", /实操/), "钱多多", "", "", "", "缺考"],
    ["80000000000000000000", "无此人", "", "", "70", ""],
  ];
  rows.forEach((r, i) => {
    const row = ws.getRow(3 + i);
    [String(i + 1), ...r].forEach((v, j) => {
      row.getCell(j + 1).value = v;
    });
    row.commit();
  });
  const file = info.outputPath("科目成绩.xlsx");
  await wb.xlsx.writeFile(file);
  await dialog.getByLabel("选择导入文件").setInputFiles(file);
  await expect(dialog.getByTestId("import-succeeded")).toHaveText("4", { timeout: 60_000 });
  await expect(dialog.getByTestId("import-failed")).toHaveText("1");
  await page.keyboard.press("Escape");
  await expect(page.locator("[data-score]")).toHaveCount(4);
  await expect(page.getByRole("tab", { name: /缺考/ })).toContainText("2");
  await page.screenshot({ path: info.outputPath("org-scores.png"), fullPage: true });
  await logout(page);

  // 成绩公示 opens (the plan's window moved to now, as the calendar would).
  await sql(`UPDATE "ExamPlan" SET "publicityStartsAt" = now() - interval '1 minute' WHERE id = $1`, [plan.id]);
  // The student activates the account from the login page: ID number, the phone on the record, an SMS code.
  await page.goto("/student/login");
  await hydrated(page);
  await page.getByRole("link", { name: "激活账号" }).click();
  await expect(page.getByRole("heading", { name: "激活学生账号" })).toBeVisible();
  await hydrated(page);
  await expect(page.getByAltText("图形验证码")).toBeVisible();
  await page.getByLabel("证件号码").fill(student.account);
  await page.getByLabel(/^\*?手机号/).fill(student.phone!);
  await page.getByLabel("图形验证码").fill(CAPTCHA);
  await page.getByRole("button", { name: "获取短信验证码" }).click();
  await page.getByLabel("短信验证码").fill(await smsCode(page.context().browser()!, student.phone!, "激活账号"));
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill(STUDENT_PASSWORD);
  await page.getByLabel("确认密码").fill(STUDENT_PASSWORD);
  await page.screenshot({ path: info.outputPath("student-activate.png"), fullPage: true });
  await axe(page, "/student/activate");
  await page.getByRole("button", { name: "激活并设置密码" }).click();
  await expect(page.getByText("账号已激活")).toBeVisible();
  await login(page, "student", student, { trust: true, password: STUDENT_PASSWORD });
  await page.goto("/student/scores");
  await hydrated(page);
  await expect(page.locator("[data-subject-score='实操技能（初级）']")).toHaveText("55");
  await page.screenshot({ path: info.outputPath("student-scores.png"), fullPage: true });
  await axe(page, "/student/scores");
  await page.goto("/student/results");
  await hydrated(page);
  await expect(page.locator("[data-outcome]")).toHaveText("未通过");
  await logout(page);

  // The org corrects 实操 to 75 with a reason.
  await login(page, "org", orgUser, { trust: true });
  await page.goto("/org/scores");
  await hydrated(page);
  await page.locator("tr[data-score='赵一鸣 实操技能（初级）']").getByRole("button", { name: "更正成绩" }).click();
  const fix = page.getByRole("dialog", { name: /更正成绩：赵一鸣/ });
  await fix.getByLabel(/^\*?成绩/).fill("75");
  await fix.getByLabel(/更正原因/).fill("考生申请复核，第三题漏计 20 分");
  await page.screenshot({ path: info.outputPath("org-correct.png") });
  await axe(page, "更正成绩");
  await fix.getByRole("button", { name: "确定更正" }).click();
  await expect(fix).toBeHidden();
  await expect(page.locator("tr[data-score='赵一鸣 实操技能（初级）']")).toContainText("已更正 1 次");
  await page.goto("/org/results");
  await hydrated(page);
  await page.locator("tr[data-result='赵一鸣']").getByRole("button", { name: "查看" }).click();
  const detail = page.getByRole("dialog", { name: "考证结果详情" });
  await expect(detail.getByText("55 → 75（考生申请复核，第三题漏计 20 分）")).toBeVisible();
  await page.screenshot({ path: info.outputPath("org-result.png"), fullPage: true });
  await axe(page, "考证结果详情");
  await page.keyboard.press("Escape");
  await logout(page);

  await login(page, "student", student, { trust: true, password: STUDENT_PASSWORD });
  await page.goto("/student/results");
  await hydrated(page);
  await expect(page.locator("[data-outcome]")).toHaveText("通过");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: info.outputPath("student-results-390.png"), fullPage: true });
  await axe(page, "/student/results 390");
  await logout(page);

  const principal = await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id });
  await login(page, "school", principal, { trust: true });
  await page.goto("/school/results");
  await hydrated(page);
  await expect(page.locator("tr[data-result='赵一鸣']")).toContainText("通过");
  await expect(page.locator("tr[data-result='钱多多']")).toContainText("缺考");
});
