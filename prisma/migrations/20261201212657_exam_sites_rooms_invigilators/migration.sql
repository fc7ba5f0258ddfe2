-- CreateEnum
CREATE TYPE "SiteReviewStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "SiteStatus" AS ENUM ('INACTIVE', 'ENABLED', 'DISABLED');

-- CreateEnum
CREATE TYPE "InvigilatorStatus" AS ENUM ('PENDING', 'CERTIFIED', 'REJECTED');

-- AlterEnum
ALTER TYPE "FilePurpose" ADD VALUE 'SITE_EVIDENCE';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ImportKind" ADD VALUE 'EXAM_ROOMS';
ALTER TYPE "ImportKind" ADD VALUE 'TEACHERS';
ALTER TYPE "ImportKind" ADD VALUE 'INVIGILATORS';

-- AlterTable
ALTER TABLE "ReviewEvent" ADD COLUMN     "siteId" UUID;

-- CreateTable
CREATE TABLE "ExamPlan" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "orgId" UUID NOT NULL,
    "registrationStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "registrationEndsAt" TIMESTAMPTZ(3) NOT NULL,
    "schedulingStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "schedulingEndsAt" TIMESTAMPTZ(3) NOT NULL,
    "examStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "examEndsAt" TIMESTAMPTZ(3) NOT NULL,
    "scoringStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "scoringEndsAt" TIMESTAMPTZ(3) NOT NULL,
    "publicityStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "publicityEndsAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExamPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExamPlanSchool" (
    "planId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,

    CONSTRAINT "ExamPlanSchool_pkey" PRIMARY KEY ("planId","schoolId")
);

-- CreateTable
CREATE TABLE "ExamPlanLevel" (
    "planId" UUID NOT NULL,
    "certificateLevelId" UUID NOT NULL,

    CONSTRAINT "ExamPlanLevel_pkey" PRIMARY KEY ("planId","certificateLevelId")
);

-- CreateTable
CREATE TABLE "AssessmentSite" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "schoolId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "regionCode" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "intro" TEXT NOT NULL,
    "evidenceFileId" UUID,
    "reviewStatus" "SiteReviewStatus" NOT NULL DEFAULT 'DRAFT',
    "status" "SiteStatus" NOT NULL DEFAULT 'INACTIVE',
    "submittedAt" TIMESTAMPTZ(3),
    "reviewedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AssessmentSite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentSiteLevel" (
    "siteId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "certificateLevelId" UUID NOT NULL,

    CONSTRAINT "AssessmentSiteLevel_pkey" PRIMARY KEY ("siteId","certificateLevelId")
);

-- CreateTable
CREATE TABLE "SiteAllocation" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "certificateLevelId" UUID NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiteAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExamRoom" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "certificateLevelId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" "ExamMode" NOT NULL,
    "seats" INTEGER NOT NULL,
    "regionCode" TEXT,
    "address" TEXT,
    "importId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExamRoom_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExamRoomSubject" (
    "roomId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,

    CONSTRAINT "ExamRoomSubject_pkey" PRIMARY KEY ("roomId","subjectId")
);

-- CreateTable
CREATE TABLE "Teacher" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "idType" "IdType" NOT NULL,
    "idNumber" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "title" TEXT,
    "department" TEXT,
    "fullTime" BOOLEAN NOT NULL DEFAULT true,
    "importId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Teacher_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeacherMajor" (
    "teacherId" UUID NOT NULL,
    "majorId" UUID NOT NULL,

    CONSTRAINT "TeacherMajor_pkey" PRIMARY KEY ("teacherId","majorId")
);

