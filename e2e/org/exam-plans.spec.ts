import { expect, test } from "@playwright/test";
import { hydrated, login, logout, makeOrgWithCertificate, makePilot, makeSchool, makeUser } from "../fixtures";

/** A datetime-local value in Beijing time, `days` (and hours) from now. */
const local = (days: number, hour = 0) => {
  const d = new Date(Date.now() + days * 86_400_000);
  const day = new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, "0")}:00`;
};

test("an org publishes a plan with two subjects; a school of the plan reads it and its 考试规则", async ({ page }, info) => {
  test.setTimeout(120_000);
  const org = await makeOrgWithCertificate();
  const school = await makeSchool();
  await makePilot(school.id, [org.levelCode]);
  const principal = await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id });
  await login(page, "org", await makeUser("ORG", { orgId: org.orgId }));
  await page.goto("/org/exam-plans");
  await hydrated(page);
  await page.getByRole("button", { name: "发布考试计划" }).click();
  const d = page.getByRole("dialog", { name: "发布考试计划" });
  const name = `端到端考试计划${org.levelCode}`;
  await d.getByLabel("计划名称").fill(name);
  // Notice 003's shape: 报考 and 排考 side by side, the exam after, 成绩登记 beside 公示.
  const dates: [string, string][] = [
    ["报考开始", local(2)],
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
  // The labels carry the required mark (*) before their text.
  for (const [label, value] of dates) await d.getByLabel(new RegExp(`^\\*?${label}$`)).fill(value);
  await d.getByLabel(/理论知识（初级）/).check();
  await d.getByLabel("理论知识（初级）开始时间").fill(local(22, 9));
  await d.getByLabel("理论知识（初级）结束时间").fill(local(22, 10));
  await d.getByLabel(/实操技能（初级）/).check();
  await d.getByLabel("实操技能（初级）开始时间").fill(local(22, 10));
  await d.getByLabel("实操技能（初级）结束时间").fill(local(22, 12));
  await d.getByRole("button", { name: "全选" }).click();
  await d.getByRole("button", { name: "发布" }).click();
  // The times overlap nothing, but the first subject is shorter than its 90 minutes.
  await expect(d.getByRole("alert")).toContainText("短于科目的考试时长 90 分钟");
  await d.getByLabel("理论知识（初级）开始时间").fill(local(22, 8));
  await page.screenshot({ path: info.outputPath("exam-plan-form.png"), fullPage: true });
  await d.getByRole("button", { name: "发布" }).click();
  await expect(d).toBeHidden();
  const row = page.locator(`tr[data-plan="${name}"]`);
  await expect(row).toContainText("未开始");
  await expect(row.getByRole("button", { name: "编辑" })).toBeVisible();
  await page.screenshot({ path: info.outputPath("org-exam-plans.png"), fullPage: true });
  await logout(page);

  await login(page, "school", principal);
  await page.getByRole("link", { name: "考务管理" }).click();
  await page.getByRole("link", { name: "考试计划", exact: true }).click();
  const mine = page.locator(`tr[data-plan="${name}"]`);
  await expect(mine).toContainText("按证书报考");
  await expect(mine.getByRole("button", { name: "编辑" })).toHaveCount(0);
  await mine.getByRole("button", { name: "查看" }).click();
  const v = page.getByRole("dialog", { name: "考试计划详情" });
  await v.getByRole("tab", { name: "考试规则" }).click();
  await expect(v).toContainText("各科目成绩均达到合格分数");
  await expect(v.locator("tbody tr")).toHaveCount(2);
  await page.screenshot({ path: info.outputPath("school-exam-plan-rules.png"), fullPage: true });
});
