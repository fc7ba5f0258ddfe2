import { expect, test } from "@playwright/test";
import { anyId, login, logout, makeSchool, makeUser } from "../fixtures";

const ROLES = [
  { portal: "admin", role: "ADMIN", menu: "系统管理" },
  { portal: "edu", role: "EDU", menu: "系统管理" },
  { portal: "org", role: "ORG", menu: null },
  { portal: "school", role: "SCHOOL_PRINCIPAL", menu: "系统管理" },
  { portal: "school", role: "SCHOOL_ADMIN", menu: null },
  { portal: "student", role: "STUDENT", menu: null },
] as const;

for (const r of ROLES) {
  test(`${r.role} logs in with captcha and SMS and lands on the ${r.portal} workbench`, async ({ page }, info) => {
    const tenant =
      r.role === "EDU"
        ? { departmentId: await anyId("EducationDepartment", `name = '北京市教育委员会'`) }
        : r.role === "ORG"
          ? { orgId: await anyId("EvaluationOrg", `code = '125'`) }
          : r.role.startsWith("SCHOOL")
            ? { schoolId: (await makeSchool()).id }
            : {};
    const user = await makeUser(r.role, tenant);
    await login(page, r.portal, user);
    await expect(page).toHaveURL(new RegExp(`/${r.portal}$`));
    await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
    await expect(page.getByText("账号安全")).toBeVisible();
    if (r.menu) await expect(page.getByRole("link", { name: r.menu })).toBeVisible();
    // A student belongs to a school, never to 综合业务管理 (the admin's unit).
    if (r.role === "STUDENT") await expect(page.locator("header").first()).not.toContainText("综合业务管理");
    // A sub-account never sees user management.
    if (r.role === "SCHOOL_ADMIN") await expect(page.getByRole("link", { name: "系统管理" })).toHaveCount(0);
    await page.screenshot({ path: info.outputPath(`${r.role}.png`), fullPage: true });
    await logout(page);
    // Logging out lands on this portal's own login page, and the portal is closed again.
    await expect(page).toHaveURL(new RegExp(`/${r.portal}/login`));
    await page.goto(`/${r.portal}`);
    await expect(page).toHaveURL(new RegExp(`/${r.portal}/login`));
  });
}

test("a wrong SMS code keeps the user out", async ({ page }) => {
  const school = await makeSchool();
  const user = await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id });
  const { submitPassword } = await import("../fixtures");
  await submitPassword(page, "school", user.account, "E2e@2026pass");
  await page.getByLabel("短信验证码").fill("000000");
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page.locator(".alert-error")).toHaveText("短信验证码错误");
  await page.goto("/school");
  await expect(page).toHaveURL(/\/school\/login/);
});
