// Candidates belong to one school; its accounts see them (later issues add the orgs' and departments' views).
import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/server/session-user";
import { schoolScope } from "@/server/tenancy";

export function candidatesWhere(u: SessionUser): Prisma.CandidateWhereInput {
  return { schoolId: schoolScope(u).schoolId };
}
