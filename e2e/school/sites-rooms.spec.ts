import { expect, test, type Page } from "@playwright/test";
import { hydrated, login, logout, makeExamPlan, makeOrgWithCertificate, makePilot, makeSchool, makeSite, makeUser, sql } from "../fixtures";

async function openSites(page: Page, portalPath: string) {
  await page.goto(portalPath);
  await hydrated(page);
}

test("a school applies for a site; the org returns it; the school edits and resubmits; the org approves", async ({ page }, info) => {
  const org = await makeOrgWithCertificate();
  const school = await makeSchool();
  await makePilot(school.id, [org.levelCode]);
  const principal = await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id });
  const reviewer = await makeUser("ORG", { orgId: org.orgId });
  // Each signs in twice: the trusted browser skips the second SMS code (one per minute per phone).

  await login(page, "school", principal, { trust: true });
  await page.getByRole("link", { name: "考务管理" }).click();
  await page.getByRole("link", { name: "考核站点", exact: true }).click();
  await page.getByRole("button", { name: "申报考核站点" }).click();
  const d = page.getByRole("dialog", { name: "申报考核站点" });
  await d.getByLabel("申报对象").selectOption({ label: org.orgName });
  await d.getByLabel("考试证书").selectOption({ label: `${org.certificateName}（初级）` });
  await d.getByRole("button", { name: "确认添加" }).click();
  await expect(d.getByLabel("考核站点名称")).toHaveValue(new RegExp(`${org.certificateName}（初级）考核站点$`));
  await d.getByLabel("选择省").selectOption({ label: "北京市" });
  await d.getByLabel("选择市").selectOption({ label: "北京市市辖区" });
  await d.getByLabel("选择区县").selectOption({ label: "海淀区" });
  await d.getByLabel("详细地址").fill("学院路");
  await d.getByLabel("联系人姓名").fill("李红");
  await d.getByLabel("联系人手机").fill("13912345678");
  await d.getByLabel("联系人邮箱").fill("lihong@example.edu.cn");
  await d.getByLabel("考点简介").fill("计算机机房 3 间，工位 120 个");
  await d.getByRole("button", { name: "提交并保存" }).click();
  await expect(d.getByRole("alert")).toContainText("精确到门牌号");
  await d.getByLabel("详细地址").fill("学院路 30 号实训楼");
  await page.screenshot({ path: info.outputPath("site-form.png"), fullPage: true });
  await d.getByRole("button", { name: "提交并保存" }).click();
  await expect(d).toBeHidden();
  const row = page.locator("tbody tr[data-site]").first();
  await expect(row).toContainText("待审核");
  await expect(row.getByRole("button", { name: "编辑" })).toHaveCount(0);
  await expect(row.getByRole("button", { name: "撤销" })).toBeVisible();
  await logout(page);

  await login(page, "org", reviewer, { trust: true });
  await openSites(page, "/org/sites");
  const pending = page.locator("tbody tr[data-site]").first();
  await pending.getByRole("button", { name: "审核" }).click();
  const r = page.getByRole("dialog", { name: "审核考核站点" });
  await r.getByRole("button", { name: "审核退回" }).click();
  await expect(r.getByRole("alert")).toContainText("请填写退回原因");
  await r.getByLabel(/审核意见/).fill("请补充机房照片");
  await r.getByRole("button", { name: "审核退回" }).click();
  await expect(page.getByRole("status")).toContainText("已退回");
  await logout(page);

  await login(page, "school", principal, { trust: true });
  await openSites(page, "/school/sites");
  const returned = page.locator("tbody tr[data-site]").first();
  await expect(returned).toContainText("审核退回");
  await returned.getByRole("button", { name: "查看" }).click();
  const v = page.getByRole("dialog", { name: "查看申报考核站点信息" });
  await v.getByRole("tab", { name: "审核信息" }).click();
  await expect(v).toContainText("请补充机房照片");
  await page.screenshot({ path: info.outputPath("site-review-record.png"), fullPage: true });
  await v.getByRole("button", { name: "关闭" }).first().click();
  await returned.getByRole("button", { name: "编辑" }).click();
  const e = page.getByRole("dialog", { name: "编辑考核站点信息" });
  await expect(e.getByLabel("详细地址")).toHaveValue("学院路 30 号实训楼");
  await e.getByLabel("考点简介").fill("计算机机房 3 间，工位 120 个；已补充机房照片");
  await e.getByRole("button", { name: "提交并保存" }).click();
  await expect(e).toBeHidden();
  await expect(page.locator("tbody tr[data-site]").first()).toContainText("待审核");
  await logout(page);

  await login(page, "org", reviewer, { trust: true });
  await openSites(page, "/org/sites");
  await page.locator("tbody tr[data-site]").first().getByRole("button", { name: "审核" }).click();
  await page.getByRole("dialog", { name: "审核考核站点" }).getByRole("button", { name: "审核通过" }).click();
  await expect(page.getByRole("status")).toContainText("已审核通过");
  await page.getByRole("tab", { name: /审核通过/ }).click();
  const approved = page.locator("tbody tr[data-site]").first();
  await expect(approved).toContainText("已启用");
  await expect(approved.getByRole("button", { name: "停用" })).toBeVisible();
  await page.screenshot({ path: info.outputPath("org-sites.png"), fullPage: true });
});

