// 成绩查询 / 证书查询 (issue 18): the public looks up a score in 成绩公示 with a name and an ID number (the proof-of-work
// check solves itself), a wrong name finds nothing, and a certificate is found by its number and holder's name, valid
// or revoked; axe on the answers at phone width.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { makeExamPlan, makeIssued, makeOrgWithCertificate, makePilot, makeRegistered, makeSchool, sql } from "../fixtures";

async function axe(page: Page, where: string) {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect.soft(r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${where} ${v.id}`)).toEqual([]);
}

test("a score in 公示 by name and ID number; a certificate by number and name, valid or revoked", async ({ page }, info) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const org = await makeOrgWithCertificate();
  const school = await makeSchool();
  await makePilot(school.id, [org.levelCode]);
  // 排考 opened 18 days ago: 成绩公示 began two days ago.
  const plan = await makeExamPlan(org.orgId, [school.id], [org.levelId], -18);
  const s = await makeRegistered(school.id, plan.id, org.levelId, "孙查询");
  await sql(
    `INSERT INTO "SubjectScore" (id, "registrationId", "subjectId", "planId", mark, score, "enteredAt", "updatedAt")
     SELECT gen_random_uuid(), "registrationId", "subjectId", "planId", 'SCORED', 88.5, now(), now() FROM "RegistrationSubject" WHERE "registrationId" = $1`,
    [s.registrationId],
  );
  const other = await makeRegistered(school.id, plan.id, org.levelId, "周撤销");
  const valid = await makeIssued(s.registrationId);
  const revoked = await makeIssued(other.registrationId, { revoked: "考核违纪" });

  await page.goto("/");
  await page.getByRole("link", { name: "成绩查询", exact: true }).click();
  await expect(page.getByRole("heading", { name: "成绩查询" })).toBeVisible();
  const form = page.getByRole("form", { name: "成绩查询" });
  await form.getByLabel("姓名").fill("孙查询");
  await form.getByLabel("证件号码").fill(s.idNumber.toLowerCase());
  await expect(page.getByText("安全校验已完成")).toBeVisible({ timeout: 30_000 });
  await form.getByRole("button", { name: "查询成绩" }).click();
  const result = page.locator("[data-lookup='scores']");
  await expect(result).toContainText("88.5");
  await expect(result).toContainText("成绩公示中");
  await expect(result).not.toContainText(s.idNumber);
  await page.screenshot({ path: info.outputPath("scores.png"), fullPage: true });
  await axe(page, "lookup scores");
  // A wrong name: nothing, and the next query gets a fresh check.
  await form.getByLabel("姓名").fill("孙查寻");
  await expect(page.getByText("安全校验已完成")).toBeVisible({ timeout: 30_000 });
  await form.getByRole("button", { name: "查询成绩" }).click();
  await expect(page.locator("[data-lookup='none']")).toContainText("未查询到成绩");

  await page.getByRole("link", { name: "证书查询", exact: true }).click();
  const cert = page.getByRole("form", { name: "证书查询" });
  await cert.getByLabel("证书编号").fill(valid);
  await cert.getByLabel("持证人姓名").fill("孙查询");
  await expect(page.getByText("安全校验已完成")).toBeVisible({ timeout: 30_000 });
  await cert.getByRole("button", { name: "查询证书" }).click();
  await expect(page.locator(`[data-certificate='${valid}']`)).toContainText("有效");
  await axe(page, "lookup certificates");
  await page.screenshot({ path: info.outputPath("certificate.png"), fullPage: true });
  await cert.getByLabel("证书编号").fill(revoked);
  await cert.getByLabel("持证人姓名").fill("周撤销");
  await expect(page.getByText("安全校验已完成")).toBeVisible({ timeout: 30_000 });
  await cert.getByRole("button", { name: "查询证书" }).click();
  await expect(page.locator(`[data-certificate='${revoked}']`)).toContainText("已撤销");
  // By name and ID number.
  await page.getByLabel("按姓名 + 证件号码").check();
  await cert.getByLabel("持证人姓名").fill("孙查询");
  await cert.getByLabel("证件号码").fill(s.idNumber);
  await expect(page.getByText("安全校验已完成")).toBeVisible({ timeout: 30_000 });
  await cert.getByRole("button", { name: "查询证书" }).click();
  await expect(page.locator(`[data-certificate='${valid}']`)).toBeVisible();
});
