-- CreateEnum
CREATE TYPE "PlanScope" AS ENUM ('ALL', 'PARTIAL');

-- AlterTable
ALTER TABLE "PilotApplication" ADD COLUMN     "planId" UUID;

-- CreateTable
CREATE TABLE "ApplicationPlan" (
    "id" UUID NOT NULL,
    "departmentId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "batch" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "byMajor" BOOLEAN NOT NULL,
    "cityReviewFirst" BOOLEAN NOT NULL,
    "scope" "PlanScope" NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApplicationPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationPlanCertificate" (
    "planId" UUID NOT NULL,
    "certificateId" UUID NOT NULL,

    CONSTRAINT "ApplicationPlanCertificate_pkey" PRIMARY KEY ("planId","certificateId")
);

-- CreateIndex
CREATE INDEX "ApplicationPlan_departmentId_startsAt_idx" ON "ApplicationPlan"("departmentId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationPlan_departmentId_year_batch_key" ON "ApplicationPlan"("departmentId", "year", "batch");

-- CreateIndex
CREATE INDEX "PilotApplication_planId_idx" ON "PilotApplication"("planId");

-- AddForeignKey
ALTER TABLE "PilotApplication" ADD CONSTRAINT "PilotApplication_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ApplicationPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationPlan" ADD CONSTRAINT "ApplicationPlan_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "EducationDepartment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationPlanCertificate" ADD CONSTRAINT "ApplicationPlanCertificate_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ApplicationPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationPlanCertificate" ADD CONSTRAINT "ApplicationPlanCertificate_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A plan's window runs forwards.
ALTER TABLE "ApplicationPlan" ADD CONSTRAINT "ApplicationPlan_window" CHECK ("startsAt" < "endsAt");
