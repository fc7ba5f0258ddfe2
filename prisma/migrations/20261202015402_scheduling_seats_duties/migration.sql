-- CreateEnum
CREATE TYPE "ExamDutyRole" AS ENUM ('INVIGILATOR', 'PATROL');

-- AlterTable
ALTER TABLE "ExamPlanSubject" ADD COLUMN     "publishedAt" TIMESTAMPTZ(3),
ADD COLUMN     "scheduledAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "RegistrationSubject" ADD COLUMN     "roomId" UUID,
ADD COLUMN     "seat" INTEGER,
ADD COLUMN     "ticketNumber" TEXT;

-- CreateTable
CREATE TABLE "ExamDuty" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "invigilatorId" UUID NOT NULL,
    "role" "ExamDutyRole" NOT NULL,
    "roomId" UUID,
    "siteId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExamDuty_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExamDuty_planId_subjectId_idx" ON "ExamDuty"("planId", "subjectId");

-- CreateIndex
CREATE INDEX "ExamDuty_roomId_idx" ON "ExamDuty"("roomId");

-- CreateIndex
CREATE INDEX "ExamDuty_siteId_idx" ON "ExamDuty"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "ExamDuty_invigilatorId_planId_subjectId_key" ON "ExamDuty"("invigilatorId", "planId", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationSubject_ticketNumber_key" ON "RegistrationSubject"("ticketNumber");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationSubject_roomId_subjectId_seat_key" ON "RegistrationSubject"("roomId", "subjectId", "seat");

-- AddForeignKey
ALTER TABLE "RegistrationSubject" ADD CONSTRAINT "RegistrationSubject_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "ExamRoom"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamDuty" ADD CONSTRAINT "ExamDuty_planId_subjectId_fkey" FOREIGN KEY ("planId", "subjectId") REFERENCES "ExamPlanSubject"("planId", "subjectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamDuty" ADD CONSTRAINT "ExamDuty_invigilatorId_fkey" FOREIGN KEY ("invigilatorId") REFERENCES "Invigilator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamDuty" ADD CONSTRAINT "ExamDuty_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "ExamRoom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamDuty" ADD CONSTRAINT "ExamDuty_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "AssessmentSite"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A sitting is scheduled with all of room, seat and ticket, or with none.
ALTER TABLE "RegistrationSubject" ADD CONSTRAINT "RegistrationSubject_seat" CHECK (
  num_nonnulls("scheduledAt", "roomId", "seat", "ticketNumber") IN (0, 4) AND ("seat" IS NULL OR "seat" >= 1)
);
-- A room's invigilator has a room; a patrol officer walks the site.
ALTER TABLE "ExamDuty" ADD CONSTRAINT "ExamDuty_room_for_invigilators" CHECK (("role" = 'INVIGILATOR') = ("roomId" IS NOT NULL));
