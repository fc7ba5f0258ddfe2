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

export function canManageUser(actor: Actor, target: ManagedTarget): boolean {
  if (actor.id === target.id) return false;
  switch (actor.role) {
    case "ADMIN":
      return target.role !== "ADMIN";
    case "EDU":
      // Departments manage the principals of schools in their region.
      return (
        target.role === "SCHOOL_PRINCIPAL" &&
        !!target.schoolRegionCode &&
        !!actor.departmentRegionPrefix &&
        target.schoolRegionCode.startsWith(actor.departmentRegionPrefix)
      );
    case "SCHOOL_PRINCIPAL":
      return target.role === "SCHOOL_ADMIN" && !!actor.schoolId && target.schoolId === actor.schoolId;
    default:
      return false;
  }
}

/** GB/T 2260: a province covers codes with its first two digits, a city its first four. */
export function regionPrefix(level: "PROVINCE" | "CITY", regionCode: string): string {
  return level === "PROVINCE" ? regionCode.slice(0, 2) : regionCode.slice(0, 4);
}
