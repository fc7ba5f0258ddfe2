-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('PROVINCE', 'CITY', 'DISTRICT');

-- CreateEnum
CREATE TYPE "MajorLevel" AS ENUM ('SECONDARY', 'HIGHER_VOCATIONAL', 'VOCATIONAL_BACHELOR', 'BACHELOR');

-- CreateEnum
CREATE TYPE "CatalogVersion" AS ENUM ('OLD', 'NEW');

-- CreateEnum
CREATE TYPE "SchoolType" AS ENUM ('UNDERGRADUATE', 'HIGHER_VOCATIONAL', 'SECONDARY_VOCATIONAL', 'OTHER');

-- CreateEnum
CREATE TYPE "SchoolStatus" AS ENUM ('REGISTERED', 'APPLYING', 'DISABLED');

-- CreateEnum
CREATE TYPE "OrgStatus" AS ENUM ('REGISTERED', 'DISABLED');

-- CreateEnum
CREATE TYPE "DepartmentLevel" AS ENUM ('PROVINCE', 'CITY');

-- CreateEnum
CREATE TYPE "RecordStatus" AS ENUM ('ENABLED', 'DISABLED');

-- CreateEnum
CREATE TYPE "ExamMode" AS ENUM ('COMPUTER', 'PRACTICAL', 'WRITTEN');

-- CreateEnum
CREATE TYPE "CertificateLevelName" AS ENUM ('JUNIOR', 'INTERMEDIATE', 'SENIOR');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'EDU', 'ORG', 'SCHOOL_PRINCIPAL', 'SCHOOL_ADMIN', 'STUDENT');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "SmsPurpose" AS ENUM ('LOGIN', 'BIND_PHONE', 'RESET_PASSWORD', 'CHANGE_PASSWORD', 'CHANGE_PROFILE', 'SENSITIVE_ACTION');

-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "parentCode" TEXT,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Major" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "MajorLevel" NOT NULL,
    "catalogVersion" "CatalogVersion" NOT NULL,
    "category" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Major_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "School" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "uscc" TEXT,
    "name" TEXT NOT NULL,
    "type" "SchoolType" NOT NULL,
    "attribute" TEXT NOT NULL DEFAULT '试点院校机构',
    "status" "SchoolStatus" NOT NULL DEFAULT 'REGISTERED',
    "isPilot" BOOLEAN NOT NULL DEFAULT false,
    "regionCode" TEXT NOT NULL,
    "supervisingDepartmentId" UUID,
    "address" TEXT,
    "website" TEXT,
    "logoKey" TEXT,
    "intro" TEXT,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "contactEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "School_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationOrg" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uscc" TEXT,
    "status" "OrgStatus" NOT NULL DEFAULT 'REGISTERED',
    "address" TEXT,
    "website" TEXT,
    "intro" TEXT,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "contactEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluationOrg_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EducationDepartment" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "level" "DepartmentLevel" NOT NULL,
    "regionCode" TEXT NOT NULL,
    "parentId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EducationDepartment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkillStandard" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "orgId" UUID NOT NULL,
    "status" "RecordStatus" NOT NULL DEFAULT 'ENABLED',
    "attachmentKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SkillStandard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteStandard" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "orgId" UUID NOT NULL,
    "status" "RecordStatus" NOT NULL DEFAULT 'ENABLED',
    "attachmentKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SiteStandard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "orgId" UUID NOT NULL,
    "batch" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "examModes" "ExamMode"[],
    "examTimeNote" TEXT,
    "openedAt" TIMESTAMP(3),
    "hours" INTEGER,
    "credits" DECIMAL(5,1),
    "targetGroups" TEXT,
    "requirements" TEXT,
    "intro" TEXT,
    "englishName" TEXT,
    "englishIntro" TEXT,
    "sampleKey" TEXT,
    "skillStandardId" UUID,
    "siteStandardId" UUID,
    "status" "RecordStatus" NOT NULL DEFAULT 'ENABLED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificateLevel" (
    "id" UUID NOT NULL,
    "certificateId" UUID NOT NULL,
    "level" "CertificateLevelName" NOT NULL,

    CONSTRAINT "CertificateLevel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificateMajor" (
    "certificateId" UUID NOT NULL,
    "majorId" UUID NOT NULL,

    CONSTRAINT "CertificateMajor_pkey" PRIMARY KEY ("certificateId","majorId")
);

