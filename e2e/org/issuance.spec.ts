// 证书发放管理 end to end (issue 17): the org gets the pending records of an ended plan, refuses one with a reason and
// re-signs it with the others in one batch (a signature drawn on screen and an SMS code); the school refuses one
// with a reason and re-signs it with the rest; the org uploads its seal and issues them electronically; the student
// downloads the PDF, which is rendered with pdftoppm to be looked at.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import JSZip from "jszip";
import { verifyCredential } from "did-jwt-vc";
import {
  hydrated,
  login,
  logout,
  makeExamPlan,
  makeOrgWithCertificate,
  makePilot,
  makeRegistered,
  makeSchool,
  makeUser,
  smsCode,
  sql,
  storeFile,
} from "../fixtures";

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

test("org and school co-sign, the org issues electronically, the student downloads the PDF", async ({ page }, info) => {
  test.setTimeout(360_000);
  const org = await makeOrgWithCertificate();
  const school = await makeSchool();
  await makePilot(school.id, [org.levelCode]);
  // 排考 opened 40 days ago: 公示 ended 17 days ago, the plan is over.
  const plan = await makeExamPlan(org.orgId, [school.id], [org.levelId], -40);
  const names = ["周签发", "吴签发", "郑签发"];
  const students = [];
  for (const n of names) students.push(await makeRegistered(school.id, plan.id, org.levelId, n));
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

  // The candidates' photos and the principal's e-signature are on file (uploaded on their own pages).
  const photo = await sharp({ create: { width: 295, height: 413, channels: 3, background: "#c8102e" } })
    .jpeg()
    .toBuffer();
  for (const u of students)
    await sql(`UPDATE "Candidate" SET "photoFileId" = $1 WHERE "userId" = $2`, [await storeFile("CANDIDATE_PHOTO", photo, "jpg"), u.id]);
  const signature = await sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="95" height="95"><path d="M10 60 C 30 10, 50 90, 85 30" stroke="#111" stroke-width="4" fill="none"/></svg>`,
    ),
  )
    .png()
    .toBuffer();
  await sql(`UPDATE "School" SET "signatureFileId" = $1, "signatureAgreedAt" = now() WHERE id = $2`, [
    await storeFile("SIGNATURE", signature, "png"),
    school.id,
  ]);
  await logout(page);

  // The org uploads its seal, then issues the three electronically in one batch.
  await login(page, "org", orgUser, { trust: true });
  await page.goto("/org/issuance");
  await hydrated(page);
  await page.getByRole("button", { name: "电子公章" }).click();
  const sealFile = info.outputPath("seal.png");
  fs.writeFileSync(
    sealFile,
    await sharp(
      Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><circle cx="200" cy="200" r="180" stroke="#d00" stroke-width="14" fill="none"/><circle cx="200" cy="200" r="40" fill="#d00"/></svg>`,
      ),
    )
      .png()
      .toBuffer(),
  );
  const sealDialog = page.getByRole("dialog", { name: "电子公章" });
  await sealDialog.locator("input[type=file]").setInputFiles(sealFile);
  await expect(sealDialog.getByRole("img", { name: "电子公章预览" })).toBeVisible();
  await sealDialog.getByRole("button", { name: "保存" }).click();
  await expect(sealDialog).toBeHidden();
  await tab(page, "证书待发放").click();
  await expect(page.locator("tr[data-issuance]")).toHaveCount(3);
  await page.getByLabel("全选本页").check();
  await page.getByRole("button", { name: "批量发放" }).click();
  const issueDialog = page.getByRole("dialog", { name: "批量发放证书（3 条）" });
  await issueDialog.getByLabel(/电子证书/).check();
  await issueDialog.getByRole("button", { name: "确认发放" }).click();
  await expect(issueDialog).toBeHidden();
  await expect(page.locator("[data-issue-run='DONE']")).toContainText("完成发放 3 份", { timeout: 60_000 });
  await tab(page, "完成发放").click();
  await expect(page.locator("tr[data-issuance]")).toHaveCount(3);
  await page.screenshot({ path: info.outputPath("issued.png"), fullPage: true });
  // 批量下载证书: the worker zips the three PDFs; the browser downloads the zip.
  await page.getByLabel("全选本页").check();
  const [zipped] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByRole("button", { name: "批量下载证书" }).click()]);
  const zip = await JSZip.loadAsync(fs.readFileSync(await zipped.path()));
  expect(Object.keys(zip.files)).toHaveLength(3);
  for (const name of Object.keys(zip.files)) expect((await zip.file(name)!.async("nodebuffer")).subarray(0, 5).toString()).toBe("%PDF-");
  await page.getByLabel("全选本页").uncheck();
  await page.locator("tr[data-issuance='郑签发']").getByRole("button", { name: "查看" }).click();
  const detail = page.getByRole("dialog", { name: "证书发放详情" });
  await detail.getByRole("tab", { name: "签发记录" }).click();
  await expect(detail.locator("[data-issuance-event]")).toHaveCount(5);
  await expect(detail.getByRole("img", { name: /签发签名/ })).toHaveCount(2);
  await page.screenshot({ path: info.outputPath("detail-events.png"), fullPage: true });
  await detail.getByRole("button", { name: "关闭" }).last().click();
  await expect(detail).toBeHidden();
  await logout(page);

  // The student sees it in 我的证书 and downloads the PDF.
  const student = students[2];
  await login(page, "student", student, { trust: true });
  await page.goto("/student/certificates");
  await hydrated(page);
  const card = page.locator("[data-certificate]");
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("有效");
  const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: "下载电子证书" }).click()]);
  const pdf = info.outputPath("certificate.pdf");
  await download.saveAs(pdf);
  expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
  expect(text).toContain("郑签发");
  expect(text).toContain("职业技能等级证书");
  execFileSync("pdftoppm", ["-png", "-r", "70", "-singlefile", pdf, info.outputPath("certificate")]);
  expect(fs.existsSync(info.outputPath("certificate.png"))).toBe(true);
  await page.screenshot({ path: info.outputPath("student-certificates.png"), fullPage: true });
  // The Verifiable Credential: did-jwt-vc verifies its VC-JWT against the DID document the platform serves.
  const [vcDownload] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: "下载可验证凭证" }).click()]);
  const vc = JSON.parse(fs.readFileSync(await vcDownload.path(), "utf8"));
  const doc = await (await page.request.get("/.well-known/did.json")).json();
  const resolver = { resolve: async (did: string) => ({ didDocument: did === doc.id ? doc : null, didDocumentMetadata: {}, didResolutionMetadata: {} }) };
  const verified = await verifyCredential(vc.proof.jwt, resolver);
  expect(verified.verifiableCredential.type).toContain("OpenBadgeCredential");
  const number = (await card.getAttribute("data-certificate"))!;
  expect(verified.verifiableCredential.id).toContain(number);

  // 在线核验 (the QR code's link): the browser checks the ledger proof; the English page says the same.
  await card.getByRole("link", { name: "在线核验" }).click();
  await expect(page.locator("[data-certificate-check='valid']")).toBeVisible();
  await expect(page.locator("[data-proof='ok']")).toContainText("校验通过", { timeout: 30_000 });
  const verifyUrl = page.url();
  await page.screenshot({ path: info.outputPath("verify.png"), fullPage: true });
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.locator("[data-proof='ok']")).toContainText("Verified", { timeout: 30_000 });
  // An altered number (its check digit still right or not) reads nothing.
  const tampered = verifyUrl.replace(number, number.slice(0, 20) + ((Number(number[20]) + 1) % 10) + number.slice(21));
  await page.goto(tampered);
  await expect(page.locator("[data-certificate-check='unknown']")).toContainText("未找到该证书");
  await page.goto("/student");
  await logout(page);

  // The org revokes it: the same link now fails visibly, the revocation itself checked on the ledger.
  await login(page, "org", orgUser, { trust: true });
  await page.goto("/org/issuance");
  await hydrated(page);
  await tab(page, "完成发放").click();
  await page.locator("tr[data-issuance='郑签发']").getByRole("button", { name: "撤销" }).click();
  const revoke = page.getByRole("dialog");
  await revoke.getByLabel(/撤销理由/).fill("证书信息有误");
  await revoke.getByRole("button", { name: /确认撤销/ }).click();
  await expect(revoke).toBeHidden();
  await page.goto(verifyUrl);
  await expect(page.locator("[data-certificate-check='revoked']")).toContainText("证书信息有误");
  await expect(page.locator("[data-proof='revoked']")).toContainText("已被撤销", { timeout: 30_000 });
  await page.screenshot({ path: info.outputPath("verify-revoked.png"), fullPage: true });
});
