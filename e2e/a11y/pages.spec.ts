// Every portal's pages at desktop (1366 px) and phone (390 px) width: axe finds no serious or critical
// violation, and a screenshot of each is kept with the test results for a person to look at.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { anyId, hydrated, login, makeSchool, makeUser } from "../fixtures";

const WIDTHS = [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
];

async function check(page: Page, path: string, shot: string) {
  await page.goto(path);
  await hydrated(page);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: shot, fullPage: true });
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${path} ${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
  expect.soft(bad, `axe on ${path}`).toEqual([]);
}

const PORTALS: { portal: string; role: string; tenant: () => Promise<Record<string, string>>; pages: string[] }[] = [
  {
    portal: "school",
    role: "SCHOOL_PRINCIPAL",
    tenant: async () => ({ schoolId: (await makeSchool()).id }),
    pages: ["/school", "/school/users", "/school/candidates", "/school/reports", "/school/plans", "/school/applications", "/school/certificates"],
  },
  {
    portal: "edu",
    role: "EDU",
    tenant: async () => ({ departmentId: await anyId("EducationDepartment", `level = 'PROVINCE' AND "regionCode" = '420000'`) }),
    pages: ["/edu", "/edu/plans", "/edu/reports", "/edu/users", "/edu/applications", "/edu/schools"],
  },
  {
    portal: "admin",
    role: "ADMIN",
    tenant: async () => ({}),
    pages: ["/admin", "/admin/users", "/admin/roles", "/admin/audit", "/admin/announcements", "/admin/orgs"],
  },
  { portal: "org", role: "ORG", tenant: async () => ({ orgId: await anyId("EvaluationOrg") }), pages: ["/org", "/org/certificates", "/org/standards/skill"] },
];

for (const w of WIDTHS) {
  test(`public pages pass axe at ${w.name} width`, async ({ browser }, info) => {
    const ctx = await browser.newContext({ viewport: { width: w.width, height: w.height } });
    const page = await ctx.newPage();
    for (const p of ["/", "/notices", "/certificates", "/school/login", "/register", "/no-such-page"])
      await check(page, p, info.outputPath(`public${p.replace(/\//g, "_")}-${w.name}.png`));
    await ctx.close();
  });
  for (const p of PORTALS) {
    test(`${p.portal} pages pass axe at ${w.name} width`, async ({ browser }, info) => {
      test.setTimeout(120_000);
      const ctx = await browser.newContext({ viewport: { width: w.width, height: w.height } });
      const page = await ctx.newPage();
      await login(page, p.portal, await makeUser(p.role, await p.tenant()));
      for (const path of p.pages) await check(page, path, info.outputPath(`${path.replace(/\//g, "_")}-${w.name}.png`));
      await ctx.close();
    });
  }
}
