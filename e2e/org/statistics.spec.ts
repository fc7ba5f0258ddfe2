// 证书通过率统计 renders for each role on the demo's results (issue 16): the org (达内教育), the demo school and the
// Beijing education commission see totals, the ECharts chart on its canvas and the table, by certificate and by level.
import { expect, test } from "@playwright/test";
import { anyId, hydrated, login, logout, makeUser, sql } from "../fixtures";

test("the pass-rate statistics render with a chart for the org, the school and the department", async ({ page }, info) => {
  test.setTimeout(180_000);
  const [{ id: schoolId }] = await sql<{ id: string }>(`SELECT id FROM "School" WHERE code = '4111010009'`);
  const users = [
    ["org", await makeUser("ORG", { orgId: await anyId("EvaluationOrg", `code = '125'`) })],
    ["school", await makeUser("SCHOOL_ADMIN", { schoolId })],
    ["edu", await makeUser("EDU", { departmentId: await anyId("EducationDepartment", `level = 'PROVINCE' AND "regionCode" = '110000'`) })],
  ] as const;
  for (const [portal, user] of users) {
    await login(page, portal, user, { trust: true });
    for (const path of [`/${portal}/statistics`, `/${portal}/statistics/levels`]) {
      await page.goto(path);
      await hydrated(page);
      await expect(page.locator("[data-chart='pass-rate'] canvas").first()).toBeVisible({ timeout: 30_000 });
      await expect(page.locator("[data-pass-rate]").first()).toBeVisible();
      await expect(page.getByText("通过率", { exact: true }).first()).toBeVisible();
      await page.screenshot({ path: info.outputPath(`${portal}${path.replace(/\//g, "_")}.png`), fullPage: true });
    }
    // The totals and the chart follow the applied filter.
    await page.getByLabel("统计年度").selectOption({ index: 1 });
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page.getByRole("heading", { name: /通过率概览（\d{4} 年）/ })).toBeVisible();
    await expect(page.locator("[data-chart='pass-rate'] canvas").first()).toBeVisible();
    if (portal === "edu") {
      // A phone: the chart keeps to the screen's width.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/${portal}/statistics/levels`);
      await hydrated(page);
      const box = await page.locator("[data-chart='pass-rate'] canvas").first().boundingBox();
      expect(box!.width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: info.outputPath(`${portal}-phone.png`), fullPage: true });
    }
    await logout(page);
  }
});
