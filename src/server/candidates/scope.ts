// Candidates belong to one school; its accounts see them (later issues add the orgs' and departments' views).
import type { Prisma } from "@/generated/prisma/client";
import { scopeFor, type Scope } from "@/server/tenancy";

export function candidatesWhere(scope: Scope): Prisma.CandidateWhereInput {
  return { schoolId: scopeFor(scope, "school").schoolId };
}
