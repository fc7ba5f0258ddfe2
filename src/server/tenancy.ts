// The one place that turns a session into tenant filters. A missing tenant id throws instead of
// becoming `undefined` (which Prisma would read as "no filter").
import type { SessionUser } from "@/server/session-user";
import { forbidden } from "@/server/errors";

export type SchoolScope = { schoolId: string & { __brand: "AuthorizedSchoolId" }; certificateLevelIds: string[] | null };
export type OrgScope = { orgId: string & { __brand: "AuthorizedOrgId" } };
export type DepartmentScope = {
  departmentId: string & { __brand: "AuthorizedDepartmentId" };
  level: "PROVINCE" | "CITY";
  regionPrefix: string;
};

export function schoolScope(u: SessionUser): SchoolScope {
  if ((u.role !== "SCHOOL_PRINCIPAL" && u.role !== "SCHOOL_ADMIN") || !u.schoolId) throw forbidden();
  return { schoolId: u.schoolId as SchoolScope["schoolId"], certificateLevelIds: u.certificateLevelIds };
}

export function orgScope(u: SessionUser): OrgScope {
  if (u.role !== "ORG" || !u.orgId) throw forbidden();
  return { orgId: u.orgId as OrgScope["orgId"] };
}

export function departmentScope(u: SessionUser): DepartmentScope {
  if (u.role !== "EDU" || !u.departmentId || !u.departmentLevel || !u.regionPrefix) throw forbidden();
  return { departmentId: u.departmentId as DepartmentScope["departmentId"], level: u.departmentLevel, regionPrefix: u.regionPrefix };
}
