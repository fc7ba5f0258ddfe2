// Must-deny: another school's sites, rooms, teachers and invigilators, and another org's review, stay shut
// whatever ids the caller sends, through the API as through the pages.
import { expect, test, type Page } from "@playwright/test";
import { login, makeExamSetup, makeSchool, makeUser, sql } from "../fixtures";

async function post(page: Page, path: string, input: unknown) {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  return { status: res.status(), body: JSON.stringify(await res.json()) };
}
async function get(page: Page, path: string, input: unknown) {
  const res = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  return { status: res.status(), body: JSON.stringify(await res.json()) };
}

test("a school cannot read or change another school's site, room or invigilator; an org cannot review another org's site", async ({ page }) => {
  const host = await makeSchool();
  const setup = await makeExamSetup(host.id);
  const [room] = await sql<{ id: string }>(`SELECT id FROM "ExamRoom" WHERE "siteId" = $1`, [setup.site.id]);
  const [inv] = await sql<{ id: string; cert: string }>(
    `SELECT i.id, c.id AS cert FROM "Invigilator" i JOIN "InvigilatorCertificate" c ON c."invigilatorId" = i.id WHERE i."schoolId" = $1`,
    [host.id],
  );
  const other = await makeSchool();
  await login(page, "school", await makeUser("SCHOOL_PRINCIPAL", { schoolId: other.id }));
  for (const [path, input] of [
    ["sites.detail", { id: setup.site.id }],
    ["rooms.detail", { id: room.id }],
    ["invigilators.detail", { id: inv.id }],
  ] as const) {
    const r = await get(page, path, input);
    expect(r.status, path).toBe(404);
    expect(r.body).not.toMatch(/学院路|王丽华|stack|prisma/i);
  }
  for (const [path, input] of [
    ["sites.delete", { ids: [setup.site.id] }],
    ["sites.withdraw", { id: setup.site.id }],
    ["rooms.delete", { ids: [room.id] }],
    ["invigilators.delete", { ids: [inv.id] }],
  ] as const)
    expect((await post(page, path, input)).status, path).toBe(404);
  // An org's procedures are closed to a school.
  expect((await post(page, "sites.approve", { id: setup.site.id })).status).toBe(403);
  expect((await post(page, "invigilators.decide", { ids: [inv.cert], approve: true })).status).toBe(403);
  // The plan is not the other school's: its places are empty, a room there is refused.
  expect(JSON.parse((await get(page, "rooms.places", { planId: setup.plan.id })).body).result.data.json).toEqual([]);
  await page.goto("/org/sites");
  await expect(page).toHaveURL(/\/school$/);
  const rows = await sql<{ n: string }>(`SELECT count(*)::text AS n FROM "ExamRoom" WHERE "siteId" = $1`, [setup.site.id]);
  expect(rows[0].n).toBe("1");
});
