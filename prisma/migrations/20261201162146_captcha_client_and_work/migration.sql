-- Captchas live five minutes and are single use: the ones outstanding are dropped rather than given a client.
DELETE FROM "Captcha";

-- AlterTable
ALTER TABLE "Captcha" ADD COLUMN     "clientHash" TEXT NOT NULL,
ADD COLUMN     "workHash" TEXT NOT NULL,
ADD COLUMN     "workMax" INTEGER NOT NULL,
ADD COLUMN     "workSalt" TEXT NOT NULL;

