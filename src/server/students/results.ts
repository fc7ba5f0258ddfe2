// The student's own 报考, 成绩 and 考证结果 (学生个人空间: 查看报考信息、查询成绩): registrations of the candidate record
// bound to the account; scores and results only from the start of the plan's 成绩公示 (scores/scope.ts).
import type { ReadCtx } from "@/server/use-case";
import type { StudentScope } from "@/server/tenancy";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { REGISTRATION_STATUS_LABELS, registrationStatus } from "@/domain/registrations/rules";
import { SCORE_PHASE_LABELS, scorePhase, visibleToStudent } from "@/domain/scores/window";
import { examTime } from "@/server/scheduling/list";
import { outcomeText, scoreText } from "@/server/scores/list";
import { resultsWhere } from "@/server/scores/scope";

const level = { level: true, certificate: { select: { name: true } } } as const;

/** 我的报考: every registration, with its subjects' times once published, status and 已缴费. */
export async function studentRegistrations({ ctx: { db, scope, clock } }: { ctx: ReadCtx<StudentScope> }) {
  const now = clock.now();
  const rows = await db.registration.findMany({
    where: { candidate: { userId: scope.userId } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      paidAt: true,
      createdAt: true,
      school: { select: { name: true } },
      plan: { select: { code: true, name: true, publicityStartsAt: true, org: { select: { name: true } } } },
      certificateLevel: { select: level },
      subjects: {
        select: {
          scheduledAt: true,
          planSubject: { select: { startsAt: true, endsAt: true, publishedAt: true, subject: { select: { code: true, name: true } } } },
        },
      },
    },
  });
  return rows.map((r) => {
    const subjects = [...r.subjects].sort((a, b) => a.planSubject.startsAt.getTime() - b.planSubject.startsAt.getTime());
    const status = registrationStatus(
      subjects.map((s) => ({ scheduled: !!s.scheduledAt && !!s.planSubject.publishedAt, startsAt: s.planSubject.startsAt, endsAt: s.planSubject.endsAt })),
      now,
    );
    return {
      id: r.id,
      plan: `${r.plan.name}（${r.plan.code}）`,
      org: r.plan.org.name,
      school: r.school.name,
      certificate: `${r.certificateLevel.certificate.name}（${LEVEL_LABELS[r.certificateLevel.level]}）`,
      subjects: subjects.map((s) => ({ code: s.planSubject.subject.code, name: s.planSubject.subject.name, time: examTime(s.planSubject) })),
      status: REGISTRATION_STATUS_LABELS[status],
      paid: !!r.paidAt,
      scoresOpen: visibleToStudent(r.plan, now),
    };
  });
}

/** 我的成绩 and 我的考证结果: registrations whose 公示 has begun, with each subject's score and the outcome. */
export async function studentResults({ ctx: { db, scope, clock } }: { ctx: ReadCtx<StudentScope> }) {
  const now = clock.now();
  const rows = await db.registration.findMany({
    where: resultsWhere(scope, now),
    orderBy: [{ plan: { publicityStartsAt: "desc" } }, { id: "asc" }],
    select: {
      id: true,
      plan: {
        select: { code: true, name: true, scoringStartsAt: true, scoringEndsAt: true, publicityStartsAt: true, publicityEndsAt: true, scoresLockedAt: true },
      },
      certificateLevel: { select: level },
      result: { select: { outcome: true } },
      subjects: {
        select: {
          planSubject: { select: { subject: { select: { code: true, name: true, fullScore: true, passScore: true } } } },
          score: { select: { mark: true, score: true } },
        },
      },
    },
  });
  return rows.map((r) => {
    const phase = scorePhase(r.plan, now);
    return {
      id: r.id,
      plan: `${r.plan.name}（${r.plan.code}）`,
      certificate: `${r.certificateLevel.certificate.name}（${LEVEL_LABELS[r.certificateLevel.level]}）`,
      phase: SCORE_PHASE_LABELS[phase],
      publicityEndsAt: r.plan.publicityEndsAt,
      outcome: outcomeText(r.result?.outcome ?? null),
      passed: r.result?.outcome === "PASSED",
      subjects: [...r.subjects]
        .sort((a, b) => a.planSubject.subject.code.localeCompare(b.planSubject.subject.code))
        .map((s) => ({ ...s.planSubject.subject, score: scoreText(s.score) })),
    };
  });
}
