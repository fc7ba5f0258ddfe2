-- CreateEnum
CREATE TYPE "ReviewStage" AS ENUM ('CITY', 'PROVINCE');

-- CreateEnum
CREATE TYPE "ReviewAction" AS ENUM ('SUBMIT', 'WITHDRAW', 'APPROVE', 'RETURN');

-- CreateEnum
CREATE TYPE "ReportCadence" AS ENUM ('WEEKLY', 'HALF_MONTHLY');

-- CreateEnum
CREATE TYPE "WeeklyReportStatus" AS ENUM ('DRAFT', 'PENDING', 'APPROVED', 'RETURNED');

-- AlterEnum
ALTER TYPE "SmsPurpose" ADD VALUE 'REGISTER';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "FilePurpose" ADD VALUE 'APPLICATION_EVIDENCE';
ALTER TYPE "FilePurpose" ADD VALUE 'WEEKLY_REPORT_SCAN';

-- AlterTable
ALTER TABLE "EducationDepartment" ADD COLUMN     "reportCadence" "ReportCadence" NOT NULL DEFAULT 'WEEKLY';

-- AlterTable
ALTER TABLE "PilotApplication" ADD COLUMN     "reviewStage" "ReviewStage";

-- CreateTable
CREATE TABLE "ReviewEvent" (
    "id" UUID NOT NULL,
    "applicationId" UUID,
    "weeklyReportId" UUID,
    "action" "ReviewAction" NOT NULL,
    "stage" "ReviewStage",
    "reason" TEXT,
    "actorId" UUID NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReviewEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolDirectoryEntry" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "type" "SchoolType" NOT NULL,

    CONSTRAINT "SchoolDirectoryEntry_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "WeeklyReport" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "cadence" "ReportCadence" NOT NULL,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "sections" JSONB NOT NULL,
    "scanFileId" UUID,
    "status" "WeeklyReportStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMPTZ(3),
    "reviewedAt" TIMESTAMPTZ(3),
    "returnReason" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WeeklyReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewEvent_applicationId_at_idx" ON "ReviewEvent"("applicationId", "at");

-- CreateIndex
CREATE INDEX "ReviewEvent_weeklyReportId_at_idx" ON "ReviewEvent"("weeklyReportId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolDirectoryEntry_provinceCode_name_key" ON "SchoolDirectoryEntry"("provinceCode", "name");

-- CreateIndex
CREATE INDEX "WeeklyReport_status_periodStart_idx" ON "WeeklyReport"("status", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "WeeklyReport_schoolId_periodStart_key" ON "WeeklyReport"("schoolId", "periodStart");

-- AddForeignKey
ALTER TABLE "ReviewEvent" ADD CONSTRAINT "ReviewEvent_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "PilotApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewEvent" ADD CONSTRAINT "ReviewEvent_weeklyReportId_fkey" FOREIGN KEY ("weeklyReportId") REFERENCES "WeeklyReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyReport" ADD CONSTRAINT "WeeklyReport_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A review event belongs to exactly one application or weekly report.
ALTER TABLE "ReviewEvent" ADD CONSTRAINT "ReviewEvent_one_subject" CHECK (("applicationId" IS NULL) <> ("weeklyReportId" IS NULL));
-- A report's period ends on or after it starts; approved trainees never exceed the request.
ALTER TABLE "WeeklyReport" ADD CONSTRAINT "WeeklyReport_period" CHECK ("periodEnd" >= "periodStart");
ALTER TABLE "PilotApplicationMajor" ADD CONSTRAINT "PilotApplicationMajor_approved_le_requested" CHECK ("approved" IS NULL OR ("approved" >= 0 AND "approved" <= "requested"));
-- Review events are a record: no update, no delete (cascade from the subject aside).
CREATE OR REPLACE FUNCTION review_event_immutable() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'ReviewEvent is append-only'; END; $$ LANGUAGE plpgsql;
CREATE TRIGGER review_event_no_update BEFORE UPDATE ON "ReviewEvent" FOR EACH ROW EXECUTE FUNCTION review_event_immutable();