-- CreateTable
CREATE TABLE "Invigilator" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "teacherId" UUID NOT NULL,
    "importId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Invigilator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvigilatorCertificate" (
    "id" UUID NOT NULL,
    "invigilatorId" UUID NOT NULL,
    "certificateId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "status" "InvigilatorStatus" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvigilatorCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExamPlan_code_key" ON "ExamPlan"("code");

-- CreateIndex
CREATE INDEX "ExamPlan_orgId_year_idx" ON "ExamPlan"("orgId", "year");

-- CreateIndex
CREATE INDEX "ExamPlanSchool_schoolId_idx" ON "ExamPlanSchool"("schoolId");

-- CreateIndex
CREATE INDEX "ExamPlanLevel_certificateLevelId_idx" ON "ExamPlanLevel"("certificateLevelId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentSite_code_key" ON "AssessmentSite"("code");

-- CreateIndex
CREATE INDEX "AssessmentSite_schoolId_createdAt_idx" ON "AssessmentSite"("schoolId", "createdAt");

-- CreateIndex
CREATE INDEX "AssessmentSite_orgId_reviewStatus_idx" ON "AssessmentSite"("orgId", "reviewStatus");

-- CreateIndex
CREATE INDEX "AssessmentSiteLevel_certificateLevelId_idx" ON "AssessmentSiteLevel"("certificateLevelId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentSiteLevel_schoolId_certificateLevelId_key" ON "AssessmentSiteLevel"("schoolId", "certificateLevelId");

-- CreateIndex
CREATE INDEX "SiteAllocation_schoolId_idx" ON "SiteAllocation"("schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "SiteAllocation_planId_siteId_schoolId_certificateLevelId_key" ON "SiteAllocation"("planId", "siteId", "schoolId", "certificateLevelId");

-- CreateIndex
CREATE INDEX "ExamRoom_schoolId_createdAt_idx" ON "ExamRoom"("schoolId", "createdAt");

-- CreateIndex
CREATE INDEX "ExamRoom_siteId_idx" ON "ExamRoom"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "ExamRoom_planId_siteId_certificateLevelId_name_key" ON "ExamRoom"("planId", "siteId", "certificateLevelId", "name");

-- CreateIndex
CREATE INDEX "ExamRoomSubject_subjectId_idx" ON "ExamRoomSubject"("subjectId");

-- CreateIndex
CREATE INDEX "Teacher_schoolId_createdAt_idx" ON "Teacher"("schoolId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Teacher_schoolId_idNumber_key" ON "Teacher"("schoolId", "idNumber");

-- CreateIndex
CREATE INDEX "TeacherMajor_majorId_idx" ON "TeacherMajor"("majorId");

-- CreateIndex
CREATE UNIQUE INDEX "Invigilator_teacherId_key" ON "Invigilator"("teacherId");

-- CreateIndex
CREATE INDEX "Invigilator_schoolId_createdAt_idx" ON "Invigilator"("schoolId", "createdAt");

-- CreateIndex
CREATE INDEX "InvigilatorCertificate_orgId_status_idx" ON "InvigilatorCertificate"("orgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "InvigilatorCertificate_invigilatorId_certificateId_key" ON "InvigilatorCertificate"("invigilatorId", "certificateId");

-- CreateIndex
CREATE INDEX "ReviewEvent_siteId_at_idx" ON "ReviewEvent"("siteId", "at");

-- AddForeignKey
ALTER TABLE "ReviewEvent" ADD CONSTRAINT "ReviewEvent_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "AssessmentSite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamPlan" ADD CONSTRAINT "ExamPlan_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "EvaluationOrg"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamPlanSchool" ADD CONSTRAINT "ExamPlanSchool_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ExamPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamPlanSchool" ADD CONSTRAINT "ExamPlanSchool_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamPlanLevel" ADD CONSTRAINT "ExamPlanLevel_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ExamPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamPlanLevel" ADD CONSTRAINT "ExamPlanLevel_certificateLevelId_fkey" FOREIGN KEY ("certificateLevelId") REFERENCES "CertificateLevel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentSite" ADD CONSTRAINT "AssessmentSite_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentSite" ADD CONSTRAINT "AssessmentSite_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "EvaluationOrg"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentSite" ADD CONSTRAINT "AssessmentSite_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentSite" ADD CONSTRAINT "AssessmentSite_evidenceFileId_fkey" FOREIGN KEY ("evidenceFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentSiteLevel" ADD CONSTRAINT "AssessmentSiteLevel_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "AssessmentSite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentSiteLevel" ADD CONSTRAINT "AssessmentSiteLevel_certificateLevelId_fkey" FOREIGN KEY ("certificateLevelId") REFERENCES "CertificateLevel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteAllocation" ADD CONSTRAINT "SiteAllocation_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ExamPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteAllocation" ADD CONSTRAINT "SiteAllocation_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "AssessmentSite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteAllocation" ADD CONSTRAINT "SiteAllocation_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteAllocation" ADD CONSTRAINT "SiteAllocation_certificateLevelId_fkey" FOREIGN KEY ("certificateLevelId") REFERENCES "CertificateLevel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamRoom" ADD CONSTRAINT "ExamRoom_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ExamPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamRoom" ADD CONSTRAINT "ExamRoom_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "AssessmentSite"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamRoom" ADD CONSTRAINT "ExamRoom_certificateLevelId_fkey" FOREIGN KEY ("certificateLevelId") REFERENCES "CertificateLevel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamRoom" ADD CONSTRAINT "ExamRoom_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamRoomSubject" ADD CONSTRAINT "ExamRoomSubject_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "ExamRoom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamRoomSubject" ADD CONSTRAINT "ExamRoomSubject_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "ExamSubject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Teacher" ADD CONSTRAINT "Teacher_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeacherMajor" ADD CONSTRAINT "TeacherMajor_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "Teacher"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeacherMajor" ADD CONSTRAINT "TeacherMajor_majorId_fkey" FOREIGN KEY ("majorId") REFERENCES "Major"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invigilator" ADD CONSTRAINT "Invigilator_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invigilator" ADD CONSTRAINT "Invigilator_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "Teacher"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvigilatorCertificate" ADD CONSTRAINT "InvigilatorCertificate_invigilatorId_fkey" FOREIGN KEY ("invigilatorId") REFERENCES "Invigilator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvigilatorCertificate" ADD CONSTRAINT "InvigilatorCertificate_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: what the schema language cannot say.
-- 考核站点编号 (110000001…) from a sequence, so two instances never hand out the same number.
CREATE SEQUENCE IF NOT EXISTS assessment_site_code_seq START 110000001;

-- A review event belongs to exactly one of an application, a weekly report or a site.
ALTER TABLE "ReviewEvent" DROP CONSTRAINT "ReviewEvent_one_subject";
ALTER TABLE "ReviewEvent" ADD CONSTRAINT "ReviewEvent_one_subject"
  CHECK (num_nonnulls("applicationId", "weeklyReportId", "siteId") = 1);

-- A room has at least one seat.
ALTER TABLE "ExamRoom" ADD CONSTRAINT "ExamRoom_seats_positive" CHECK ("seats" > 0 AND "seats" <= 10000);

-- The plan's five windows each end after they start, in order: 报考 ≤ 排考 ≤ 考试 ≤ 成绩登记 ≤ 成绩公示.
ALTER TABLE "ExamPlan" ADD CONSTRAINT "ExamPlan_windows" CHECK (
  "registrationStartsAt" < "registrationEndsAt" AND "schedulingStartsAt" < "schedulingEndsAt" AND "examStartsAt" < "examEndsAt"
  AND "scoringStartsAt" < "scoringEndsAt" AND "publicityStartsAt" < "publicityEndsAt"
  AND "registrationStartsAt" <= "schedulingStartsAt" AND "schedulingEndsAt" <= "examStartsAt"
  AND "examEndsAt" <= "scoringStartsAt" AND "scoringStartsAt" <= "publicityStartsAt");
