import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getDb } from "@/server/db";
import { systemClock } from "@/server/clock";
import type { SessionUser } from "@/server/session-user";
import { getAuthOptions } from "./config";
import { resolveSession } from "./session";
import { PORTAL_ROLES, type Portal } from "@/domain/auth/portals";
import { holdsAny, portalOfPermission, type Permission } from "@/domain/auth/permissions";

/** The signed-in user of this request, checked against the database (once per request). */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(getAuthOptions())) as { sid?: string } | null;
  return resolveSession(getDb(), systemClock, session?.sid);
});

/** Guard for every portal layout (middleware alone can be skipped): signed in, complete, in this portal. */
export async function requirePortal(portal: Portal): Promise<SessionUser> {
  const u = await getCurrentUser();
  if (!u) redirect(`/${portal}/login`);
  if (u.needsBinding || u.mustChangePassword) redirect("/account/bind");
  if (!PORTAL_ROLES[portal].includes(u.role)) redirect(`/${u.portal}`);
  return u;
}

/** Guard for every portal page: the account holds one of these permissions (the table the procedures read too). */
export async function requirePermission(...perms: [Permission, ...Permission[]]): Promise<SessionUser> {
  const u = await requirePortal(portalOfPermission(perms[0]));
  // A school still applying may only complete its information and apply (its procedures refuse the rest too).
  if (!holdsAny(u.permissions, perms)) redirect(u.schoolStatus === "APPLYING" ? "/school/applications" : `/${u.portal}`);
  return u;
}

export async function requireSignedIn(): Promise<SessionUser> {
  const u = await getCurrentUser();
  if (!u) redirect("/login");
  return u;
}

export async function currentHeaders(): Promise<Headers> {
  return new Headers(await headers());
}
