-- AlterTable
ALTER TABLE "User" ADD COLUMN     "accessRoleId" UUID;

-- CreateTable
CREATE TABLE "AccessRole" (
    "id" UUID NOT NULL,
    "portal" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "permissions" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AccessRole_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccessRole_portal_name_key" ON "AccessRole"("portal", "name");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_accessRoleId_fkey" FOREIGN KEY ("accessRoleId") REFERENCES "AccessRole"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- 角色 (manual 002 §8.1): the existing sub-accounts keep what they had, as the role 业务管理员.
INSERT INTO "AccessRole" (id, portal, name, description, permissions, "updatedAt")
VALUES (gen_random_uuid(), 'school', '业务管理员', '试点院校的日常业务：除周报、用户管理和电子签章外的全部菜单',
        ARRAY['school.orgs','school.schools','school.standards','school.certificates','school.applications','school.plans','school.candidates'], now());
UPDATE "User" SET "accessRoleId" = (SELECT id FROM "AccessRole" WHERE portal = 'school' AND name = '业务管理员') WHERE role = 'SCHOOL_ADMIN';
-- Exactly the sub-accounts have a role; roles exist for the portals that have sub-accounts.
ALTER TABLE "User" ADD CONSTRAINT "User_access_role_for_sub_accounts" CHECK ((role = 'SCHOOL_ADMIN') = ("accessRoleId" IS NOT NULL));
ALTER TABLE "AccessRole" ADD CONSTRAINT "AccessRole_portal" CHECK (portal IN ('school'));
