-- AlterEnum
ALTER TYPE "FilePurpose" ADD VALUE 'REPORT_OUTLINE';

-- CreateTable
CREATE TABLE "ReportOutline" (
    "id" UUID NOT NULL,
    "departmentId" UUID NOT NULL,
    "cadence" "ReportCadence" NOT NULL,
    "fileId" UUID NOT NULL,
    "publishedById" UUID,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportOutline_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportOutline_fileId_idx" ON "ReportOutline"("fileId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportOutline_departmentId_cadence_key" ON "ReportOutline"("departmentId", "cadence");

-- AddForeignKey
ALTER TABLE "ReportOutline" ADD CONSTRAINT "ReportOutline_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "EducationDepartment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportOutline" ADD CONSTRAINT "ReportOutline_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

