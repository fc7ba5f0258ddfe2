// Each test builds its own tenants and accounts with unique codes.
import { levelCode } from "@/domain/catalogue/codes";
import { certificateNumber, numberPrefix } from "@/domain/issuance/certificate";
import { withUsccCheck } from "@/domain/identifiers/uscc";
import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import type { Role } from "@/generated/prisma/enums";
import { grantable, type Permission } from "@/domain/auth/permissions";

export const PASSWORD = "Test@2026pw";
let hashed: Promise<string> | undefined;
const uid = () => randomBytes(4).toString("hex");
let phoneSeq = Math.floor(Math.random() * 1_000_000);
export const nextPhone = () => `158${String(phoneSeq++ % 100_000_000).padStart(8, "0")}`;

export async function makeDepartment(db: Db, opts: { level?: "PROVINCE" | "CITY"; regionCode?: string; parentId?: string } = {}) {
  return db.educationDepartment.create({
    data: { name: `测试教育部门${uid()}`, level: opts.level ?? "PROVINCE", regionCode: opts.regionCode ?? "110000", parentId: opts.parentId ?? null },
  });
}

/** A pilot school with its basic information filled in (incomplete: as a newly registered one, without it). */
export async function makeSchool(db: Db, opts: { regionCode?: string; departmentId?: string; incomplete?: boolean } = {}) {
  const code = `41${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  return db.school.create({
    data: {
      code,
      name: `测试学院${uid()}`,
      type: "HIGHER_VOCATIONAL",
      regionCode: opts.regionCode ?? "110108",
      supervisingDepartmentId: opts.departmentId ?? null,
      isPilot: true,
      ...(opts.incomplete
        ? {}
        : {
            uscc: withUsccCheck(`12${opts.regionCode ?? "110108"}${code.slice(1)}`),
            address: "测试路 1 号",
            contactName: "张老师",
            contactPhone: "13800000001",
            contactEmail: `x${code}@example.edu.cn`,
          }),
    },
  });
}

export async function makeOrg(db: Db) {
  const code = String(Math.floor(Math.random() * 1e6));
  return db.evaluationOrg.create({ data: { code, name: `测试评价组织${uid()}` } });
}

export async function makeUser(
  db: Db,
  role: Role,
  tenant: { schoolId?: string; orgId?: string; departmentId?: string } = {},
  opts: { bound?: boolean; mustChangePassword?: boolean; status?: "ACTIVE" | "DISABLED"; account?: string; permissions?: Permission[] } = {},
) {
  hashed ??= hashPassword(PASSWORD);
  const bound = opts.bound ?? true;
  // A sub-account needs a role: by default one granting everything a role may grant, else exactly `permissions`.
  const accessRoleId = role === "SCHOOL_ADMIN" ? (await makeAccessRole(db, opts.permissions ?? grantable("school"))).id : null;
  return db.user.create({
    data: {
      account: opts.account ?? `u${uid()}`,
      passwordHash: await hashed,
      role,
      name: bound ? "测试用户" : null,
      phone: bound ? nextPhone() : null,
      mustChangePassword: opts.mustChangePassword ?? !bound,
      status: opts.status ?? "ACTIVE",
      schoolId: tenant.schoolId ?? null,
      orgId: tenant.orgId ?? null,
      departmentId: tenant.departmentId ?? null,
      accessRoleId,
    },
  });
}

/** A school role (角色) of its own for the test, granting these permissions. */
export function makeAccessRole(db: Db, permissions: Permission[], name = `测试角色${uid()}`) {
  return db.accessRole.create({ data: { portal: "school", name, permissions } });
}

let certSeq = Math.floor(Math.random() * 900_000);
/** An enabled certificate of the org with a JUNIOR level and one subject (codes unique per test run: 6xxxxxx). */
export async function makeCertificate(db: Db, orgId: string) {
  const code = `6${String(certSeq++ % 1_000_000).padStart(6, "0")}`;
  return db.certificate.create({
    data: {
      code,
      name: `测试${code}职业技能等级证书`,
      orgId,
      batch: "第一批",
      category: "电子与信息大类",
      examModes: ["COMPUTER"],
      levels: {
        create: [
          {
            level: "JUNIOR",
            code: levelCode(code, "JUNIOR"),
            subjects: { create: [{ code: `${levelCode(code, "JUNIOR")}101`, name: "理论知识（初级）", examMode: "COMPUTER", durationMinutes: 90 }] },
          },
        ],
      },
    },
    include: { levels: { include: { subjects: true } } },
  });
}

/** A skill standard of the org. */
export function makeSkillStandard(db: Db, orgId: string) {
  return db.skillStandard.create({ data: { code: `S${uid()}`, name: `测试职业技能等级标准${uid()}`, version: "2021版", orgId } });
}

/** A pilot school of its own with its principal, and optionally a sub-account (业务管理员 rights unless given). */
export async function makeSchoolAccounts(db: Db, opts: { regionCode?: string; departmentId?: string; subPermissions?: Permission[] } = {}) {
  const school = await makeSchool(db, opts);
  const principal = await makeUser(db, "SCHOOL_PRINCIPAL", { schoolId: school.id });
  const sub = await makeUser(db, "SCHOOL_ADMIN", { schoolId: school.id }, { permissions: opts.subPermissions });
  return { school, principal, sub };
}

let batchSeq = Math.floor(Math.random() * 1_000_000);
/** A department's 申报计划 for the given certificates, open over [startsAt, endsAt) (a batch name of its own). */
export function makePlan(
  db: Db,
  departmentId: string,
  certificateIds: string[],
  opts: { startsAt: Date; endsAt: Date; year?: number; byMajor?: boolean; cityReviewFirst?: boolean; scope?: "ALL" | "PARTIAL" },
) {
  return db.applicationPlan.create({
    data: {
      departmentId,
      year: opts.year ?? opts.startsAt.getUTCFullYear(),
      batch: `测试批次${batchSeq++}`,
      startsAt: opts.startsAt,
      endsAt: opts.endsAt,
      byMajor: opts.byMajor ?? false,
      cityReviewFirst: opts.cityReviewFirst ?? false,
      scope: opts.scope ?? "ALL",
      certificates: { create: certificateIds.map((certificateId) => ({ certificateId })) },
    },
  });
}

/** An approved pilot application: the school is a pilot of that certificate level for the year. */
export function makePilot(db: Db, schoolId: string, certificateLevelId: string, opts: { year: number; planId?: string; batch?: string; approved?: number }) {
  const approved = opts.approved ?? 60;
  return db.pilotApplication.create({
    data: {
      schoolId,
      certificateLevelId,
      year: opts.year,
      batch: opts.batch ?? "第一批",
      planId: opts.planId ?? null,
      status: "APPROVED",
      requestedTotal: approved,
      approvedTotal: approved,
    },
  });
}

/** One more level of a certificate (makeCertificate makes JUNIOR only). */
export async function makeLevel(db: Db, certificateId: string, level: "INTERMEDIATE" | "SENIOR") {
  const { code } = await db.certificate.findUniqueOrThrow({ where: { id: certificateId }, select: { code: true } });
  return db.certificateLevel.create({ data: { certificateId, level, code: levelCode(code, level) } });
}

/** A candidate of this school with its student account (as 添加考生 makes them), and optionally a photo. */
export async function makeStudent(db: Db, schoolId: string, opts: { photo?: boolean } = {}) {
  const user = await makeUser(db, "STUDENT");
  const n = Number.parseInt(uid(), 16) % 1e8;
  const photo = opts.photo
    ? await db.storedFile.create({
        data: { key: `test/photo-${uid()}.jpg`, purpose: "CANDIDATE_PHOTO", filename: "照片.jpg", contentType: "image/jpeg", size: 1 },
      })
    : null;
  const candidate = await db.candidate.create({
    data: {
      number: `1${String(n).padStart(8, "0")}${String(Date.now()).slice(-8)}${String(n).padStart(9, "0")}`.slice(0, 26),
      type: "SCHOOL",
      schoolId,
      name: `学生${uid()}`,
      pinyin: "xue sheng",
      gender: "FEMALE",
      idType: "PASSPORT",
      idNumber: `E${String(n).padStart(8, "0")}`,
      userId: user.id,
      photoFileId: photo?.id ?? null,
      status: photo ? "PENDING_VERIFICATION" : "NO_PHOTO",
    },
  });
  return { user, candidate, photo };
}

let examPlanSeq = Math.floor(Math.random() * 1_000_000);
/**
 * An org's 考试计划 whose windows follow `start` by days: 报考 [0, 10), 排考 [5, 12), 考试 day 14 (3 h),
 * 成绩登记 [15, 20), 成绩公示 [21, 28); with these schools and certificate levels.
 */
export async function makeExamPlan(
  db: Db,
  orgId: string,
  opts: { start: Date; schoolIds: string[]; levelIds: string[]; name?: string; mode?: "BY_CERTIFICATE" | "BY_SUBJECT" },
) {
  const at = (days: number) => new Date(opts.start.getTime() + days * 86_400_000);
  const n = examPlanSeq++;
  // Every enabled subject of the levels, one after another from the exam's start (the window is widened to fit).
  const subjects = await db.examSubject.findMany({
    where: { certificateLevelId: { in: opts.levelIds }, status: "ENABLED" },
    orderBy: { code: "asc" },
    select: { id: true, durationMinutes: true },
  });
  let t = at(14).getTime();
  const times = subjects.map((x) => {
    const startsAt = new Date(t);
    t += x.durationMinutes * 60_000;
    return { subjectId: x.id, startsAt, endsAt: new Date(t) };
  });
  return db.examPlan.create({
    data: {
      code: `${opts.start.getUTCFullYear()}${String(n).padStart(8, "0")}`.slice(0, 12),
      name: opts.name ?? `测试考试计划${n}`,
      year: opts.start.getUTCFullYear(),
      orgId,
      registrationStartsAt: at(0),
      registrationEndsAt: at(10),
      schedulingStartsAt: at(5),
      schedulingEndsAt: at(12),
      examStartsAt: at(14),
      examEndsAt: new Date(Math.max(t, at(14).getTime() + 3 * 3_600_000)),
      registrationMode: opts.mode ?? "BY_CERTIFICATE",
      scoringStartsAt: at(15),
      scoringEndsAt: at(20),
      publicityStartsAt: at(21),
      publicityEndsAt: at(28),
      schools: { create: opts.schoolIds.map((schoolId) => ({ schoolId })) },
      levels: { create: opts.levelIds.map((certificateLevelId) => ({ certificateLevelId })) },
      subjects: { create: times },
    },
  });
}

/** An approved, enabled 考核站点 of the school for these levels of one org (as the org's approval leaves it). */
export async function makeSite(
  db: Db,
  schoolId: string,
  orgId: string,
  levelIds: string[],
  opts: { reviewStatus?: "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED" } = {},
) {
  const reviewStatus = opts.reviewStatus ?? "APPROVED";
  const [{ code }] = await db.$queryRaw<{ code: string }[]>`SELECT nextval('assessment_site_code_seq')::text AS code`;
  return db.assessmentSite.create({
    data: {
      code,
      name: `测试考核站点${code}`,
      schoolId,
      orgId,
      regionCode: "110108",
      address: "学院路 30 号",
      contactName: "王老师",
      contactPhone: "13800000002",
      contactEmail: "site@example.edu.cn",
      intro: "实训楼 3 层机房",
      reviewStatus,
      status: reviewStatus === "APPROVED" ? "ENABLED" : "INACTIVE",
      levels: { create: levelIds.map((certificateLevelId) => ({ schoolId, certificateLevelId })) },
    },
  });
}

/** A registration of a new candidate of the school in the plan, with its 考证结果 (none when outcome is null). */
export async function makeResultFor(
  db: Db,
  o: {
    schoolId: string;
    planId: string;
    levelId: string;
    outcome: "PASSED" | "FAILED" | "ABSENT" | "DISQUALIFIED" | "PENDING" | null;
    at: Date;
    verified?: boolean;
  },
) {
  const plan = await db.examPlan.findUniqueOrThrow({ where: { id: o.planId } });
  const { candidate } = await makeStudent(db, o.schoolId);
  if (o.verified) await db.candidate.update({ where: { id: candidate.id }, data: { status: "VERIFIED", verifiedAt: o.at } });
  const reg = await db.registration.create({
    data: {
      planId: o.planId,
      certificateLevelId: o.levelId,
      year: plan.year,
      schoolId: o.schoolId,
      candidateId: candidate.id,
      mode: "BY_CERTIFICATE",
      name: candidate.name,
      pinyin: candidate.pinyin,
      gender: candidate.gender,
      idType: candidate.idType,
      idNumber: candidate.idNumber,
      candidateType: "SCHOOL",
    },
  });
  if (o.outcome)
    await db.certificationResult.create({
      data: {
        registrationId: reg.id,
        planId: o.planId,
        orgId: plan.orgId,
        schoolId: o.schoolId,
        certificateLevelId: o.levelId,
        year: plan.year,
        outcome: o.outcome,
        computedAt: o.at,
      },
    });
  return reg.id;
}

let certificateSerial = 1;
/** An issued certificate of a registration, as 发放 leaves it (both signatures, a number, its PDF's file row). */
export async function makeIssuedCertificate(db: Db, registrationId: string, o: { at: Date; revoked?: string }) {
  const reg = await db.registration.findUniqueOrThrow({
    where: { id: registrationId },
    include: { plan: { include: { org: true } }, certificateLevel: true, school: { include: { users: { where: { role: "SCHOOL_PRINCIPAL" }, take: 1 } } } },
  });
  const orgUser = await makeUser(db, "ORG", { orgId: reg.plan.orgId });
  const file = await db.storedFile.create({
    data: { key: `certificate/202601/${uid()}${uid()}fixture.pdf`, purpose: "CERTIFICATE", filename: "c.pdf", contentType: "application/pdf", size: 1 },
  });
  const sig = (side: "ORG" | "SITE") =>
    db.issuanceSignature.create({ data: { side, signerId: orgUser.id, signerName: "签发人", imageFileId: file.id, records: 1, signedAt: o.at } });
  const number = certificateNumber(numberPrefix(reg.plan.org.code, o.at.getUTCFullYear(), reg.certificateLevel.code), certificateSerial++);
  return db.issuance.create({
    data: {
      registrationId,
      planId: reg.planId,
      orgId: reg.plan.orgId,
      schoolId: reg.schoolId,
      certificateLevelId: reg.certificateLevelId,
      year: reg.year,
      status: "ISSUED",
      mode: "ELECTRONIC",
      orgSignatureId: (await sig("ORG")).id,
      siteSignatureId: (await sig("SITE")).id,
      certificateNumber: number,
      issuedAt: o.at,
      certificateFileId: file.id,
      ...(o.revoked ? { revokedAt: o.at, revocationReason: o.revoked } : {}),
    },
  });
}
