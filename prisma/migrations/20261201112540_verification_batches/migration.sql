-- CreateTable
CREATE TABLE "VerificationBatch" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "candidateIds" UUID[],
    "status" "ImportStatus" NOT NULL DEFAULT 'RUNNING',
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "verified" INTEGER NOT NULL DEFAULT 0,
    "review" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT,
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "VerificationBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VerificationBatch_schoolId_createdAt_idx" ON "VerificationBatch"("schoolId", "createdAt");

-- CreateIndex
CREATE INDEX "VerificationBatch_status_heartbeatAt_idx" ON "VerificationBatch"("status", "heartbeatAt");

-- AddForeignKey
ALTER TABLE "VerificationBatch" ADD CONSTRAINT "VerificationBatch_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationBatch" ADD CONSTRAINT "VerificationBatch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

