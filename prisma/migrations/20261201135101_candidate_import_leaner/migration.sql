-- DropForeignKey
ALTER TABLE "Candidate" DROP CONSTRAINT "Candidate_createdById_fkey";

-- DropIndex
DROP INDEX "Candidate_name_idx";

-- AlterTable
ALTER TABLE "Candidate" DROP COLUMN "createdById";

