// 排考 end to end (issue 15): the org runs 自动排考 and publishes; the host school opens the room in 考场编排 and
// downloads the 准考证, 门贴, 桌贴 and 签到表 (read back with pdftotext, rendered with pdftoppm for a person to look
// at); a student downloads their own ticket from 我的准考证.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { hydrated, login, logout, makeExamPlan, makeOrgWithCertificate, makePilot, makeRegistered, makeSchool, makeSite, makeUser, sql } from "../fixtures";

/** Clicks a document button, waits for the PDF, reads its text and keeps a picture of its first page. */
async function pdfOf(page: Page, info: TestInfo, scope: ReturnType<Page["getByRole"]>, button: string, shot: string) {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), scope.getByRole("button", { name: button }).click()]);
  const file = info.outputPath(`${shot}.pdf`);
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", file, info.outputPath(shot)]);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

test("the org schedules and publishes; the school downloads the room's four documents; a student downloads the ticket", async ({ page }, info) => {
  test.setTimeout(300_000);
  const org = await makeOrgWithCertificate();
  const host = await makeSchool();
  const other = await makeSchool();
  await makePilot(host.id, [org.levelCode]);
  const site = await makeSite(host.id, org.orgId, org.levelId, `端到端排考考核站点${org.levelCode}`);
  // 排考 opened yesterday; the exam is in eight days.
  const plan = await makeExamPlan(org.orgId, [host.id], [org.levelId], -1);
  const subjects = await sql<{ id: string; examMode: string }>(`SELECT id, "examMode" FROM "ExamSubject" WHERE "certificateLevelId" = $1`, [org.levelId]);
  for (const [name, type, mode] of [
    ["13 号机房", "COMPUTER", "COMPUTER"],
    ["2 号实训室", "PRACTICAL", "PRACTICAL"],
  ] as const) {
    const [room] = await sql<{ id: string }>(
      `INSERT INTO "ExamRoom" (id, "planId", "siteId", "certificateLevelId", "schoolId", name, type, seats, "regionCode", address, "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 30, '110108', '学院路 30 号实训楼 3 层', now()) RETURNING id`,
      [plan.id, site.id, org.levelId, host.id, name, type],
    );
    await sql(`INSERT INTO "ExamRoomSubject" ("roomId", "subjectId") VALUES ($1, $2)`, [room.id, subjects.find((s) => s.examMode === mode)!.id]);
  }
  // Four certified invigilators of another school: two per room, none of them the host's.
  for (let k = 0; k < 4; k++) {
    const [teacher] = await sql<{ id: string }>(
      `INSERT INTO "Teacher" (id, "schoolId", name, gender, "idType", "idNumber", phone, "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'FEMALE', 'PASSPORT', $3, '13600000031', now()) RETURNING id`,
      [other.id, ["王丽华", "李建国", "张晓燕", "刘伟"][k], `E${randomBytes(4).toString("hex").toUpperCase()}`],
    );
    const [inv] = await sql<{ id: string }>(
      `INSERT INTO "Invigilator" (id, "schoolId", "teacherId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, now()) RETURNING id`,
      [other.id, teacher.id],
    );
    await sql(
      `INSERT INTO "InvigilatorCertificate" (id, "invigilatorId", "certificateId", "orgId", status) SELECT gen_random_uuid(), $1, "certificateId", $2, 'CERTIFIED' FROM "CertificateLevel" WHERE id = $3`,
      [inv.id, org.orgId, org.levelId],
    );
  }
  const names = ["王子涵", "李欣怡", "张浩然"];
  const students = [];
  for (const n of names) students.push(await makeRegistered(host.id, plan.id, org.levelId, n));

  // The org: 自动排考, then 发布排考.
  const orgUser = await makeUser("ORG", { orgId: org.orgId });
  await login(page, "org", orgUser, { trust: true });
  await page.goto("/org/scheduling");
  await hydrated(page);
  await page.getByRole("button", { name: "自动排考" }).click();
  const run = page.getByRole("dialog", { name: "自动排考" });
  const [{ code }] = await sql<{ code: string }>(`SELECT code FROM "ExamPlan" WHERE id = $1`, [plan.id]);
  const planOption = { label: `${plan.name}（${code}）` };
  await run.getByLabel(/考试计划/).selectOption(planOption);
  await run.getByRole("button", { name: "开始排考" }).click();
  await expect(run.getByText("排考完成：排入 6 人次，未排入 0 人次。")).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: info.outputPath("org-run.png") });
  await page.keyboard.press("Escape");
  // By hand: the last candidate of 13 号机房 to seat 5 (the ticket stays).
  await page.goto("/org/scheduling/rooms");
  await hydrated(page);
  await page.locator("tr[data-room='13 号机房']").getByRole("button", { name: "查看" }).click();
  const detail = page.getByRole("dialog", { name: "查询考场编排" });
  const last = detail.locator("tbody tr").filter({ hasText: names[2] });
  await last.getByRole("button", { name: "调整" }).click();
  const mv = page.getByRole("dialog", { name: `调整考场：${names[2]}` });
  await mv.getByLabel("座位号").fill("5");
  await mv.getByRole("button", { name: "确定调整" }).click();
  await expect(mv).toBeHidden();
  await expect(last.locator("td").nth(5)).toHaveText("5");
  await page.keyboard.press("Escape");
  await page.goto("/org/scheduling");
  await hydrated(page);
  await page.getByRole("button", { name: "发布排考" }).click();
  const pub = page.getByRole("dialog", { name: "发布排考" });
  await pub.getByLabel(/考试计划/).selectOption(planOption);
  await pub.getByRole("button", { name: "发布", exact: true }).click();
  await expect(pub.getByText("已发布 2 个科目的排考结果")).toBeVisible();
  await page.keyboard.press("Escape");
  await logout(page);

  // The host school: 考场编排 → 查看 → the four documents.
  const principal = await makeUser("SCHOOL_PRINCIPAL", { schoolId: host.id });
  await login(page, "school", principal, { trust: true });
  await page.goto("/school/scheduling/rooms");
  await hydrated(page);
  const row = page.locator("tr[data-room='13 号机房']");
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "查看" }).click();
  const room = page.getByRole("dialog", { name: "查询考场编排" });
  for (const n of names) await expect(room.getByRole("cell", { name: n })).toBeVisible();
  const tickets = (await room.locator("tbody tr td:nth-child(4)").allTextContents()).map((t) => t.trim());
  expect(tickets).toHaveLength(3);
  await page.screenshot({ path: info.outputPath("school-room.png") });
  const t = await pdfOf(page, info, room, "导出准考证", "tickets");
  for (const n of [...names, ...tickets, "考生须知", "13 号机房"]) expect(t).toContain(n);
  expect(await pdfOf(page, info, room, "下载考场门贴", "door-sign")).toContain(`${tickets[0]}~${tickets[2]}`);
  const desks = await pdfOf(page, info, room, "下载考场桌贴", "desk-stickers");
  for (const n of names) expect(desks).toContain(n);
  const signIn = await pdfOf(page, info, room, "下载考场签到表", "sign-in-sheet");
  for (const n of ["考场签到表", "考生签名", ...tickets]) expect(signIn).toContain(n);
  await page.keyboard.press("Escape");
  await logout(page);

  // A student: 我的准考证 → 下载准考证.
  await login(page, "student", students[0], { trust: true });
  await page.goto("/student/tickets");
  await hydrated(page);
  const section = page.getByRole("region", { name: /理论知识/ });
  await expect(section.getByText(tickets[0])).toBeVisible();
  await page.screenshot({ path: info.outputPath("student-tickets.png"), fullPage: true });
  const own = await pdfOf(page, info, section, "下载准考证", "student-ticket");
  expect(own).toContain(tickets[0]);
  expect(own).not.toContain(names[1]);
});
