-- CreateEnum
CREATE TYPE "ScoreMark" AS ENUM ('SCORED', 'ABSENT', 'DISQUALIFIED');

-- CreateEnum
CREATE TYPE "ResultOutcome" AS ENUM ('PENDING', 'PASSED', 'FAILED', 'ABSENT', 'DISQUALIFIED');

-- AlterEnum
ALTER TYPE "ImportKind" ADD VALUE 'SUBJECT_SCORES';

-- AlterEnum
ALTER TYPE "SmsPurpose" ADD VALUE 'ACTIVATE';

-- AlterTable
ALTER TABLE "ImportRecord" ADD COLUMN     "orgId" UUID;

-- AlterTable
ALTER TABLE "ExamPlan" ADD COLUMN     "scoresLockedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "SubjectScore" (
    "id" UUID NOT NULL,
    "registrationId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "mark" "ScoreMark" NOT NULL,
    "score" DECIMAL(5,1),
    "enteredById" UUID,
    "importId" UUID,
    "enteredAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SubjectScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreCorrection" (
    "id" UUID NOT NULL,
    "scoreId" UUID NOT NULL,
    "oldMark" "ScoreMark" NOT NULL,
    "oldScore" DECIMAL(5,1),
    "newMark" "ScoreMark" NOT NULL,
    "newScore" DECIMAL(5,1),
    "reason" TEXT NOT NULL,
    "userId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ScoreCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificationResult" (
    "registrationId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "certificateLevelId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "outcome" "ResultOutcome" NOT NULL,
    "total" DECIMAL(6,2),
    "computedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CertificationResult_pkey" PRIMARY KEY ("registrationId")
);

-- CreateIndex
CREATE INDEX "SubjectScore_planId_subjectId_idx" ON "SubjectScore"("planId", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "SubjectScore_registrationId_subjectId_key" ON "SubjectScore"("registrationId", "subjectId");

-- CreateIndex
CREATE INDEX "ScoreCorrection_scoreId_createdAt_idx" ON "ScoreCorrection"("scoreId", "createdAt");

-- CreateIndex
CREATE INDEX "CertificationResult_planId_outcome_idx" ON "CertificationResult"("planId", "outcome");

-- CreateIndex
CREATE INDEX "CertificationResult_schoolId_year_certificateLevelId_idx" ON "CertificationResult"("schoolId", "year", "certificateLevelId");

-- CreateIndex
CREATE INDEX "CertificationResult_orgId_year_certificateLevelId_idx" ON "CertificationResult"("orgId", "year", "certificateLevelId");

-- CreateIndex
CREATE INDEX "ImportRecord_orgId_createdAt_idx" ON "ImportRecord"("orgId", "createdAt");

-- AddForeignKey
ALTER TABLE "ImportRecord" ADD CONSTRAINT "ImportRecord_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "EvaluationOrg"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubjectScore" ADD CONSTRAINT "SubjectScore_registrationId_subjectId_fkey" FOREIGN KEY ("registrationId", "subjectId") REFERENCES "RegistrationSubject"("registrationId", "subjectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreCorrection" ADD CONSTRAINT "ScoreCorrection_scoreId_fkey" FOREIGN KEY ("scoreId") REFERENCES "SubjectScore"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificationResult" ADD CONSTRAINT "CertificationResult_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificationResult" ADD CONSTRAINT "CertificationResult_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ExamPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A score is a number exactly when the sitting was 正常; never negative (the 满分 is checked by the use case).
ALTER TABLE "SubjectScore" ADD CONSTRAINT "SubjectScore_mark_score" CHECK ((("mark" = 'SCORED') = ("score" IS NOT NULL)) AND ("score" IS NULL OR "score" >= 0));
ALTER TABLE "ScoreCorrection" ADD CONSTRAINT "ScoreCorrection_reason" CHECK (length(btrim("reason")) > 0);

-- After 成绩公示 the plan's scores and results are final: once scoresLockedAt is set, nothing of them changes,
-- whatever the application sends; the lock itself is never lifted.
CREATE FUNCTION scores_locked(plan uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT "scoresLockedAt" IS NOT NULL FROM "ExamPlan" WHERE id = plan
$$;

CREATE FUNCTION subject_score_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND scores_locked(OLD."planId") THEN
    RAISE EXCEPTION '成绩公示期已结束，成绩已永久锁定' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF scores_locked(NEW."planId") THEN
      RAISE EXCEPTION '成绩公示期已结束，成绩已永久锁定' USING ERRCODE = 'check_violation';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM "RegistrationSubject" s WHERE s."registrationId" = NEW."registrationId" AND s."subjectId" = NEW."subjectId" AND s."planId" = NEW."planId") THEN
      RAISE EXCEPTION 'SubjectScore.planId must be its sitting''s plan' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER subject_score_guard BEFORE INSERT OR UPDATE OR DELETE ON "SubjectScore" FOR EACH ROW EXECUTE FUNCTION subject_score_guard();

CREATE FUNCTION score_correction_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION '成绩更正记录不可修改' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'INSERT' AND scores_locked((SELECT "planId" FROM "SubjectScore" WHERE id = NEW."scoreId")) THEN
    RAISE EXCEPTION '成绩公示期已结束，成绩已永久锁定' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER score_correction_guard BEFORE INSERT OR UPDATE ON "ScoreCorrection" FOR EACH ROW EXECUTE FUNCTION score_correction_guard();

CREATE FUNCTION certification_result_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP <> 'INSERT' AND scores_locked(OLD."planId")) OR (TG_OP <> 'DELETE' AND scores_locked(NEW."planId")) THEN
    RAISE EXCEPTION '成绩公示期已结束，考证结果已锁定' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER certification_result_guard BEFORE INSERT OR UPDATE OR DELETE ON "CertificationResult" FOR EACH ROW EXECUTE FUNCTION certification_result_guard();

CREATE FUNCTION exam_plan_score_lock_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."scoresLockedAt" IS NOT NULL AND NEW."scoresLockedAt" IS DISTINCT FROM OLD."scoresLockedAt" THEN
    RAISE EXCEPTION '成绩锁定不可撤销' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER exam_plan_score_lock_guard BEFORE UPDATE OF "scoresLockedAt" ON "ExamPlan" FOR EACH ROW EXECUTE FUNCTION exam_plan_score_lock_guard();
