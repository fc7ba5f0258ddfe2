// Server-side sessions: the next-auth JWT only carries the session id. Every request checks the row:
// idle timeout, absolute lifetime, revocation and the user's sessionVersion (bumped by disabling,
// password change and resets), so those end old sessions on their next request, on every instance.
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { SessionUser } from "@/server/session-user";
import { env } from "@/server/env";
import { portalOfRole } from "@/domain/auth/portals";
import { permissionsOf, regionPrefix } from "@/domain/auth/permissions";
import { promoteIfPilot } from "@/server/schools/promote";

const TOUCH_EVERY_MS = 60 * 1000;

export async function resolveSession(db: Db, clock: Clock, sid: string | null | undefined): Promise<SessionUser | null> {
  if (!sid || !/^[0-9a-f-]{36}$/i.test(sid)) return null;
  const now = clock.now();
  const s = await db.authSession.findUnique({
    where: { id: sid },
    include: {
      user: {
        include: {
          department: true,
          school: { select: { status: true, isPilot: true } },
          certificateScopes: { select: { certificateLevelId: true } },
          accessRole: { select: { permissions: true } },
        },
      },
    },
  });
  if (!s || s.revokedAt) return null;
  const idleMs = env().SESSION_IDLE_MINUTES * 60000;
  const u = s.user;
  const dead = s.expiresAt <= now || now.getTime() - s.lastSeenAt.getTime() > idleMs || u.status !== "ACTIVE" || u.sessionVersion !== s.sessionVersion;
  if (dead) {
    await db.authSession.update({ where: { id: s.id }, data: { revokedAt: now } });
    return null;
  }
  if (now.getTime() - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.authSession.update({ where: { id: s.id }, data: { lastSeenAt: now } });
  }
  // A school becomes a pilot once one of its applications is approved and that plan has ended.
  const schoolStatus = u.schoolId && u.school && !u.school.isPilot ? await promoteIfPilot(db, u.schoolId, now) : (u.school?.status ?? null);
  return {
    sid: s.id,
    id: u.id,
    account: u.account,
    name: u.name,
    role: u.role,
    portal: portalOfRole(u.role),
    schoolId: u.schoolId,
    orgId: u.orgId,
    departmentId: u.departmentId,
    departmentLevel: u.department?.level ?? null,
    schoolStatus,
    regionPrefix: u.department ? regionPrefix(u.department.level, u.department.regionCode) : null,
    certificateLevelIds: u.role === "SCHOOL_ADMIN" && u.certificateScopes.length > 0 ? u.certificateScopes.map((c) => c.certificateLevelId) : null,
    permissions: permissionsOf({ role: u.role, applying: schoolStatus === "APPLYING", granted: u.accessRole?.permissions }),
    mustChangePassword: u.mustChangePassword,
    needsBinding: !u.phone || !u.name,
  };
}

export async function revokeSession({ db, clock }: { db: Db; clock: Clock }, sid: string): Promise<void> {
  await db.authSession.updateMany({ where: { id: sid, revokedAt: null }, data: { revokedAt: clock.now() } });
}
