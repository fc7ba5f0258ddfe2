import type { Portal, RoleName } from "@/domain/auth/portals";
import type { Permission } from "@/domain/auth/permissions";

/** The signed-in user as every procedure sees it; tenant ids come from here, never from input. */
export type SessionUser = {
  sid: string;
  id: string;
  account: string;
  name: string | null;
  role: RoleName;
  portal: Portal;
  schoolId: string | null;
  orgId: string | null;
  departmentId: string | null;
  departmentLevel: "PROVINCE" | "CITY" | null;
  /** APPLYING: a newly registered school that is not a pilot yet (limited to its info and applications). */
  schoolStatus: "REGISTERED" | "APPLYING" | "DISABLED" | null;
  regionPrefix: string | null;
  /** null: all certificates of the tenant; otherwise only these certificate levels. */
  certificateLevelIds: string[] | null;
  /** What the account may do (its portal's, or its role's for a sub-account; src/domain/auth/permissions). */
  permissions: Permission[];
  mustChangePassword: boolean;
  needsBinding: boolean;
};

export type RequestMeta = { ip: string | null; userAgent: string | null };
