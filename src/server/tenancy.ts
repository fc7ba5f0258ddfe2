// The one place a session becomes a tenant scope. Only the auth gate (the tRPC procedure builders and the
// guarded route handlers) calls mintScope; use cases and where-builders take the minted scope, never the
// session. A scope cannot be built elsewhere without a cast: its brand is a symbol this file never exports.
// A missing tenant id throws instead of becoming `undefined` (which Prisma would read as "no filter").
import type { SessionUser } from "@/server/session-user";
import { forbidden } from "@/server/errors";
import type { Portal, RoleName } from "@/domain/auth/portals";
import { provinceCodeOf } from "@/domain/regions";
import type { Permission } from "@/domain/auth/permissions";

declare const MINTED: unique symbol;
/** Every scope carries what its holder may do (the table in src/domain/auth/permissions). */
type Minted = { readonly [MINTED]: true; permissions: readonly Permission[] };

export type SchoolScope = Minted & {
  kind: "school";
  schoolId: string;
  /** null: all certificate levels of the school; otherwise only these (a sub-account's 证书负责人 scope). */
  certificateLevelIds: string[] | null;
  principal: boolean;
  /** A newly registered school that is not a pilot yet (001 §2.1). */
  applying: boolean;
};
export type OrgScope = Minted & { kind: "org"; orgId: string };
export type DepartmentScope = Minted & {
  kind: "department";
  departmentId: string;
  level: "PROVINCE" | "CITY";
  /** Region codes the department covers start with this (2 digits for a province, 4 for a city). */
  regionPrefix: string;
  provinceCode: string;
};
export type AdminScope = Minted & { kind: "admin" };
export type StudentScope = Minted & { kind: "student"; userId: string };
export type Scope = SchoolScope | OrgScope | DepartmentScope | AdminScope | StudentScope;

export type ScopeOfPortal = { school: SchoolScope; org: OrgScope; edu: DepartmentScope; admin: AdminScope; student: StudentScope };

/** Who acts, as the audit log records it. */
export type Actor = {
  id: string;
  account: string;
  name: string | null;
  role: RoleName;
  schoolId: string | null;
  orgId: string | null;
  departmentId: string | null;
};

export function actorOf(u: SessionUser): Actor {
  return { id: u.id, account: u.account, name: u.name, role: u.role, schoolId: u.schoolId, orgId: u.orgId, departmentId: u.departmentId };
}

/** Who asks, for the route handlers outside tRPC (downloads, uploads, imports): the minted scope and the actor. */
export type Requester<S extends Scope = Scope> = { scope: S; actor: Actor };

/** The route handlers' gate: a signed-in session becomes a Requester (a session without its tenant gets none). */
export function requesterOf(u: SessionUser): Requester | null {
  try {
    return { scope: mintScope(u), actor: actorOf(u) };
  } catch {
    return null;
  }
}

/** The auth gate's mint: the session's tenant, whole or not at all. */
export function mintScope(u: SessionUser): Scope {
  return { ...mint(u), permissions: u.permissions } as unknown as Scope;
}

/** The scope the platform acts in for an org without a user at hand (clean-up ending a dead run, the demo seed): that org, no permissions. */
export function platformScopeOfOrg(orgId: string): OrgScope {
  return { kind: "org", orgId, permissions: [] } as unknown as OrgScope;
}

type Unminted<S> = S extends Scope ? Omit<S, typeof MINTED | "permissions"> : never;

function mint(u: SessionUser): Unminted<Scope> {
  switch (u.role) {
    case "SCHOOL_PRINCIPAL":
    case "SCHOOL_ADMIN":
      if (!u.schoolId) throw forbidden();
      return {
        kind: "school",
        schoolId: u.schoolId,
        certificateLevelIds: u.certificateLevelIds,
        principal: u.role === "SCHOOL_PRINCIPAL",
        applying: u.schoolStatus === "APPLYING",
      };
    case "ORG":
      if (!u.orgId) throw forbidden();
      return { kind: "org", orgId: u.orgId };
    case "EDU":
      if (!u.departmentId || !u.departmentLevel || !u.regionPrefix) throw forbidden();
      return {
        kind: "department",
        departmentId: u.departmentId,
        level: u.departmentLevel,
        regionPrefix: u.regionPrefix,
        provinceCode: provinceCodeOf(u.regionPrefix),
      };
    case "ADMIN":
      return { kind: "admin" };
    case "STUDENT":
      return { kind: "student", userId: u.id };
  }
}

const PORTAL_KIND: Record<Portal, Scope["kind"]> = { school: "school", org: "org", edu: "department", admin: "admin", student: "student" };

/** Narrows a scope to one portal's, refusing any other. */
export function scopeFor<P extends Portal>(scope: Scope, portal: P): ScopeOfPortal[P] {
  if (scope.kind !== PORTAL_KIND[portal]) throw forbidden();
  return scope as ScopeOfPortal[P];
}

/** The schools a department covers, as a School where (its regionCode starts with the department's prefix). */
export function schoolsInRegion(d: DepartmentScope): { regionCode: { startsWith: string } } {
  return { regionCode: { startsWith: d.regionPrefix } };
}
