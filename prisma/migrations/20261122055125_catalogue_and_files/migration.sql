-- CreateEnum
CREATE TYPE "PilotApplicationStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "FilePurpose" AS ENUM ('EXPORT', 'SCHOOL_LOGO', 'SIGNATURE', 'STANDARD_ATTACHMENT', 'CERTIFICATE_SAMPLE', 'ANNOUNCEMENT_ATTACHMENT');

-- CreateEnum
CREATE TYPE "AnnouncementCategory" AS ENUM ('POLICY', 'NOTICE');

-- CreateEnum
CREATE TYPE "AnnouncementStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'WITHDRAWN');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SmsPurpose" ADD VALUE 'EXPORT';
ALTER TYPE "SmsPurpose" ADD VALUE 'MANAGE_USERS';

-- AlterTable
ALTER TABLE "School" DROP COLUMN "logoKey",
ADD COLUMN     "logoFileId" UUID,
ADD COLUMN     "signatureAgreedAt" TIMESTAMP(3),
ADD COLUMN     "signatureFileId" UUID;

-- AlterTable
ALTER TABLE "SkillStandard" DROP COLUMN "attachmentKey",
ADD COLUMN     "attachmentFileId" UUID;

-- AlterTable
ALTER TABLE "SiteStandard" DROP COLUMN "attachmentKey",
ADD COLUMN     "attachmentFileId" UUID;

-- AlterTable
ALTER TABLE "Certificate" DROP COLUMN "sampleKey",
ADD COLUMN     "sampleFileId" UUID;

-- CreateTable
CREATE TABLE "PilotApplication" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "certificateLevelId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "batch" TEXT NOT NULL,
    "status" "PilotApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "requestedTotal" INTEGER NOT NULL,
    "approvedTotal" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PilotApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "purpose" "FilePurpose" NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "ownerUserId" UUID,
    "rowCount" INTEGER,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Announcement" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "category" "AnnouncementCategory" NOT NULL,
    "body" TEXT NOT NULL,
    "status" "AnnouncementStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Announcement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnouncementAttachment" (
    "announcementId" UUID NOT NULL,
    "fileId" UUID NOT NULL,

    CONSTRAINT "AnnouncementAttachment_pkey" PRIMARY KEY ("announcementId","fileId")
);

-- CreateIndex
CREATE INDEX "PilotApplication_certificateLevelId_idx" ON "PilotApplication"("certificateLevelId");

-- CreateIndex
CREATE INDEX "PilotApplication_status_idx" ON "PilotApplication"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PilotApplication_schoolId_certificateLevelId_year_key" ON "PilotApplication"("schoolId", "certificateLevelId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_key_key" ON "StoredFile"("key");

-- CreateIndex
CREATE INDEX "StoredFile_ownerUserId_createdAt_idx" ON "StoredFile"("ownerUserId", "createdAt");

-- CreateIndex
CREATE INDEX "StoredFile_expiresAt_idx" ON "StoredFile"("expiresAt");

-- CreateIndex
CREATE INDEX "Announcement_status_publishedAt_idx" ON "Announcement"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "School_name_idx" ON "School"("name");

-- AddForeignKey
ALTER TABLE "PilotApplication" ADD CONSTRAINT "PilotApplication_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotApplication" ADD CONSTRAINT "PilotApplication_certificateLevelId_fkey" FOREIGN KEY ("certificateLevelId") REFERENCES "CertificateLevel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncementAttachment" ADD CONSTRAINT "AnnouncementAttachment_announcementId_fkey" FOREIGN KEY ("announcementId") REFERENCES "Announcement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncementAttachment" ADD CONSTRAINT "AnnouncementAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Approved numbers never exceed the request; totals are positive.
ALTER TABLE "PilotApplication" ADD CONSTRAINT "PilotApplication_totals" CHECK ("requestedTotal" > 0 AND ("approvedTotal" IS NULL OR ("approvedTotal" >= 0 AND "approvedTotal" <= "requestedTotal")));
-- Name search on large lists.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "School_name_trgm" ON "School" USING gin (name gin_trgm_ops);
CREATE INDEX "Certificate_name_trgm" ON "Certificate" USING gin (name gin_trgm_ops);
CREATE INDEX "EvaluationOrg_name_trgm" ON "EvaluationOrg" USING gin (name gin_trgm_ops);