-- CreateTable
CREATE TABLE "ExamSubject" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "certificateLevelId" UUID NOT NULL,
    "examMode" "ExamMode" NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "targetGroup" TEXT NOT NULL DEFAULT '所有考生',
    "status" "RecordStatus" NOT NULL DEFAULT 'ENABLED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExamSubject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "account" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "initialPasswordEnc" TEXT,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT true,
    "name" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "idNumber" TEXT,
    "role" "Role" NOT NULL,
    "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE',
    "disabledReason" TEXT,
    "schoolId" UUID,
    "orgId" UUID,
    "departmentId" UUID,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "frozenUntil" TIMESTAMP(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "lastLoginAt" TIMESTAMP(3),
    "passwordChangedAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserCertificateScope" (
    "userId" UUID NOT NULL,
    "certificateLevelId" UUID NOT NULL,

    CONSTRAINT "UserCertificateScope_pkey" PRIMARY KEY ("userId","certificateLevelId")
);

-- CreateTable
CREATE TABLE "Captcha" (
    "id" UUID NOT NULL,
    "answerHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Captcha_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsCode" (
    "id" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "purpose" "SmsPurpose" NOT NULL,
    "userId" UUID,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsOutbox" (
    "id" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginChallenge" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "portal" TEXT NOT NULL,
    "smsCodeId" UUID,
    "verifiedAt" TIMESTAMP(3),
    "consumedAt" TIMESTAMP(3),
    "trustDevice" BOOLEAN NOT NULL DEFAULT false,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrustedDevice" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrustedDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "sessionVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" UUID,
    "account" TEXT,
    "role" "Role",
    "tenantType" TEXT,
    "tenantId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "summary" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'SUCCESS',
    "ip" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Region_parentCode_idx" ON "Region"("parentCode");

-- CreateIndex
CREATE INDEX "Major_name_idx" ON "Major"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Major_code_level_catalogVersion_key" ON "Major"("code", "level", "catalogVersion");

-- CreateIndex
CREATE UNIQUE INDEX "School_code_key" ON "School"("code");

-- CreateIndex
CREATE UNIQUE INDEX "School_uscc_key" ON "School"("uscc");

-- CreateIndex
CREATE UNIQUE INDEX "School_name_key" ON "School"("name");

-- CreateIndex
CREATE INDEX "School_regionCode_idx" ON "School"("regionCode");

-- CreateIndex
CREATE INDEX "School_supervisingDepartmentId_idx" ON "School"("supervisingDepartmentId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationOrg_code_key" ON "EvaluationOrg"("code");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationOrg_name_key" ON "EvaluationOrg"("name");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationOrg_uscc_key" ON "EvaluationOrg"("uscc");

-- CreateIndex
CREATE UNIQUE INDEX "EducationDepartment_name_key" ON "EducationDepartment"("name");

-- CreateIndex
CREATE INDEX "EducationDepartment_regionCode_idx" ON "EducationDepartment"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "SkillStandard_code_key" ON "SkillStandard"("code");

-- CreateIndex
CREATE INDEX "SkillStandard_orgId_idx" ON "SkillStandard"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "SiteStandard_code_key" ON "SiteStandard"("code");

-- CreateIndex
CREATE INDEX "SiteStandard_orgId_idx" ON "SiteStandard"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_name_key" ON "Certificate"("name");

-- CreateIndex
CREATE INDEX "Certificate_orgId_idx" ON "Certificate"("orgId");

-- CreateIndex
CREATE INDEX "Certificate_createdAt_idx" ON "Certificate"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CertificateLevel_certificateId_level_key" ON "CertificateLevel"("certificateId", "level");

-- CreateIndex
CREATE INDEX "CertificateMajor_majorId_idx" ON "CertificateMajor"("majorId");

-- CreateIndex
CREATE UNIQUE INDEX "ExamSubject_code_key" ON "ExamSubject"("code");

-- CreateIndex
CREATE INDEX "ExamSubject_certificateLevelId_idx" ON "ExamSubject"("certificateLevelId");

-- CreateIndex
CREATE UNIQUE INDEX "User_account_key" ON "User"("account");

-- CreateIndex
CREATE INDEX "User_schoolId_idx" ON "User"("schoolId");

-- CreateIndex
CREATE INDEX "User_orgId_idx" ON "User"("orgId");

-- CreateIndex
CREATE INDEX "User_departmentId_idx" ON "User"("departmentId");

-- CreateIndex
CREATE INDEX "User_role_status_idx" ON "User"("role", "status");

-- CreateIndex
CREATE INDEX "Captcha_expiresAt_idx" ON "Captcha"("expiresAt");

-- CreateIndex
CREATE INDEX "SmsCode_phone_purpose_createdAt_idx" ON "SmsCode"("phone", "purpose", "createdAt");

-- CreateIndex
CREATE INDEX "SmsOutbox_createdAt_idx" ON "SmsOutbox"("createdAt");

-- CreateIndex
CREATE INDEX "SmsOutbox_phone_createdAt_idx" ON "SmsOutbox"("phone", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LoginChallenge_tokenHash_key" ON "LoginChallenge"("tokenHash");

-- CreateIndex
CREATE INDEX "LoginChallenge_userId_idx" ON "LoginChallenge"("userId");

-- CreateIndex
CREATE INDEX "TrustedDevice_userId_idx" ON "TrustedDevice"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "TrustedDevice_tokenHash_userId_key" ON "TrustedDevice"("tokenHash", "userId");

-- CreateIndex
CREATE INDEX "AuthSession_userId_idx" ON "AuthSession"("userId");

-- CreateIndex
CREATE INDEX "RateLimit_windowStart_idx" ON "RateLimit"("windowStart");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_userId_at_idx" ON "AuditLog"("userId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- CreateIndex
CREATE INDEX "AuditLog_tenantType_tenantId_at_idx" ON "AuditLog"("tenantType", "tenantId", "at");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "School" ADD CONSTRAINT "School_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "School" ADD CONSTRAINT "School_supervisingDepartmentId_fkey" FOREIGN KEY ("supervisingDepartmentId") REFERENCES "EducationDepartment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EducationDepartment" ADD CONSTRAINT "EducationDepartment_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EducationDepartment" ADD CONSTRAINT "EducationDepartment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "EducationDepartment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillStandard" ADD CONSTRAINT "SkillStandard_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "EvaluationOrg"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteStandard" ADD CONSTRAINT "SiteStandard_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "EvaluationOrg"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "EvaluationOrg"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_skillStandardId_fkey" FOREIGN KEY ("skillStandardId") REFERENCES "SkillStandard"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_siteStandardId_fkey" FOREIGN KEY ("siteStandardId") REFERENCES "SiteStandard"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificateLevel" ADD CONSTRAINT "CertificateLevel_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificateMajor" ADD CONSTRAINT "CertificateMajor_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificateMajor" ADD CONSTRAINT "CertificateMajor_majorId_fkey" FOREIGN KEY ("majorId") REFERENCES "Major"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamSubject" ADD CONSTRAINT "ExamSubject_certificateLevelId_fkey" FOREIGN KEY ("certificateLevelId") REFERENCES "CertificateLevel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "EvaluationOrg"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "EducationDepartment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserCertificateScope" ADD CONSTRAINT "UserCertificateScope_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserCertificateScope" ADD CONSTRAINT "UserCertificateScope_certificateLevelId_fkey" FOREIGN KEY ("certificateLevelId") REFERENCES "CertificateLevel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrustedDevice" ADD CONSTRAINT "TrustedDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Audit rows are append-only: the application can insert but never change or remove them.
CREATE OR REPLACE FUNCTION audit_log_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '审计日志不可修改或删除';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "AuditLog_no_update" BEFORE UPDATE OR DELETE ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable();

-- One principal per school.
CREATE UNIQUE INDEX "User_one_principal_per_school" ON "User" ("schoolId") WHERE role = 'SCHOOL_PRINCIPAL';
-- Counters never go negative.
ALTER TABLE "User" ADD CONSTRAINT "User_failedLoginCount_nonneg" CHECK ("failedLoginCount" >= 0);
-- A user's tenant matches its role.
ALTER TABLE "User" ADD CONSTRAINT "User_tenant_matches_role" CHECK (
  (role IN ('SCHOOL_PRINCIPAL','SCHOOL_ADMIN') AND "schoolId" IS NOT NULL AND "orgId" IS NULL AND "departmentId" IS NULL) OR
  (role = 'ORG' AND "orgId" IS NOT NULL AND "schoolId" IS NULL AND "departmentId" IS NULL) OR
  (role = 'EDU' AND "departmentId" IS NOT NULL AND "schoolId" IS NULL AND "orgId" IS NULL) OR
  (role IN ('ADMIN','STUDENT') AND "schoolId" IS NULL AND "orgId" IS NULL AND "departmentId" IS NULL)
);
