// Who may manage (enable, disable, reset) whose account: the hierarchy of manual 001 §1.2 and §1.9.
import type { RoleName } from "./portals";

export type Actor = {
  id: string;
  role: RoleName;
  schoolId?: string | null;
  departmentId?: string | null;
  departmentRegionPrefix?: string | null; // the region codes the department covers start with this
};

export type ManagedTarget = {
  id: string;
  role: RoleName;
  schoolId?: string | null;
  schoolRegionCode?: string | null;
  schoolDepartmentId?: string | null;
};

/** The one table of who manages which accounts; managedUsersWhere builds its database filter from it. */
export const MANAGES: Partial<Record<RoleName, { roles: readonly RoleName[]; within: "platform" | "region" | "school" }>> = {
  ADMIN: { roles: ["EDU", "ORG", "SCHOOL_PRINCIPAL", "SCHOOL_ADMIN", "STUDENT"], within: "platform" },
  // Departments manage the principals of schools in their region.
  EDU: { roles: ["SCHOOL_PRINCIPAL"], within: "region" },
  SCHOOL_PRINCIPAL: { roles: ["SCHOOL_ADMIN"], within: "school" },
};

export function canManageUser(actor: Actor, target: ManagedTarget): boolean {
  if (actor.id === target.id) return false;
  const rule = MANAGES[actor.role];
  if (!rule || !rule.roles.includes(target.role)) return false;
  switch (rule.within) {
    case "platform":
      return true;
    case "region":
      return !!target.schoolRegionCode && !!actor.departmentRegionPrefix && target.schoolRegionCode.startsWith(actor.departmentRegionPrefix);
    case "school":
      return !!actor.schoolId && target.schoolId === actor.schoolId;
  }
}

export { regionPrefix } from "@/domain/regions";
