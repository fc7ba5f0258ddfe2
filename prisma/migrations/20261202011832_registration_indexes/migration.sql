-- DropIndex
DROP INDEX "Registration_candidateId_idx";

-- DropIndex
DROP INDEX "Registration_importId_idx";

-- DropIndex
DROP INDEX "Registration_planId_candidateId_certificateLevelId_key";

-- CreateIndex
CREATE UNIQUE INDEX "Registration_candidateId_planId_certificateLevelId_key" ON "Registration"("candidateId", "planId", "certificateLevelId");