test("a school sets two rooms for a plan; once the plan is scheduling it cannot reduce seats, only add", async ({ page }, info) => {
  const org = await makeOrgWithCertificate();
  const school = await makeSchool();
  await makePilot(school.id, [org.levelCode]);
  await makeSite(school.id, org.orgId, org.levelId, `端到端考核站点${org.levelCode}`);
  const plan = await makeExamPlan(org.orgId, [school.id], [org.levelId], 3);
  await login(page, "school", await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id }));
  await page.getByRole("link", { name: "考务管理" }).click();
  await page.getByRole("link", { name: "考场管理" }).click();
  for (const [name, subject, seats] of [
    ["13 号机房", "理论知识（初级）（机考）", "40"],
    ["1 号实训室", "实操技能（初级）（实操）", "20"],
  ]) {
    await page.getByRole("button", { name: "设置考场" }).click();
    const d = page.getByRole("dialog", { name: "设置考场" });
    await d.getByLabel("考试计划").selectOption({ index: 1 });
    await d.getByLabel("考核站点").selectOption({ index: 1 });
    await d.getByLabel("考试证书").selectOption({ index: 1 });
    await d.getByLabel(subject).check();
    await expect(d.getByLabel("考场类型")).toHaveValue(subject.includes("机考") ? "机考考场" : "实操考场");
    await d.getByLabel("考场名称").fill(name);
    await d.getByLabel("考场座位数").fill(seats);
    if (name === "13 号机房") await page.screenshot({ path: info.outputPath("room-form.png"), fullPage: true });
    await d.getByRole("button", { name: "保存" }).click();
    await expect(d).toBeHidden();
  }
  await expect(page.getByRole("tab", { name: /未排考/ })).toContainText("2");
  // Time passes: the plan's 排考 window opens.
  await sql(`UPDATE "ExamPlan" SET "schedulingStartsAt" = now() - interval '1 hour' WHERE id = $1`, [plan.id]);
  await page.reload();
  await hydrated(page);
  const row = page.locator('tbody tr[data-room="13 号机房"]');
  await expect(row).toContainText("排考中");
  await expect(row.getByRole("button", { name: "删除" })).toHaveCount(0);
  await row.getByRole("button", { name: "编辑" }).click();
  const e = page.getByRole("dialog", { name: "编辑考场" });
  await expect(e.getByLabel("考场名称")).toBeDisabled();
  await e.getByLabel("考场座位数").fill("30");
  await e.getByRole("button", { name: "保存" }).click();
  await expect(e.getByRole("alert")).toContainText("不能少于原有的 40 个");
  await page.screenshot({ path: info.outputPath("room-seats-refused.png"), fullPage: true });
  await e.getByLabel("考场座位数").fill("45");
  await e.getByRole("button", { name: "保存" }).click();
  await expect(e).toBeHidden();
  await expect(row).toContainText("45");
  await page.screenshot({ path: info.outputPath("rooms.png"), fullPage: true });
});
