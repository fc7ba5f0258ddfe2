// 证书发放管理 end to end (issue 17): the org gets the pending records of an ended plan, refuses one with a reason and
// re-signs it with the others in one batch (a signature drawn on screen and an SMS code); the school refuses one
// with a reason and re-signs it with the rest; every record then waits in 证书待发放.
import { expect, test, type Page } from "@playwright/test";
import { hydrated, login, logout, makeExamPlan, makeOrgWithCertificate, makePilot, makeRegistered, makeSchool, makeUser, smsCode, sql } from "../fixtures";

async function drawAndConfirm(page: Page, phone: string) {
  const dialog = page.getByRole("dialog");
  const pad = dialog.locator("[data-signature-pad]");
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.6);
  await page.mouse.down();
  for (const [x, y] of [
    [0.3, 0.2],
    [0.5, 0.8],
    [0.7, 0.3],
    [0.9, 0.6],
  ])
    await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 6 });
  await page.mouse.up();
  await expect(dialog.getByText("已签名")).toBeVisible();
  await dialog.getByRole("button", { name: "获取验证码" }).click();
  await dialog.getByLabel(/短信验证码/).fill(await smsCode(page.context().browser()!, phone, "证书签发确认"));
  await dialog.getByRole("button", { name: "确认签发" }).click();
  await expect(dialog).toBeHidden();
}

async function refuse(page: Page, name: string, reason: string) {
  await page.locator(`tr[data-issuance="${name}"]`).getByRole("button", { name: "拒绝签发" }).click();
  await page.getByLabel(/拒绝签发理由/).fill(reason);
  await page.getByRole("button", { name: "确认拒绝" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
}

const tab = (page: Page, label: string) => page.getByRole("tab", { name: new RegExp(`^${label}`) });

test("org and school co-sign: pending records, refusals with reasons, re-signing, batch signing", async ({ page }, info) => {
  test.setTimeout(240_000);
  const org = await makeOrgWithCertificate();
  const school = await makeSchool();
  await makePilot(school.id, [org.levelCode]);
  // 排考 opened 40 days ago: 公示 ended 17 days ago, the plan is over.
  const plan = await makeExamPlan(org.orgId, [school.id], [org.levelId], -40);
  const names = ["周签发", "吴签发", "郑签发"];
  for (const n of names) await makeRegistered(school.id, plan.id, org.levelId, n);
  await sql(
    `INSERT INTO "CertificationResult" ("registrationId", "planId", "orgId", "schoolId", "certificateLevelId", year, outcome, "computedAt")
     SELECT r.id, r."planId", $2, r."schoolId", r."certificateLevelId", r.year, 'PASSED', now() FROM "Registration" r WHERE r."planId" = $1`,
    [plan.id, org.orgId],
  );

  const orgUser = await makeUser("ORG", { orgId: org.orgId });
  await login(page, "org", orgUser, { trust: true });
  await page.goto("/org/issuance");
  await hydrated(page);
  await page.getByRole("button", { name: "获取待发证记录" }).click();
  const gen = page.getByRole("dialog", { name: "获取待发证记录" });
  await gen
    .getByLabel(/考试计划/)
    .selectOption({ label: `${plan.name}（${(await sql<{ code: string }>(`SELECT code FROM "ExamPlan" WHERE id = $1`, [plan.id]))[0].code}）` });
  await expect(gen.locator("[data-issuable='3']")).toBeVisible();
  await page.screenshot({ path: info.outputPath("generate.png"), fullPage: true });
  await gen.getByRole("button", { name: "确认生成" }).click();
  await expect(gen.getByText("已生成 3 条待签发记录")).toBeVisible();
  await gen.getByRole("button", { name: "关闭" }).first().click();
  await expect(page.locator("tr[data-issuance]")).toHaveCount(3);

  await refuse(page, "周签发", "成绩待核实");
  await tab(page, "培训评价组织拒绝签发").click();
  await expect(page.locator("tr[data-issuance='周签发']")).toContainText("理由：成绩待核实");
  await expect(page.locator("tr[data-issuance='周签发']").getByRole("button", { name: "重新签发" })).toBeVisible();
  // One signing act (an SMS code a minute per phone): the refused record re-signed with the two pending ones.
  await tab(page, "全部").click();
  await expect(page.locator("tr[data-issuance]")).toHaveCount(3);
  await page.getByLabel("全选本页").check();
  await page.getByRole("button", { name: "批量确认签发" }).click();
  await expect(page.getByRole("dialog", { name: "批量确认签发（3 条）" })).toBeVisible();
  await page.screenshot({ path: info.outputPath("sign.png"), fullPage: true });
  await drawAndConfirm(page, orgUser.phone!);
  await tab(page, "考核站点待签发").click();
  await expect(page.locator("tr[data-issuance]")).toHaveCount(3);
  await logout(page);

  const principal = await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id });
  await login(page, "school", principal, { trust: true });
  await page.goto("/school/issuance");
  await hydrated(page);
  await expect(page.locator("tr[data-issuance]")).toHaveCount(3);
  await refuse(page, "吴签发", "学生姓名有误，待更正");
  await tab(page, "考核站点拒绝签发").click();
  await expect(page.locator("tr[data-issuance='吴签发']")).toContainText("理由：学生姓名有误，待更正");
  await tab(page, "全部").click();
  await expect(page.locator("tr[data-issuance]")).toHaveCount(3);
  await page.getByLabel("全选本页").check();
  await page.getByRole("button", { name: "批量确认签发" }).click();
  await drawAndConfirm(page, principal.phone!);
  await tab(page, "证书待发放").click();
  await expect(page.locator("tr[data-issuance]")).toHaveCount(3);
  await page.screenshot({ path: info.outputPath("school-signed.png"), fullPage: true });
  const events = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "IssuanceEvent" e JOIN "Issuance" i ON i.id = e."issuanceId" WHERE i."planId" = $1 AND e."signatureId" IS NOT NULL`,
    [plan.id],
  );
  expect(events[0].n).toBe(6);
});
