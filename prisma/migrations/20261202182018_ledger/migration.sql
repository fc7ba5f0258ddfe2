-- CreateEnum
CREATE TYPE "LedgerEntryKind" AS ENUM ('CERTIFICATE_DEFINITION', 'CERTIFICATE_ISSUED', 'CERTIFICATE_REVOKED');

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "index" BIGINT NOT NULL,
    "kind" "LedgerEntryKind" NOT NULL,
    "subjectId" UUID NOT NULL,
    "leaf" TEXT NOT NULL,
    "leafHash" BYTEA NOT NULL,
    "rootHash" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("index")
);

-- CreateTable
CREATE TABLE "LedgerNode" (
    "level" INTEGER NOT NULL,
    "idx" BIGINT NOT NULL,
    "hash" BYTEA NOT NULL,

    CONSTRAINT "LedgerNode_pkey" PRIMARY KEY ("level","idx")
);

-- CreateTable
CREATE TABLE "LedgerHead" (
    "size" BIGINT NOT NULL,
    "rootHash" BYTEA NOT NULL,
    "timestampMs" BIGINT NOT NULL,
    "signature" BYTEA NOT NULL,
    "keyId" TEXT NOT NULL,

    CONSTRAINT "LedgerHead_pkey" PRIMARY KEY ("size")
);

-- CreateTable
CREATE TABLE "LedgerKey" (
    "keyId" TEXT NOT NULL,
    "publicKey" BYTEA NOT NULL,
    "secretKey" BYTEA,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerKey_pkey" PRIMARY KEY ("keyId")
);

-- CreateIndex
CREATE INDEX "LedgerEntry_subjectId_index_idx" ON "LedgerEntry"("subjectId", "index");

-- CreateIndex
CREATE INDEX "LedgerEntry_leafHash_idx" ON "LedgerEntry"("leafHash");


-- The log is append-only: no row of a leaf, a node or a signed head ever changes or goes.
CREATE FUNCTION ledger_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '上链记录只能追加，不能修改或删除' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER "LedgerEntry_immutable" BEFORE UPDATE OR DELETE ON "LedgerEntry" FOR EACH ROW EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER "LedgerEntry_no_truncate" BEFORE TRUNCATE ON "LedgerEntry" FOR EACH STATEMENT EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER "LedgerNode_immutable" BEFORE UPDATE OR DELETE ON "LedgerNode" FOR EACH ROW EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER "LedgerNode_no_truncate" BEFORE TRUNCATE ON "LedgerNode" FOR EACH STATEMENT EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER "LedgerHead_immutable" BEFORE UPDATE OR DELETE ON "LedgerHead" FOR EACH ROW EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER "LedgerHead_no_truncate" BEFORE TRUNCATE ON "LedgerHead" FOR EACH STATEMENT EXECUTE FUNCTION ledger_immutable();

-- Leaves follow each other: the next index is the current size (rows earlier in the same INSERT count).
CREATE FUNCTION ledger_entry_next() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."index" <> (SELECT coalesce(max("index") + 1, 0) FROM "LedgerEntry") THEN
    RAISE EXCEPTION '上链序号不连续' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "LedgerEntry_next" BEFORE INSERT ON "LedgerEntry" FOR EACH ROW EXECUTE FUNCTION ledger_entry_next();

ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_hashes" CHECK (length("leafHash") = 32 AND length("rootHash") = 32);
ALTER TABLE "LedgerNode" ADD CONSTRAINT "LedgerNode_hash" CHECK (length("hash") = 32 AND "level" BETWEEN 0 AND 62 AND "idx" >= 0);
ALTER TABLE "LedgerHead" ADD CONSTRAINT "LedgerHead_signature" CHECK (length("rootHash") = 32 AND length("signature") = 64);
