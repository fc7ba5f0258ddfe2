-- CreateEnum
CREATE TYPE "IssuanceStatus" AS ENUM ('ORG_PENDING', 'ORG_REFUSED', 'SITE_PENDING', 'SITE_REFUSED', 'AWAITING_ISSUE', 'GENERATING', 'SEAL_FAILED', 'ISSUED');

-- CreateEnum
CREATE TYPE "IssuanceMode" AS ENUM ('PAPER', 'ELECTRONIC');

-- CreateEnum
CREATE TYPE "IssuanceSide" AS ENUM ('ORG', 'SITE');

-- AlterEnum
ALTER TYPE "SmsPurpose" ADD VALUE 'SIGN_ISSUANCE';

-- AlterEnum
ALTER TYPE "FilePurpose" ADD VALUE 'ISSUANCE_SIGNATURE';

-- CreateTable
CREATE TABLE "Issuance" (
    "id" UUID NOT NULL,
    "registrationId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "certificateLevelId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "IssuanceStatus" NOT NULL DEFAULT 'ORG_PENDING',
    "orgSignatureId" UUID,
    "siteSignatureId" UUID,
    "refusalReason" TEXT,
    "mode" "IssuanceMode",
    "certificateNumber" TEXT,
    "issuedAt" TIMESTAMPTZ(3),
    "failureCause" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Issuance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssuanceSignature" (
    "id" UUID NOT NULL,
    "side" "IssuanceSide" NOT NULL,
    "signerId" UUID NOT NULL,
    "signerName" TEXT NOT NULL,
    "imageFileId" UUID NOT NULL,
    "records" INTEGER NOT NULL,
    "ip" TEXT,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IssuanceSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssuanceEvent" (
    "id" UUID NOT NULL,
    "issuanceId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "from" "IssuanceStatus",
    "to" "IssuanceStatus" NOT NULL,
    "actorId" UUID,
    "actorName" TEXT,
    "reason" TEXT,
    "signatureId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IssuanceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Issuance_registrationId_key" ON "Issuance"("registrationId");

-- CreateIndex
CREATE UNIQUE INDEX "Issuance_certificateNumber_key" ON "Issuance"("certificateNumber");

-- CreateIndex
CREATE INDEX "Issuance_orgId_status_idx" ON "Issuance"("orgId", "status");

-- CreateIndex
CREATE INDEX "Issuance_schoolId_status_idx" ON "Issuance"("schoolId", "status");

-- CreateIndex
CREATE INDEX "Issuance_planId_idx" ON "Issuance"("planId");

-- CreateIndex
CREATE INDEX "IssuanceEvent_issuanceId_at_idx" ON "IssuanceEvent"("issuanceId", "at");

-- AddForeignKey
ALTER TABLE "Issuance" ADD CONSTRAINT "Issuance_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Issuance" ADD CONSTRAINT "Issuance_orgSignatureId_fkey" FOREIGN KEY ("orgSignatureId") REFERENCES "IssuanceSignature"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Issuance" ADD CONSTRAINT "Issuance_siteSignatureId_fkey" FOREIGN KEY ("siteSignatureId") REFERENCES "IssuanceSignature"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssuanceSignature" ADD CONSTRAINT "IssuanceSignature_signerId_fkey" FOREIGN KEY ("signerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssuanceSignature" ADD CONSTRAINT "IssuanceSignature_imageFileId_fkey" FOREIGN KEY ("imageFileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssuanceEvent" ADD CONSTRAINT "IssuanceEvent_issuanceId_fkey" FOREIGN KEY ("issuanceId") REFERENCES "Issuance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssuanceEvent" ADD CONSTRAINT "IssuanceEvent_signatureId_fkey" FOREIGN KEY ("signatureId") REFERENCES "IssuanceSignature"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Every state past a side's signature carries that signature (no path to 完成发放 skips one).
ALTER TABLE "Issuance" ADD CONSTRAINT "Issuance_signed_states" CHECK (
  ("status" NOT IN ('SITE_PENDING', 'SITE_REFUSED', 'AWAITING_ISSUE', 'GENERATING', 'SEAL_FAILED', 'ISSUED') OR "orgSignatureId" IS NOT NULL)
  AND ("status" NOT IN ('AWAITING_ISSUE', 'GENERATING', 'SEAL_FAILED', 'ISSUED') OR "siteSignatureId" IS NOT NULL)
  AND ("status" NOT IN ('ORG_REFUSED', 'SITE_REFUSED') OR length(btrim("refusalReason")) > 0)
  AND ("status" NOT IN ('GENERATING', 'ISSUED', 'SEAL_FAILED') OR ("mode" IS NOT NULL AND "certificateNumber" IS NOT NULL))
  AND ("status" <> 'ISSUED' OR "issuedAt" IS NOT NULL)
);

-- A signature is final: once set it never changes or goes, and the signing acts and the history are append-only.
CREATE FUNCTION issuance_signature_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD."orgSignatureId" IS NOT NULL AND NEW."orgSignatureId" IS DISTINCT FROM OLD."orgSignatureId")
     OR (OLD."siteSignatureId" IS NOT NULL AND NEW."siteSignatureId" IS DISTINCT FROM OLD."siteSignatureId") THEN
    RAISE EXCEPTION '签发一经确认不可撤回' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."certificateNumber" IS NOT NULL AND NEW."certificateNumber" IS DISTINCT FROM OLD."certificateNumber" THEN
    RAISE EXCEPTION '证书编号一经分配不可更改' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Issuance_signature_final" BEFORE UPDATE ON "Issuance" FOR EACH ROW EXECUTE FUNCTION issuance_signature_final();

CREATE FUNCTION issuance_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '签发记录只能追加，不能修改或删除' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER "IssuanceSignature_append_only" BEFORE UPDATE OR DELETE ON "IssuanceSignature" FOR EACH ROW EXECUTE FUNCTION issuance_append_only();
CREATE TRIGGER "IssuanceEvent_append_only" BEFORE UPDATE OR DELETE ON "IssuanceEvent" FOR EACH ROW EXECUTE FUNCTION issuance_append_only();
CREATE TRIGGER "Issuance_no_delete" BEFORE DELETE ON "Issuance" FOR EACH ROW EXECUTE FUNCTION issuance_append_only();
