import { expect, test } from "@playwright/test";
import { anyId, login, makeSchool, makeUser, sql } from "../fixtures";

const PDF = { name: "周报签字盖章.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") };

test("a principal submits, withdraws and resubmits a weekly report that the department returns and then approves", async ({ page, browser }, info) => {
  test.setTimeout(120_000);
  const school = await makeSchool("110108"); // 北京: weekly reports
  const schoolName = (await sql<{ name: string }>(`SELECT name FROM "School" WHERE id = $1`, [school.id]))[0].name;
  await login(page, "school", await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id }));
  await expect(page.getByText(/本期周报尚未填写/)).toBeVisible();
  await page.getByRole("link", { name: "周报管理" }).click();
  await page.getByRole("link", { name: "提交周报" }).click();
  // The province's outline for this cadence downloads as the Word file it published.
  const [outline] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载周报提纲" }).click()]);
  expect(outline.suggestedFilename()).toBe("周报提纲.docx");
  await page.getByRole("button", { name: "提交周报" }).click();
  const d = page.getByRole("dialog", { name: "提交周报" });
  await d.getByLabel("本期试点工作进展").fill("召开试点工作例会 1 次");
  await d.getByRole("button", { name: "提交" }).click();
  await expect(d.getByRole("alert")).toContainText("请填写「证书培训开展情况」");
  await d.getByLabel("证书培训开展情况").fill("培训学生 40 人");
  await d.getByLabel("考核站点建设与考试组织情况").fill("站点设备调试完成");
  await d.getByLabel("存在的问题与建议").fill("暂无");
  await d.getByLabel("下期工作计划").fill("继续开展培训");
  await d.getByRole("button", { name: "提交" }).click();
  await expect(d.getByRole("alert")).toContainText("扫描件");
  await d.getByLabel("上传扫描件").setInputFiles(PDF);
  await expect(d.getByTestId("scan-name")).toHaveText(PDF.name);
  await d.getByRole("button", { name: "提交" }).click();
  await expect(d).toBeHidden();
  const row = page.locator("tbody tr").first();
  await expect(row.getByTestId("row-status")).toHaveText("待审核");
  // One per period.
  await page.getByRole("button", { name: "提交周报" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "请勿重复提交" })).toHaveText("本周周报已提交，请勿重复提交");
  await row.getByRole("button", { name: "撤回" }).click();
  await expect(row.getByTestId("row-status")).toHaveText("未提交");
  await row.getByRole("button", { name: "提交" }).click();
  await expect(row.getByTestId("row-status")).toHaveText("待审核");

  // The department returns it with a reason…
  const ctx = await browser.newContext();
  const edu = await ctx.newPage();
  await login(edu, "edu", await makeUser("EDU", { departmentId: await anyId("EducationDepartment", `name = '北京市教育委员会'`) }));
  await edu.goto("/edu/reports");
  await edu.getByLabel("院校名称").fill(schoolName);
  await edu.getByRole("button", { name: "查询" }).click();
  // The review list, not 本期未提交院校 below it (a returned report puts the school there too).
  const reviews = edu.locator(".card").filter({ has: edu.getByRole("heading", { name: "周报审核", exact: true }) });
  const eduRow = reviews.locator("tbody tr").filter({ hasText: schoolName });
  await expect(eduRow).toContainText("待审核");
  await eduRow.getByRole("button", { name: "审核" }).click();
  // The reviewer sees the report itself and its signed scan before deciding.
  const review = edu.getByRole("dialog", { name: "审核周报" });
  await expect(review).toContainText("培训学生 40 人");
  await expect(review).toContainText("站点设备调试完成");
  await expect(review.getByRole("link", { name: PDF.name })).toBeVisible();
  await edu.screenshot({ path: info.outputPath("review.png"), fullPage: true });
  await edu.getByLabel(/审核意见/).fill("请补充培训人数明细");
  await edu.getByRole("button", { name: "退回" }).click();
  await expect(eduRow).toContainText("审核退回");

  // …the principal edits and resubmits…
  await page.reload();
  await expect(row.getByTestId("row-status")).toHaveText("审核退回");
  await expect(row).toContainText("请补充培训人数明细");
  await row.getByRole("button", { name: "编辑" }).click();
  const e = page.getByRole("dialog", { name: "编辑周报" });
  await e.getByLabel("证书培训开展情况").fill("培训学生 40 人，其中初级 28 人、中级 12 人");
  await e.getByRole("button", { name: "提交" }).click();
  await expect(e).toBeHidden();
  await expect(row.getByTestId("row-status")).toHaveText("待审核");

  // …and the department approves it.
  await edu.reload();
  await edu.getByLabel("院校名称").fill(schoolName);
  await edu.getByRole("button", { name: "查询" }).click();
  await eduRow.getByRole("button", { name: "审核" }).click();
  await edu.getByRole("button", { name: "审核通过" }).click();
  await expect(eduRow).toContainText("审核通过");
  await edu.screenshot({ path: info.outputPath("edu-reports.png"), fullPage: true });
  await ctx.close();

  await page.reload();
  await expect(row.getByTestId("row-status")).toHaveText("审核通过");
  await row.getByRole("button", { name: "查看" }).click();
  const view = page.getByRole("dialog", { name: "查看周报" });
  await expect(view.getByLabel("审核记录").locator("li")).toHaveCount(6); // 提交、撤回、提交、退回、提交、通过
  await page.screenshot({ path: info.outputPath("report-detail.png"), fullPage: true });
});
