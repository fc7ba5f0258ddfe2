-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "FilePurpose" ADD VALUE 'ORG_SEAL';
ALTER TYPE "FilePurpose" ADD VALUE 'CERTIFICATE';

-- AlterTable
ALTER TABLE "EvaluationOrg" ADD COLUMN     "sealFileId" UUID,
ADD COLUMN     "sealUpdatedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Issuance" ADD COLUMN     "batchId" UUID,
ADD COLUMN     "certificateFileId" UUID,
ADD COLUMN     "idSalt" TEXT,
ADD COLUMN     "revocationReason" TEXT,
ADD COLUMN     "revokedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "IssueBatch" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "mode" "IssuanceMode" NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'RUNNING',
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "issued" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT,
    "createdById" UUID NOT NULL,
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "IssueBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificateSerial" (
    "prefix" TEXT NOT NULL,
    "next" BIGINT NOT NULL,

    CONSTRAINT "CertificateSerial_pkey" PRIMARY KEY ("prefix")
);

-- CreateIndex
CREATE INDEX "IssueBatch_orgId_createdAt_idx" ON "IssueBatch"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "IssueBatch_status_heartbeatAt_idx" ON "IssueBatch"("status", "heartbeatAt");

-- CreateIndex
CREATE INDEX "Issuance_batchId_status_idx" ON "Issuance"("batchId", "status");

-- AddForeignKey
ALTER TABLE "EvaluationOrg" ADD CONSTRAINT "EvaluationOrg_sealFileId_fkey" FOREIGN KEY ("sealFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Issuance" ADD CONSTRAINT "Issuance_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "IssueBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Issuance" ADD CONSTRAINT "Issuance_certificateFileId_fkey" FOREIGN KEY ("certificateFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- An issued certificate has its file; a record in generation belongs to a run; a revocation has its reason and only
-- an issued certificate is revoked.
ALTER TABLE "Issuance" ADD CONSTRAINT "Issuance_certificate_states" CHECK (
  ("status" <> 'ISSUED' OR "certificateFileId" IS NOT NULL)
  AND ("status" <> 'GENERATING' OR "batchId" IS NOT NULL)
  AND ("revokedAt" IS NULL OR ("status" = 'ISSUED' AND length(btrim("revocationReason")) > 0))
);

-- A revocation is final: never withdrawn, never re-issued.
CREATE FUNCTION issuance_revocation_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."revokedAt" IS NOT NULL AND (NEW."revokedAt" IS DISTINCT FROM OLD."revokedAt"
     OR NEW."revocationReason" IS DISTINCT FROM OLD."revocationReason" OR NEW."status" <> OLD."status") THEN
    RAISE EXCEPTION '证书已撤销，不能再更改' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Issuance_revocation_final" BEFORE UPDATE ON "Issuance" FOR EACH ROW EXECUTE FUNCTION issuance_revocation_final();

ALTER TABLE "IssueBatch" ADD CONSTRAINT "IssueBatch_counts" CHECK ("total" > 0 AND "processed" >= 0 AND "issued" + "failed" <= "processed" AND "processed" <= "total");
ALTER TABLE "CertificateSerial" ADD CONSTRAINT "CertificateSerial_next" CHECK ("next" > 0);
