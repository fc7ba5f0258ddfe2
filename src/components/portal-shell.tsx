import type { SessionUser } from "@/server/session-user";
import { PORTAL_TITLES, ROLE_LABELS, type Portal } from "@/domain/auth/portals";
import { menuFor } from "@/domain/auth/permissions";
import { getDb } from "@/server/db";
import { MenuDrawer, ShellNav, UserMenu } from "./shell-nav";

async function tenantName(u: SessionUser): Promise<string> {
  const db = getDb();
  if (u.schoolId) return (await db.school.findUnique({ where: { id: u.schoolId }, select: { name: true } }))?.name ?? "";
  if (u.orgId) return (await db.evaluationOrg.findUnique({ where: { id: u.orgId }, select: { name: true } }))?.name ?? "";
  if (u.departmentId) return (await db.educationDepartment.findUnique({ where: { id: u.departmentId }, select: { name: true } }))?.name ?? "";
  // A student belongs to the school that registered them as a candidate.
  if (u.role === "STUDENT")
    return (await db.candidate.findFirst({ where: { userId: u.id }, select: { school: { select: { name: true } } } }))?.school.name ?? "";
  return "综合业务管理";
}

export async function PortalShell({ portal, user, children }: { portal: Portal; user: SessionUser; children: React.ReactNode }) {
  const menu = menuFor(user.permissions);
  const tenant = await tenantName(user);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-900 text-white">
        <div className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5">
          <div className="flex min-w-0 items-center gap-3">
            <MenuDrawer menu={menu} />
            <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded bg-white/15 font-bold">X</span>
            <div className="min-w-0">
              <div className="truncate text-sm font-semibold sm:text-base">{PORTAL_TITLES[portal]}</div>
              <div className="truncate text-xs text-white/70">{tenant}</div>
            </div>
          </div>
          <UserMenu name={user.name ?? user.account} role={ROLE_LABELS[user.role]} portal={portal} />
        </div>
        <ShellNav menu={menu} variant="top" />
      </header>
      <div className="flex flex-1">
        <ShellNav menu={menu} variant="side" />
        <main className="min-w-0 flex-1 p-3 sm:p-6">{children}</main>
      </div>
    </div>
  );
}
