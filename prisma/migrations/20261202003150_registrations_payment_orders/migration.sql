-- CreateEnum
CREATE TYPE "PaymentOrderStatus" AS ENUM ('UNCONFIRMED', 'CONFIRMED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ImportKind" ADD VALUE 'REGISTRATIONS_BY_CERTIFICATE';
ALTER TYPE "ImportKind" ADD VALUE 'REGISTRATIONS_BY_SUBJECT';

-- AlterTable
ALTER TABLE "ImportRecord" ADD COLUMN     "params" JSONB;

-- CreateTable
CREATE TABLE "Registration" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "certificateLevelId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "schoolId" UUID NOT NULL,
    "candidateId" UUID NOT NULL,
    "mode" "ExamRegistrationMode" NOT NULL,
    "name" TEXT NOT NULL,
    "pinyin" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "idType" "IdType" NOT NULL,
    "idNumber" TEXT NOT NULL,
    "phone" TEXT,
    "photoFileId" UUID,
    "candidateType" "CandidateType" NOT NULL,
    "majorId" UUID,
    "majorName" TEXT,
    "targetGroup" TEXT,
    "paymentOrderId" UUID,
    "paidAt" TIMESTAMPTZ(3),
    "importId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationSubject" (
    "registrationId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "scheduledAt" TIMESTAMPTZ(3),

    CONSTRAINT "RegistrationSubject_pkey" PRIMARY KEY ("registrationId","subjectId")
);

-- CreateTable
CREATE TABLE "PaymentOrder" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "schoolId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "certificateLevelId" UUID NOT NULL,
    "mode" "ExamRegistrationMode" NOT NULL,
    "quantity" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "status" "PaymentOrderStatus" NOT NULL DEFAULT 'UNCONFIRMED',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedById" UUID,
    "confirmedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PaymentOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentOrderLine" (
    "orderId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "subjectId" UUID,
    "quantity" INTEGER NOT NULL,
    "unitFee" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,

    CONSTRAINT "PaymentOrderLine_pkey" PRIMARY KEY ("orderId","seq")
);

-- CreateTable
CREATE TABLE "ExamFee" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "certificateLevelId" UUID,
    "subjectId" UUID,
    "amount" INTEGER NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExamFee_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Registration_schoolId_certificateLevelId_year_candidateId_idx" ON "Registration"("schoolId", "certificateLevelId", "year", "candidateId");

-- CreateIndex
CREATE INDEX "Registration_planId_schoolId_createdAt_idx" ON "Registration"("planId", "schoolId", "createdAt");

-- CreateIndex
CREATE INDEX "Registration_candidateId_idx" ON "Registration"("candidateId");

-- CreateIndex
CREATE INDEX "Registration_paymentOrderId_idx" ON "Registration"("paymentOrderId");

-- CreateIndex
CREATE INDEX "Registration_importId_idx" ON "Registration"("importId");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_planId_candidateId_certificateLevelId_key" ON "Registration"("planId", "candidateId", "certificateLevelId");

-- CreateIndex
CREATE INDEX "RegistrationSubject_planId_subjectId_idx" ON "RegistrationSubject"("planId", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentOrder_number_key" ON "PaymentOrder"("number");

-- CreateIndex
CREATE INDEX "PaymentOrder_schoolId_createdAt_idx" ON "PaymentOrder"("schoolId", "createdAt");

-- CreateIndex
CREATE INDEX "PaymentOrder_orgId_status_createdAt_idx" ON "PaymentOrder"("orgId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "PaymentOrder_planId_idx" ON "PaymentOrder"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "ExamFee_certificateLevelId_key" ON "ExamFee"("certificateLevelId");

-- CreateIndex
CREATE UNIQUE INDEX "ExamFee_subjectId_key" ON "ExamFee"("subjectId");

-- CreateIndex
CREATE INDEX "ExamFee_orgId_idx" ON "ExamFee"("orgId");

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ExamPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_certificateLevelId_fkey" FOREIGN KEY ("certificateLevelId") REFERENCES "CertificateLevel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_paymentOrderId_fkey" FOREIGN KEY ("paymentOrderId") REFERENCES "PaymentOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ImportRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationSubject" ADD CONSTRAINT "RegistrationSubject_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationSubject" ADD CONSTRAINT "RegistrationSubject_planId_subjectId_fkey" FOREIGN KEY ("planId", "subjectId") REFERENCES "ExamPlanSubject"("planId", "subjectId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentOrder" ADD CONSTRAINT "PaymentOrder_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentOrder" ADD CONSTRAINT "PaymentOrder_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "EvaluationOrg"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentOrder" ADD CONSTRAINT "PaymentOrder_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ExamPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentOrder" ADD CONSTRAINT "PaymentOrder_certificateLevelId_fkey" FOREIGN KEY ("certificateLevelId") REFERENCES "CertificateLevel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentOrderLine" ADD CONSTRAINT "PaymentOrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "PaymentOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamFee" ADD CONSTRAINT "ExamFee_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "EvaluationOrg"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamFee" ADD CONSTRAINT "ExamFee_certificateLevelId_fkey" FOREIGN KEY ("certificateLevelId") REFERENCES "CertificateLevel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamFee" ADD CONSTRAINT "ExamFee_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "ExamSubject"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- 缴费单号 from a sequence, so N instances never hand out the same number.
CREATE SEQUENCE payment_order_code_seq START 1;

ALTER TABLE "ExamFee" ADD CONSTRAINT "ExamFee_one_target" CHECK (num_nonnulls("certificateLevelId", "subjectId") = 1 AND "amount" >= 0 AND "amount" <= 10000000);
ALTER TABLE "PaymentOrder" ADD CONSTRAINT "PaymentOrder_amounts" CHECK ("quantity" > 0 AND "total" >= 0 AND ("status" = 'UNCONFIRMED') = ("confirmedAt" IS NULL));
ALTER TABLE "PaymentOrderLine" ADD CONSTRAINT "PaymentOrderLine_amounts" CHECK ("quantity" > 0 AND "unitFee" >= 0 AND "amount" = "unitFee" * "quantity");

-- A confirmed order is immutable: no update, no delete, no line added, changed or removed.
CREATE FUNCTION payment_order_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'CONFIRMED' THEN
    RAISE EXCEPTION '已确认的缴费申请单不能修改或删除' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER payment_order_immutable BEFORE UPDATE OR DELETE ON "PaymentOrder" FOR EACH ROW EXECUTE FUNCTION payment_order_immutable();

CREATE FUNCTION payment_order_line_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  order_id uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW."orderId" ELSE OLD."orderId" END;
BEGIN
  IF EXISTS (SELECT 1 FROM "PaymentOrder" WHERE "id" = order_id AND "status" = 'CONFIRMED') THEN
    RAISE EXCEPTION '已确认的缴费申请单不能修改' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER payment_order_line_immutable BEFORE INSERT OR UPDATE OR DELETE ON "PaymentOrderLine" FOR EACH ROW EXECUTE FUNCTION payment_order_line_immutable();

-- A registration keeps its snapshot (only 姓名拼音 and 手机号 may change), stays paid once paid, stays on its
-- confirmed order, and is never deleted once paid.
CREATE FUNCTION registration_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."paidAt" IS NOT NULL THEN
      RAISE EXCEPTION '已缴费的报考信息不能删除' USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF (NEW."planId", NEW."certificateLevelId", NEW."candidateId", NEW."schoolId", NEW."year", NEW."mode", NEW."name", NEW."gender", NEW."idType", NEW."idNumber", NEW."candidateType")
     IS DISTINCT FROM (OLD."planId", OLD."certificateLevelId", OLD."candidateId", OLD."schoolId", OLD."year", OLD."mode", OLD."name", OLD."gender", OLD."idType", OLD."idNumber", OLD."candidateType")
     OR NEW."photoFileId" IS DISTINCT FROM OLD."photoFileId" OR NEW."majorId" IS DISTINCT FROM OLD."majorId" OR NEW."majorName" IS DISTINCT FROM OLD."majorName" THEN
    RAISE EXCEPTION '报考信息中的考生快照只能修改姓名拼音和手机号' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."paidAt" IS NOT NULL AND NEW."paidAt" IS DISTINCT FROM OLD."paidAt" THEN
    RAISE EXCEPTION '已缴费的报考信息不能取消缴费' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."paymentOrderId" IS DISTINCT FROM NEW."paymentOrderId" AND OLD."paidAt" IS NOT NULL THEN
    RAISE EXCEPTION '已缴费的报考信息不能移出缴费申请单' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER registration_guard BEFORE UPDATE OR DELETE ON "Registration" FOR EACH ROW EXECUTE FUNCTION registration_guard();
