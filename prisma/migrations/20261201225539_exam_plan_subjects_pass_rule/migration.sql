-- CreateEnum
CREATE TYPE "ExamRegistrationMode" AS ENUM ('BY_CERTIFICATE', 'BY_SUBJECT');

-- AlterTable
ALTER TABLE "ExamSubject" ADD COLUMN     "fullScore" INTEGER NOT NULL DEFAULT 100,
ADD COLUMN     "passScore" INTEGER NOT NULL DEFAULT 60;

-- AlterTable
ALTER TABLE "ExamPlan" ADD COLUMN     "createdById" UUID,
ADD COLUMN     "passRule" JSONB NOT NULL DEFAULT '{"kind": "ALL_SUBJECTS"}',
ADD COLUMN     "registrationMode" "ExamRegistrationMode" NOT NULL DEFAULT 'BY_CERTIFICATE';

-- CreateTable
CREATE TABLE "ExamPlanSubject" (
    "planId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExamPlanSubject_pkey" PRIMARY KEY ("planId","subjectId")
);

-- CreateIndex
CREATE INDEX "ExamPlanSubject_subjectId_idx" ON "ExamPlanSubject"("subjectId");

-- AddForeignKey
ALTER TABLE "ExamPlanSubject" ADD CONSTRAINT "ExamPlanSubject_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ExamPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamPlanSubject" ADD CONSTRAINT "ExamPlanSubject_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "ExamSubject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: 合格分数 within 0..满分; a subject's exam time ends after it starts.
ALTER TABLE "ExamSubject" ADD CONSTRAINT "ExamSubject_scores" CHECK ("fullScore" > 0 AND "passScore" >= 0 AND "passScore" <= "fullScore");
ALTER TABLE "ExamPlanSubject" ADD CONSTRAINT "ExamPlanSubject_time" CHECK ("startsAt" < "endsAt");
-- 计划编号 (yyyymmdd + 4 digits) from a sequence.
CREATE SEQUENCE IF NOT EXISTS exam_plan_code_seq;
-- The windows' order as src/domain/exams/plan.ts checks it: 报考 and 排考 end before the exam; 公示 ends after 成绩登记.
ALTER TABLE "ExamPlan" DROP CONSTRAINT "ExamPlan_windows";
ALTER TABLE "ExamPlan" ADD CONSTRAINT "ExamPlan_windows" CHECK (
  "registrationStartsAt" < "registrationEndsAt" AND "schedulingStartsAt" < "schedulingEndsAt" AND "examStartsAt" < "examEndsAt"
  AND "scoringStartsAt" < "scoringEndsAt" AND "publicityStartsAt" < "publicityEndsAt"
  AND "registrationStartsAt" <= "schedulingStartsAt" AND "registrationEndsAt" <= "examStartsAt" AND "schedulingEndsAt" <= "examStartsAt"
  AND "examEndsAt" <= "scoringStartsAt" AND "scoringStartsAt" <= "publicityStartsAt" AND "scoringEndsAt" <= "publicityEndsAt");
