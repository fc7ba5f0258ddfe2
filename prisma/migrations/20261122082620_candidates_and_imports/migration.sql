-- CreateEnum
CREATE TYPE "CandidateType" AS ENUM ('SCHOOL', 'SOCIAL');

-- CreateEnum
CREATE TYPE "IdType" AS ENUM ('RESIDENT_ID', 'HMT_RESIDENCE', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'PASSPORT');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "CandidateStatus" AS ENUM ('NO_PHOTO', 'PENDING_VERIFICATION', 'VERIFIED', 'NEEDS_REVIEW');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('CANDIDATES', 'CANDIDATE_UPDATES', 'CANDIDATE_PHOTOS');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "FilePurpose" ADD VALUE 'IMPORT_SOURCE';
ALTER TYPE "FilePurpose" ADD VALUE 'IMPORT_FAILED_ROWS';
ALTER TYPE "FilePurpose" ADD VALUE 'CANDIDATE_PHOTO';

-- CreateTable
CREATE TABLE "Candidate" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "type" "CandidateType" NOT NULL,
    "schoolId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "pinyin" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "idType" "IdType" NOT NULL,
    "idNumber" TEXT NOT NULL,
    "phone" TEXT,
    "enrolYear" INTEGER,
    "majorLevel" "MajorLevel",
    "majorId" UUID,
    "photoFileId" UUID,
    "status" "CandidateStatus" NOT NULL DEFAULT 'NO_PHOTO',
    "verifyReasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "verifiedAt" TIMESTAMPTZ(3),
    "confirmedById" UUID,
    "userId" UUID,
    "importId" UUID,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRecord" (
    "id" UUID NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "userId" UUID NOT NULL,
    "schoolId" UUID,
    "filename" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'RUNNING',
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "failedFileId" UUID,
    "message" TEXT,
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_number_key" ON "Candidate"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_idNumber_key" ON "Candidate"("idNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_userId_key" ON "Candidate"("userId");

-- CreateIndex
CREATE INDEX "Candidate_schoolId_status_idx" ON "Candidate"("schoolId", "status");

-- CreateIndex
CREATE INDEX "Candidate_schoolId_createdAt_idx" ON "Candidate"("schoolId", "createdAt");

-- CreateIndex
CREATE INDEX "Candidate_name_idx" ON "Candidate"("name");

-- CreateIndex
CREATE INDEX "ImportRecord_userId_createdAt_idx" ON "ImportRecord"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "ImportRecord_schoolId_createdAt_idx" ON "ImportRecord"("schoolId", "createdAt");

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_majorId_fkey" FOREIGN KEY ("majorId") REFERENCES "Major"("id") ON DELETE SET NULL ON UPDATE CASCADE;

