// Every portal's pages at desktop (1366 px) and phone (390 px) width: axe finds no serious or critical
// violation (pages, their dialogs and the phone's menu drawer), nothing is wider than the screen on a phone,
// every table fits its card on a desktop, the CSP blocks nothing of the platform's own, and a screenshot of
// each is kept with the test results for a person to look at.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { anyId, hydrated, login, makeExamSetup, makeSchool, makeUser, sql } from "../fixtures";

const WIDTHS = [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
];

/** CSP refusals the browser reports on the console: the platform's own scripts and styles must all pass. */
function watchCsp(page: Page): string[] {
  const refused: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) refused.push(`${page.url()}: ${m.text()}`);
  });
  return refused;
}

async function axe(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${where} ${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
  expect.soft(bad, `axe on ${where}`).toEqual([]);
}

async function check(page: Page, path: string, shot: string) {
  await page.goto(path);
  await hydrated(page);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: shot, fullPage: true });
  await axe(page, path);
  const width = page.viewportSize()!.width;
  const layout = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    // A table wider than its scroll box pushes columns (操作 first) out of sight.
    tables: [...document.querySelectorAll("main table")]
      .map((t) => ({ t: t as HTMLElement, box: t.parentElement as HTMLElement }))
      .filter(({ t, box }) => t.offsetWidth > box.clientWidth + 1)
      .map(({ t }) => t.querySelector("th:last-child")?.textContent ?? "table"),
  }));
  expect.soft(layout.page, `${path} is wider than the ${width} px screen`).toBeLessThanOrEqual(width);
  if (width >= 1366) expect.soft(layout.tables, `${path}: tables overflowing their card at ${width} px`).toEqual([]);
}

/** Opens a dialog from the page's button, checks it with axe and closes it with Escape. */
async function checkDialog(page: Page, path: string, button: string, shot: string) {
  await page.goto(path);
  await hydrated(page);
  await page.getByRole("button", { name: button, exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: shot });
  await axe(page, `${path} 「${button}」`);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
}

/** A candidate of a new school for the student account, as 添加考生 would make it. */
async function candidateFor(userId: string) {
  const school = await makeSchool();
  const n = String(Math.floor(Math.random() * 1e8)).padStart(8, "0");
  await sql(
    `INSERT INTO "Candidate" (id, number, type, "schoolId", name, pinyin, gender, "idType", "idNumber", "userId", "updatedAt")
     VALUES ($1, $2, 'SCHOOL', $3, '端到端学生', 'duan dao duan xue sheng', 'MALE', 'PASSPORT', $4, $5, now())`,
    [randomUUID(), `9${n}${n}${n}0`.slice(0, 26), school.id, `E${n}`, userId],
  );
}

