-- AlterTable
ALTER TABLE "ExamPlanSubject" ADD COLUMN     "id" UUID NOT NULL DEFAULT gen_random_uuid();

-- AlterTable
ALTER TABLE "RegistrationSubject" ADD COLUMN     "id" UUID NOT NULL DEFAULT gen_random_uuid(),
ADD COLUMN     "siteId" UUID,
ADD COLUMN     "unplacedReason" TEXT;

-- CreateTable
CREATE TABLE "SchedulingRun" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "subjectIds" UUID[],
    "status" "ImportStatus" NOT NULL DEFAULT 'RUNNING',
    "stage" TEXT,
    "total" INTEGER NOT NULL DEFAULT 0,
    "placed" INTEGER NOT NULL DEFAULT 0,
    "unplaced" INTEGER NOT NULL DEFAULT 0,
    "reasons" JSONB,
    "problems" TEXT[],
    "message" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SchedulingRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoomSchedule" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "roomId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "candidates" INTEGER NOT NULL,
    "firstTicket" TEXT NOT NULL,
    "lastTicket" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoomSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SchedulingRun_planId_createdAt_idx" ON "SchedulingRun"("planId", "createdAt");

-- CreateIndex
CREATE INDEX "SchedulingRun_status_heartbeatAt_idx" ON "SchedulingRun"("status", "heartbeatAt");

-- CreateIndex
CREATE INDEX "RoomSchedule_planId_subjectId_idx" ON "RoomSchedule"("planId", "subjectId");

-- CreateIndex
CREATE INDEX "RoomSchedule_siteId_idx" ON "RoomSchedule"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "RoomSchedule_roomId_subjectId_key" ON "RoomSchedule"("roomId", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "ExamPlanSubject_id_key" ON "ExamPlanSubject"("id");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationSubject_id_key" ON "RegistrationSubject"("id");

-- AddForeignKey
ALTER TABLE "RegistrationSubject" ADD CONSTRAINT "RegistrationSubject_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "AssessmentSite"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchedulingRun" ADD CONSTRAINT "SchedulingRun_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "EvaluationOrg"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchedulingRun" ADD CONSTRAINT "SchedulingRun_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ExamPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchedulingRun" ADD CONSTRAINT "SchedulingRun_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoomSchedule" ADD CONSTRAINT "RoomSchedule_planId_subjectId_fkey" FOREIGN KEY ("planId", "subjectId") REFERENCES "ExamPlanSubject"("planId", "subjectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoomSchedule" ADD CONSTRAINT "RoomSchedule_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "ExamRoom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoomSchedule" ADD CONSTRAINT "RoomSchedule_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "AssessmentSite"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- One 自动排考 at a time per plan: a second request while one runs is refused.
CREATE UNIQUE INDEX "SchedulingRun_one_running" ON "SchedulingRun"("planId") WHERE status = 'RUNNING';
