// One sitting of the org's plans as a score use case reads it: the plan's windows, the subject's 满分, the entered score.
import type { Db, Tx } from "@/server/db";
import { notFound } from "@/server/errors";
import type { OrgScope } from "@/server/tenancy";

export async function orgSitting(db: Db | Tx, scope: OrgScope, sittingId: string) {
  const s = await db.registrationSubject.findFirst({
    where: { id: sittingId, planSubject: { plan: { orgId: scope.orgId } } },
    select: {
      registrationId: true,
      subjectId: true,
      planId: true,
      roomId: true,
      ticketNumber: true,
      registration: { select: { name: true } },
      score: { select: { id: true, mark: true, score: true } },
      planSubject: {
        select: {
          subject: { select: { name: true, fullScore: true } },
          plan: {
            select: { id: true, name: true, scoringStartsAt: true, scoringEndsAt: true, publicityStartsAt: true, publicityEndsAt: true, scoresLockedAt: true },
          },
        },
      },
    },
  });
  if (!s) throw notFound("考生成绩记录不存在");
  return s;
}
