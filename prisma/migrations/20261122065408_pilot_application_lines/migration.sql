-- AlterTable
ALTER TABLE "PilotApplication" ADD COLUMN     "createdById" UUID,
ADD COLUMN     "evidenceFileId" UUID,
ADD COLUMN     "siteSituation" TEXT,
ADD COLUMN     "submittedAt" TIMESTAMP(3),
ADD COLUMN     "teacherSituation" TEXT;

-- CreateTable
CREATE TABLE "PilotApplicationMajor" (
    "applicationId" UUID NOT NULL,
    "majorId" UUID NOT NULL,
    "students" INTEGER NOT NULL,
    "teachers" INTEGER NOT NULL,
    "requested" INTEGER NOT NULL,
    "approved" INTEGER,

    CONSTRAINT "PilotApplicationMajor_pkey" PRIMARY KEY ("applicationId","majorId")
);

-- AddForeignKey
ALTER TABLE "PilotApplicationMajor" ADD CONSTRAINT "PilotApplicationMajor_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "PilotApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotApplicationMajor" ADD CONSTRAINT "PilotApplicationMajor_majorId_fkey" FOREIGN KEY ("majorId") REFERENCES "Major"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


ALTER TABLE "PilotApplicationMajor" ADD CONSTRAINT "PilotApplicationMajor_numbers" CHECK (students >= 0 AND teachers >= 0 AND requested > 0 AND (approved IS NULL OR (approved >= 0 AND approved <= requested)));
