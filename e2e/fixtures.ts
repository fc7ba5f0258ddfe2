// Each test makes its own tenants and accounts straight in the database (unique names and phones),
// then drives the real app through the browser: captcha, password, SMS from the demo inbox.
import { withUsccCheck } from "../src/domain/identifiers/uscc";
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { certificateNumber, numberPrefix } from "../src/domain/issuance/certificate";
import { hash } from "@node-rs/argon2";
import { expect, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import fs from "node:fs";
import path from "node:path";

export const PASSWORD = "E2e@2026pass";
export const CAPTCHA = "8888"; // CAPTCHA_PROVIDER=fixed, refused in production mode
let hashed: Promise<string> | undefined;
let seq = Math.floor(Math.random() * 1e6);

export async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

export const uniquePhone = () => `159${String(process.pid % 100).padStart(2, "0")}${String(seq++ % 1e6).padStart(6, "0")}`;

export async function makeSchool(regionCode = "110108") {
  const id = randomUUID();
  const code = `49${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  // With its basic information, as an established pilot school has it (submitting an application needs it).
  await sql(
    `INSERT INTO "School" (id, code, name, type, "regionCode", "isPilot", uscc, address, "contactName", "contactPhone", "contactEmail", "updatedAt")
     VALUES ($1,$2,$3,'HIGHER_VOCATIONAL',$4,true,$5,'端到端测试路 1 号','张老师','13800000001',$6,now())`,
    [id, code, `端到端测试学院${randomBytes(3).toString("hex")}`, regionCode, withUsccCheck(`12${regionCode}${code.slice(1)}`), `e2e${code}@example.edu.cn`],
  );
  return { id, code };
}

/** The permissions a school role may grant (src/domain/auth/permissions grantable("school")). */
export const ALL_SCHOOL_GRANTS = [
  "school.orgs",
  "school.schools",
  "school.standards",
  "school.certificates",
  "school.applications",
  "school.plans",
  "school.subjects",
  "school.examPlans",
  "school.candidates",
  "school.sites",
  "school.rooms",
  "school.invigilators",
  "school.registrations",
  "school.payments",
  "school.scheduling",
  "school.teachers",
  "school.scores",
  "school.statistics",
  "school.issuance",
];

/** A school role (角色) of the test's own. */
export async function makeAccessRole(permissions: string[], name = `端到端角色${randomBytes(3).toString("hex")}`) {
  const id = randomUUID();
  await sql(`INSERT INTO "AccessRole" (id, portal, name, permissions, "updatedAt") VALUES ($1,'school',$2,$3,now())`, [id, name, permissions]);
  return { id, name };
}

export async function makeUser(
  role: string,
  tenant: { schoolId?: string; orgId?: string; departmentId?: string } = {},
  opts: { bound?: boolean; permissions?: string[] } = {},
) {
  hashed ??= hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  // A sub-account needs a role: by default one granting everything, else exactly `permissions`.
  const accessRoleId = role === "SCHOOL_ADMIN" ? (await makeAccessRole(opts.permissions ?? ALL_SCHOOL_GRANTS)).id : null;
  const id = randomUUID();
  const bound = opts.bound ?? true;
  const account = `e2e${randomBytes(4).toString("hex")}`;
  const phone = bound ? uniquePhone() : null;
  await sql(
    `INSERT INTO "User" (id, account, "passwordHash", role, name, phone, "mustChangePassword", "schoolId", "orgId", "departmentId", "accessRoleId", "updatedAt")
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,now())`,
    [
      id,
      account,
      await hashed,
      role,
      bound ? "端到端用户" : null,
      phone,
      !bound,
      tenant.schoolId ?? null,
      tenant.orgId ?? null,
      tenant.departmentId ?? null,
      accessRoleId,
    ],
  );
  return { id, account, phone };
}

export async function anyId(table: "EvaluationOrg" | "EducationDepartment", where = "true") {
  return (await sql<{ id: string }>(`SELECT id FROM "${table}" WHERE ${where} LIMIT 1`))[0].id;
}

/** Reads the newest code sent to this phone from the demo SMS inbox page. */
export async function smsCode(browser: Browser, phone: string, purpose?: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.goto("/demo/sms");
    await hydrated(page);
    await page.getByLabel("手机号").fill(phone);
    const cell = page
      .locator(`tr[data-phone="${phone}"] .sms-content`)
      .filter({ hasText: purpose ? `${purpose}验证码` : "验证码" })
      .first();
    await expect(cell).toBeVisible();
    let code = "";
    await expect
      .poll(
        async () => {
          code = /验证码为 (\d{6})/.exec((await cell.textContent()) ?? "")?.[1] ?? "";
          if (!code) {
            await page.reload();
            await page.getByLabel("手机号").fill(phone);
          }
          return code;
        },
        { message: `no new SMS for ${phone}`, timeout: 10_000, intervals: [250, 500] },
      )
      .not.toBe("");
    return code;
  } finally {
    await page.close();
  }
}

export async function submitPassword(page: Page, portal: string, account: string, password: string) {
  await page.goto(`/${portal}/login`);
  await hydrated(page);
  await expect(page.getByAltText("图形验证码")).toBeVisible();
  await page.getByLabel("账号").fill(account);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByLabel("图形验证码").fill(CAPTCHA);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

/** Full login through the UI; returns when the portal's 工作台 shows. */
export async function login(page: Page, portal: string, user: { account: string; phone: string | null }, opts: { trust?: boolean; password?: string } = {}) {
  await submitPassword(page, portal, user.account, opts.password ?? PASSWORD);
  const smsStep = page.getByLabel("短信验证码");
  const landed = page.getByRole("heading", { name: "工作台" });
  await expect(smsStep.or(landed).first()).toBeVisible();
  if (await smsStep.isVisible()) {
    await page.getByText(/验证码已发送至您绑定的手机号/).waitFor();
    await smsStep.fill(await smsCode(page.context().browser()!, user.phone!, "登录"));
    const trust = page.getByLabel(/信任此浏览器/);
    if (!opts.trust) await trust.uncheck();
    await page.getByRole("button", { name: "验证并登录" }).click();
  }
  await expect(landed).toBeVisible();
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: "用户菜单" }).click();
  await page.getByRole("menuitem", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);
}

/** Waits until React has hydrated the current page, so typed input is not lost. */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** Makes the school a pilot of these certificate levels (证书编号, 60000011), as an approved application would. */
export async function makePilot(schoolId: string, levelCodes: string[], year = new Date().getFullYear()) {
  for (const code of levelCodes) {
    const r = await sql(
      `INSERT INTO "PilotApplication" (id, "schoolId", "certificateLevelId", year, batch, status, "requestedTotal", "approvedTotal", "updatedAt")
       SELECT $1, $2, cl.id, $3, '第一批', 'APPROVED', 100, 80, now() FROM "CertificateLevel" cl WHERE cl.code = $4 RETURNING id`,
      [randomUUID(), schoolId, year, code],
    );
    if (!r.length) throw new Error(`no certificate level ${code}`);
  }
}

/** An org of the test's own with one enabled certificate: a 初级 level with a 机考 and a 实操 subject. */
export async function makeOrgWithCertificate() {
  const tag = randomBytes(3).toString("hex");
  const orgId = randomUUID();
  const certificateId = randomUUID();
  const levelId = randomUUID();
  const code = `7${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
  const name = `端到端${tag}职业技能等级证书`;
  await sql(`INSERT INTO "EvaluationOrg" (id, code, name, "updatedAt") VALUES ($1, $2, $3, now())`, [orgId, `e${tag}`, `端到端评价组织${tag}`]);
  await sql(
    `INSERT INTO "Certificate" (id, code, name, "orgId", batch, category, "examModes", "updatedAt")
     VALUES ($1, $2, $3, $4, '第一批', '电子与信息大类', '{COMPUTER,PRACTICAL}', now())`,
    [certificateId, code, name, orgId],
  );
  await sql(`INSERT INTO "CertificateLevel" (id, code, "certificateId", level) VALUES ($1, $2, $3, 'JUNIOR')`, [levelId, `${code}1`, certificateId]);
  for (const [k, mode, title] of [
    [1, "COMPUTER", "理论知识（初级）"],
    [2, "PRACTICAL", "实操技能（初级）"],
  ] as const)
    await sql(`INSERT INTO "ExamSubject" (id, code, name, "certificateLevelId", "examMode", "durationMinutes") VALUES ($1, $2, $3, $4, $5, 90)`, [
      randomUUID(),
      `${code}1${k}01`,
      title,
      levelId,
      mode,
    ]);
  return { orgId, orgName: `端到端评价组织${tag}`, certificateName: name, levelId, levelCode: `${code}1` };
}

/** An org's 考试计划 for these schools and levels; its 排考 window starts `schedulingInDays` from now (may be negative). */
export async function makeExamPlan(orgId: string, schoolIds: string[], levelIds: string[], schedulingInDays: number) {
  const id = randomUUID();
  const d = (days: number) => new Date(Date.now() + (schedulingInDays + days) * 86_400_000);
  const name = `端到端考试计划${randomBytes(3).toString("hex")}`;
  await sql(
    `INSERT INTO "ExamPlan" (id, code, name, year, "orgId", "registrationStartsAt", "registrationEndsAt", "schedulingStartsAt", "schedulingEndsAt",
       "examStartsAt", "examEndsAt", "scoringStartsAt", "scoringEndsAt", "publicityStartsAt", "publicityEndsAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now())`,
    [id, `9${String(Date.now()).slice(-11)}`, name, new Date().getFullYear(), orgId, d(-5), d(5), d(0), d(7), d(9), d(9.2), d(10), d(15), d(16), d(23)],
  );
  for (const schoolId of schoolIds) await sql(`INSERT INTO "ExamPlanSchool" ("planId", "schoolId") VALUES ($1, $2)`, [id, schoolId]);
  for (const levelId of levelIds) await sql(`INSERT INTO "ExamPlanLevel" ("planId", "certificateLevelId") VALUES ($1, $2)`, [id, levelId]);
  // The levels' subjects one after another from the exam's start.
  await sql(
    `INSERT INTO "ExamPlanSubject" ("planId", "subjectId", "startsAt", "endsAt")
     SELECT $1, s.id, $2::timestamptz + (row_number() OVER (ORDER BY s.code) - 1) * interval '2 hours',
            $2::timestamptz + (row_number() OVER (ORDER BY s.code) - 1) * interval '2 hours' + s."durationMinutes" * interval '1 minute'
       FROM "ExamSubject" s WHERE s."certificateLevelId" = ANY($3::uuid[])`,
    [id, d(9), levelIds],
  );
  return { id, name };
}

/** A verified candidate with a student account, registered for every subject of the level in the plan. */
export async function makeRegistered(schoolId: string, planId: string, levelId: string, name: string, opts: { activated?: boolean } = {}) {
  const idNumber = `E${randomBytes(4).toString("hex").toUpperCase()}`;
  let student = await makeUser("STUDENT", {});
  // Not activated: as 添加考生 leaves it, the ID number as account, no password yet, the phone on the record.
  if (opts.activated === false) {
    await sql(`UPDATE "User" SET account = $1, "passwordHash" = '!unset', "mustChangePassword" = true WHERE id = $2`, [idNumber, student.id]);
    student = { ...student, account: idNumber };
  }
  const id = randomUUID();
  await sql(
    `INSERT INTO "Candidate" (id, number, type, "schoolId", name, pinyin, gender, "idType", "idNumber", phone, status, "userId", "updatedAt")
     VALUES ($1, $2, 'SCHOOL', $3, $4, 'kao sheng', 'FEMALE', 'PASSPORT', $5, $6, 'VERIFIED', $7, now())`,
    [
      id,
      `1${Date.now()}${randomBytes(6).toString("hex")}`.replace(/\D/g, "7").slice(0, 26).padEnd(26, "7"),
      schoolId,
      name,
      idNumber,
      student.phone,
      student.id,
    ],
  );
  const [reg] = await sql<{ id: string }>(
    `INSERT INTO "Registration" (id, "planId", "certificateLevelId", year, "schoolId", "candidateId", mode, name, pinyin, gender, "idType", "idNumber", "candidateType", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'BY_CERTIFICATE', $6, 'kao sheng', 'FEMALE', 'PASSPORT', $7, 'SCHOOL', now()) RETURNING id`,
    [planId, levelId, (await sql<{ year: number }>(`SELECT year FROM "ExamPlan" WHERE id = $1`, [planId]))[0].year, schoolId, id, name, idNumber],
  );
  await sql(
    `INSERT INTO "RegistrationSubject" ("registrationId", "planId", "subjectId") SELECT $1, "planId", "subjectId" FROM "ExamPlanSubject" WHERE "planId" = $2`,
    [reg.id, planId],
  );
  return { ...student, idNumber, registrationId: reg.id };
}

/** An issued certificate of the registration, as 发放 leaves it (both sides signed, a number, its file row). */
export async function makeIssued(registrationId: string, opts: { revoked?: string } = {}) {
  const [r] = await sql<{ planId: string; orgId: string; schoolId: string; levelId: string; year: number; orgCode: string; levelCode: string }>(
    `SELECT r."planId", p."orgId", r."schoolId", r."certificateLevelId" AS "levelId", r.year, o.code AS "orgCode", l.code AS "levelCode"
       FROM "Registration" r JOIN "ExamPlan" p ON p.id = r."planId" JOIN "EvaluationOrg" o ON o.id = p."orgId" JOIN "CertificateLevel" l ON l.id = r."certificateLevelId"
      WHERE r.id = $1`,
    [registrationId],
  );
  const signer = await makeUser("ORG", { orgId: r.orgId });
  const [file] = await sql<{ id: string }>(
    `INSERT INTO "StoredFile" (id, key, purpose, filename, "contentType", size) VALUES (gen_random_uuid(), $1, 'CERTIFICATE', 'c.pdf', 'application/pdf', 1) RETURNING id`,
    [`fixture/202612/${randomBytes(16).toString("hex")}.pdf`],
  );
  const sig = async (side: string) =>
    (
      await sql<{ id: string }>(
        `INSERT INTO "IssuanceSignature" (id, side, "signerId", "signerName", "imageFileId", records, "signedAt") VALUES (gen_random_uuid(), $1, $2, '签发人', $3, 1, now()) RETURNING id`,
        [side, signer.id, file.id],
      )
    )[0].id;
  const number = certificateNumber(numberPrefix(r.orgCode, new Date().getFullYear(), r.levelCode), 900_000_000 + randomInt(0, 99_999_999));
  await sql(
    `INSERT INTO "Issuance" (id, "registrationId", "planId", "orgId", "schoolId", "certificateLevelId", year, status, mode, "orgSignatureId", "siteSignatureId",
       "certificateNumber", "issuedAt", "certificateFileId", "revokedAt", "revocationReason", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 'ISSUED', 'ELECTRONIC', $7, $8, $9, now(), $10, $11, $12, now())`,
    [
      registrationId,
      r.planId,
      r.orgId,
      r.schoolId,
      r.levelId,
      r.year,
      await sig("ORG"),
      await sig("SITE"),
      number,
      file.id,
      opts.revoked ? new Date() : null,
      opts.revoked ?? null,
    ],
  );
  return number;
}

/** Seats every sitting of the plan in one room of the site, as a published 排考 leaves them; returns the tickets by name. */
export async function seatAndPublish(planId: string, siteId: string, schoolId: string, levelId: string) {
  const [room] = await sql<{ id: string }>(
    `INSERT INTO "ExamRoom" (id, "planId", "siteId", "certificateLevelId", "schoolId", name, type, seats, "regionCode", address, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, '1 号机房', 'COMPUTER', 60, '110108', '学院路 30 号', now()) RETURNING id`,
    [planId, siteId, levelId, schoolId],
  );
  await sql(`INSERT INTO "ExamRoomSubject" ("roomId", "subjectId") SELECT $1, "subjectId" FROM "ExamPlanSubject" WHERE "planId" = $2`, [room.id, planId]);
  const prefix = `8${String(Date.now()).slice(-9)}`;
  await sql(
    `UPDATE "RegistrationSubject" rs SET "roomId" = $1, "siteId" = $2, "scheduledAt" = now(), seat = x.n, "ticketNumber" = $3 || lpad(x.n::text, 10, '0')
       FROM (SELECT "registrationId", "subjectId", row_number() OVER (ORDER BY "registrationId", "subjectId")::int AS n FROM "RegistrationSubject" WHERE "planId" = $4) x
      WHERE rs."registrationId" = x."registrationId" AND rs."subjectId" = x."subjectId"`,
    [room.id, siteId, prefix, planId],
  );
  await sql(`UPDATE "ExamPlanSubject" SET "scheduledAt" = now(), "publishedAt" = now() WHERE "planId" = $1`, [planId]);
  return sql<{ name: string; subject: string; ticket: string }>(
    `SELECT r.name, s.name AS subject, rs."ticketNumber" AS ticket FROM "RegistrationSubject" rs
       JOIN "Registration" r ON r.id = rs."registrationId" JOIN "ExamSubject" s ON s.id = rs."subjectId" WHERE rs."planId" = $1 ORDER BY s.code`,
    [planId],
  );
}

/** An approved, enabled 考核站点 of the school for one level of the org (as the org's approval leaves it). */
export async function makeSite(schoolId: string, orgId: string, levelId: string, name: string) {
  const [site] = await sql<{ id: string }>(
    `INSERT INTO "AssessmentSite" (id, code, name, "schoolId", "orgId", "regionCode", address, "contactName", "contactPhone", "contactEmail", intro, "reviewStatus", status, "updatedAt")
     VALUES (gen_random_uuid(), nextval('assessment_site_code_seq')::text, $1, $2, $3, '110108', '学院路 30 号', '李红', '13912345678', 'l@example.edu.cn', '机房 3 间', 'APPROVED', 'ENABLED', now())
     RETURNING id`,
    [name, schoolId, orgId],
  );
  await sql(`INSERT INTO "AssessmentSiteLevel" ("siteId", "schoolId", "certificateLevelId") VALUES ($1, $2, $3)`, [site.id, schoolId, levelId]);
  return site;
}

/** A school that pilots a certificate of a new org, with an approved site, a plan before its 排考 and one room there. */
export async function makeExamSetup(schoolId: string) {
  const org = await makeOrgWithCertificate();
  await makePilot(schoolId, [org.levelCode]);
  const site = await makeSite(schoolId, org.orgId, org.levelId, `端到端考核站点${org.levelCode}`);
  const plan = await makeExamPlan(org.orgId, [schoolId], [org.levelId], 3);
  await sql(
    `INSERT INTO "ExamRoom" (id, "planId", "siteId", "certificateLevelId", "schoolId", name, type, seats, "regionCode", address, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, '13 号机房', 'COMPUTER', 40, '110108', '学院路 30 号', now())`,
    [plan.id, site.id, org.levelId, schoolId],
  );
  // A teacher on the roster, put forward to invigilate the certificate (待认证).
  const [teacher] = await sql<{ id: string }>(
    `INSERT INTO "Teacher" (id, "schoolId", name, gender, "idType", "idNumber", phone, title, department, "updatedAt")
     VALUES (gen_random_uuid(), $1, '王丽华', 'FEMALE', 'PASSPORT', $2, '13600000031', '讲师', '信息工程学院', now()) RETURNING id`,
    [schoolId, `E${randomBytes(4).toString("hex").toUpperCase()}`],
  );
  const [inv] = await sql<{ id: string }>(
    `INSERT INTO "Invigilator" (id, "schoolId", "teacherId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, now()) RETURNING id`,
    [schoolId, teacher.id],
  );
  await sql(
    `INSERT INTO "InvigilatorCertificate" (id, "invigilatorId", "certificateId", "orgId") SELECT gen_random_uuid(), $1, "certificateId", $2 FROM "CertificateLevel" WHERE id = $3`,
    [inv.id, org.orgId, org.levelId],
  );
  return { org, site, plan };
}

/** A file in the app's local storage (the server and the worker run from the repository root), as an upload leaves it. */
export async function storeFile(purpose: "CANDIDATE_PHOTO" | "SIGNATURE", bytes: Buffer, kind: "jpg" | "png") {
  const key = `fixture/202612/${randomBytes(16).toString("hex")}.${kind}`;
  const file = path.join(process.env.STORAGE_DIR ?? path.join(process.cwd(), ".data", "storage"), key);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  const [row] = await sql<{ id: string }>(
    `INSERT INTO "StoredFile" (id, key, purpose, filename, "contentType", size) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5) RETURNING id`,
    [key, purpose, `e2e.${kind}`, kind === "jpg" ? "image/jpeg" : "image/png", bytes.length],
  );
  return row.id;
}
