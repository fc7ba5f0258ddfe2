// Must-deny for reviews and weekly reports: another region's department, a sub-account and a school
// still applying get nothing, whatever ids they send, and nothing changes.
import { expect, test, type Page } from "@playwright/test";
import { anyId, login, makeSchool, makeUser, sql } from "../fixtures";

async function trpc(page: Page, path: string, input: unknown) {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  return { status: res.status(), body: await res.json() };
}

test("another province cannot see or decide an application or a weekly report", async ({ page }) => {
  // A submitted application and a pending weekly report of a Beijing school (seeded ones).
  const app = (
    await sql<{ id: string }>(
      `SELECT a.id FROM "PilotApplication" a JOIN "School" s ON s.id = a."schoolId" WHERE a.status = 'IN_REVIEW' AND s."regionCode" LIKE '11%' LIMIT 1`,
    )
  )[0];
  const report = (
    await sql<{ id: string }>(
      `SELECT r.id FROM "WeeklyReport" r JOIN "School" s ON s.id = r."schoolId" WHERE r.status = 'PENDING' AND s."regionCode" LIKE '11%' LIMIT 1`,
    )
  )[0];
  const sd = await makeUser("EDU", { departmentId: await anyId("EducationDepartment", `name = '山东省教育厅'`) });
  await login(page, "edu", sd);
  for (const [path, input] of [
    ["applications.decide", { id: app.id, approve: true }],
    ["applications.detail", { id: app.id }],
    ["reports.decide", { id: report.id, approve: true }],
    ["reports.detail", { id: report.id }],
  ] as const) {
    const r = path.endsWith("detail")
      ? await page.request
          .get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
          .then(async (x) => ({ status: x.status(), body: await x.json() }))
      : await trpc(page, path, input);
    expect(r.status, path).toBe(404);
    expect(JSON.stringify(r.body)).not.toMatch(/stack|prisma|at \//i);
  }
  const many = await trpc(page, "applications.approveMany", { ids: [app.id] });
  expect(many.body.result.data.json).toMatchObject({ approved: 0 });
  expect((await sql<{ status: string }>(`SELECT status FROM "PilotApplication" WHERE id = $1`, [app.id]))[0].status).toBe("IN_REVIEW");
  expect((await sql<{ status: string }>(`SELECT status FROM "WeeklyReport" WHERE id = $1`, [report.id]))[0].status).toBe("PENDING");
});

test("a sub-account has no weekly reports; a school cannot review; an applying school can only apply", async ({ page, browser }) => {
  const s = await makeSchool();
  await login(page, "school", await makeUser("SCHOOL_ADMIN", { schoolId: s.id }));
  await page.goto("/school/reports");
  await expect(page).toHaveURL(/\/school$/);
  expect((await trpc(page, "reports.save", { sections: {}, submit: false })).status).toBe(403);
  expect((await trpc(page, "applications.approveMany", { ids: ["00000000-0000-0000-0000-000000000000"] })).status).toBe(403);
  const up = await page.request.post("/api/upload/weekly-report-scan", {
    multipart: { file: { name: "a.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n") } },
  });
  expect(up.status()).toBe(403);

  const ctx = await browser.newContext();
  const applicant = await ctx.newPage();
  const a = await makeSchool("420111");
  await sql(`UPDATE "School" SET status = 'APPLYING', "isPilot" = false WHERE id = $1`, [a.id]);
  await login(applicant, "school", await makeUser("SCHOOL_PRINCIPAL", { schoolId: a.id }));
  await applicant.goto("/school/orgs");
  await expect(applicant).toHaveURL(/\/school\/applications/);
  const certs = await applicant.request.get(`/api/trpc/lists.certificates?input=${encodeURIComponent(JSON.stringify({ json: { filter: {} } }))}`);
  expect(certs.status()).toBe(403);
  expect((await certs.json()).error.json.message).toBe("贵校尚未成为试点院校，目前只能完善院校信息和申报证书试点");
  const plans = await applicant.request.get(`/api/trpc/applications.applicable`);
  expect(plans.status()).toBe(200);
  await ctx.close();
});