type PortalPages = {
  portal: string;
  role: string;
  tenant: () => Promise<Record<string, string>>;
  /** Data the pages should show: rows make overflowing tables visible. */
  after?: (userId: string, tenant: Record<string, string>) => Promise<unknown>;
  pages: string[];
  /** [page, the button that opens a dialog there] */
  dialogs?: [string, string][];
};
const PORTALS: PortalPages[] = [
  {
    portal: "school",
    role: "SCHOOL_PRINCIPAL",
    tenant: async () => ({ schoolId: (await makeSchool()).id }),
    after: async (_id, tenant) => {
      await makeUser("SCHOOL_ADMIN", tenant);
      await makeExamSetup(tenant.schoolId);
    },
    pages: [
      "/school",
      "/school/users",
      "/school/candidates",
      "/school/candidates/social",
      "/school/reports",
      "/school/plans",
      "/school/applications",
      "/school/certificates",
      "/school/subjects",
      "/school/exam-plans",
      "/school/sites",
      "/school/rooms",
      "/school/teachers",
      "/school/invigilators",
      "/school/registrations",
      "/school/payments",
      "/school/scheduling",
      "/school/scheduling/rooms",
      "/school/scheduling/sittings",
      "/school/scores",
      "/school/results",
      "/school/statistics",
      "/school/issuance",
    ],
    dialogs: [
      ["/school/users", "新增用户"],
      ["/school/candidates", "添加考生"],
      ["/school/candidates", "批量导入考生信息"],
      ["/school/sites", "申报考核站点"],
      ["/school/rooms", "设置考场"],
      ["/school/rooms", "批量导入考场信息"],
      ["/school/teachers", "添加教师"],
      ["/school/invigilators", "新增监考人员"],
      ["/school/registrations", "批量导入报考-按证书导入"],
      ["/school/registrations", "报考"],
      ["/school/payments", "按证书报考生成缴费申请单"],
    ],
  },
  {
    portal: "edu",
    role: "EDU",
    tenant: async () => ({ departmentId: await anyId("EducationDepartment", `level = 'PROVINCE' AND "regionCode" = '420000'`) }),
    pages: ["/edu", "/edu/plans", "/edu/reports", "/edu/users", "/edu/applications", "/edu/schools", "/edu/statistics"],
    dialogs: [
      ["/edu/plans", "发布申报计划"],
      ["/edu/certificates", "上链信息"],
    ],
  },
  {
    portal: "admin",
    role: "ADMIN",
    tenant: async () => ({}),
    pages: ["/admin", "/admin/users", "/admin/roles", "/admin/audit", "/admin/announcements", "/admin/orgs"],
    dialogs: [
      ["/admin/users", "查看"],
      ["/admin/roles", "新增角色"],
    ],
  },
  {
    portal: "org",
    role: "ORG",
    // 达内教育: the demo's sites in every review state and its 借考 allocations.
    tenant: async () => ({ orgId: await anyId("EvaluationOrg", `code = '125'`) }),
    pages: [
      "/org",
      "/org/certificates",
      "/org/standards/skill",
      "/org/exam-plans",
      "/org/sites",
      "/org/sites/allocations",
      "/org/invigilators",
      "/org/registrations",
      "/org/payments",
      "/org/payments/fees",
      "/org/scheduling",
      "/org/scheduling/rooms",
      "/org/scheduling/sittings",
      "/org/scores",
      "/org/results",
      "/org/statistics",
      "/org/statistics/levels",
      "/org/issuance",
    ],
    dialogs: [
      ["/org/sites", "审核"],
      ["/org/sites/allocations", "分配考核站点"],
      ["/org/exam-plans", "发布考试计划"],
      ["/org/registrations", "修改"],
      ["/org/payments", "查看"],
      ["/org/scheduling", "自动排考"],
      ["/org/scheduling", "查看"],
      ["/org/scheduling/rooms", "查看"],
      ["/org/scores", "导入科目成绩"],
      ["/org/results", "查看"],
      ["/org/issuance", "获取待发证记录"],
      ["/org/issuance", "签发"],
      ["/org/issuance", "电子公章"],
      ["/org/issuance", "查看"],
    ],
  },
  {
    portal: "student",
    role: "STUDENT",
    tenant: async () => ({}),
    after: candidateFor,
    pages: ["/student", "/student/profile", "/student/registrations", "/student/tickets", "/student/scores", "/student/results", "/student/certificates"],
  },
];

for (const w of WIDTHS) {
  test(`public pages pass axe at ${w.name} width`, async ({ browser }, info) => {
    const ctx = await browser.newContext({ viewport: { width: w.width, height: w.height } });
    const page = await ctx.newPage();
    const refused = watchCsp(page);
    for (const p of [
      "/",
      "/notices",
      "/certificates",
      "/lookup",
      "/lookup?tab=certificates",
      "/school/login",
      "/register",
      "/no-such-page",
      "/verify/12345678901234567890123",
    ])
      await check(page, p, info.outputPath(`public${p.replace(/[/?=]/g, "_")}-${w.name}.png`));
    expect(refused).toEqual([]);
    await ctx.close();
  });
  for (const p of PORTALS) {
    test(`${p.portal} pages pass axe at ${w.name} width`, async ({ browser }, info) => {
      // The school portal visits some thirty pages and a dozen dialogs: about 3.5 min on a CI machine, so room to spare.
      test.setTimeout(480_000);
      const ctx = await browser.newContext({ viewport: { width: w.width, height: w.height } });
      const page = await ctx.newPage();
      const refused = watchCsp(page);
      const tenant = await p.tenant();
      const user = await makeUser(p.role, tenant);
      await p.after?.(user.id, tenant);
      await login(page, p.portal, user);
      for (const path of p.pages) await check(page, path, info.outputPath(`${path.replace(/\//g, "_")}-${w.name}.png`));
      for (const [path, button] of p.dialogs ?? [])
        await checkDialog(page, path, button, info.outputPath(`${path.replace(/\//g, "_")}-${button}-${w.name}.png`));
      if (w.width < 768) await checkDialog(page, p.pages[0], "菜单", info.outputPath(`${p.portal}-menu-${w.name}.png`));
      expect(refused).toEqual([]);
      await ctx.close();
    });
  }
}
