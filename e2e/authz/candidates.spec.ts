// Must-deny for candidates: another school's ids, another role's imports, another school's files.
import { expect, test } from "@playwright/test";
import { anyId, login, makeSchool, makeUser, sql } from "../fixtures";

test("another school or a department gets nothing of a school's candidates, imports or files", async ({ page, browser }) => {
  const seeded = (
    await sql<{ id: string; schoolId: string }>(
      `SELECT c.id, c."schoolId" FROM "Candidate" c JOIN "School" s ON s.id = c."schoolId" WHERE s.code = '4111010009' LIMIT 1`,
    )
  )[0];
  const s = await makeSchool();
  await login(page, "school", await makeUser("SCHOOL_PRINCIPAL", { schoolId: s.id }));
  const detail = await page.request.get(`/api/trpc/candidates.detail?input=${encodeURIComponent(JSON.stringify({ json: { id: seeded.id } }))}`);
  expect(detail.status()).toBe(404);
  for (const [path, input] of [
    ["candidates.delete", { ids: [seeded.id] }],
    ["candidates.resetPassword", { id: seeded.id }],
    ["candidates.verify", { ids: [seeded.id] }],
    ["candidates.confirm", { id: seeded.id }],
  ] as const) {
    const r = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
    expect(r.status(), path).toBe(404);
  }
  expect((await sql(`SELECT id FROM "Candidate" WHERE id = $1`, [seeded.id])).length).toBe(1);
  // A failed-rows file of another school's import is not downloadable.
  const other = (await sql<{ id: string }>(`SELECT f.id FROM "StoredFile" f WHERE f.purpose = 'IMPORT_FAILED_ROWS' LIMIT 1`))[0];
  if (other) expect((await page.request.get(`/api/files/${other.id}`)).status()).toBe(404);

  const ctx = await browser.newContext();
  const edu = await ctx.newPage();
  await login(edu, "edu", await makeUser("EDU", { departmentId: await anyId("EducationDepartment", `name = '北京市教育委员会'`) }));
  expect((await edu.request.get("/api/import/candidates/template")).status()).toBe(403);
  const up = await edu.request.post("/api/import/candidates", {
    multipart: { file: { name: "a.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from("PK\x03\x04") } },
  });
  expect(up.status()).toBe(403);
  const list = await edu.request.get(`/api/trpc/lists.candidates?input=${encodeURIComponent(JSON.stringify({ json: { filter: {} } }))}`);
  expect(list.status()).toBe(403);
  await ctx.close();
});
