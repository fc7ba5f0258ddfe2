// Scoped reads for the score pages: the org's plans in (or past) 成绩登记 with their phase, one registration's 考证详情
// (subjects, scores, pass marks, the rule, the outcome and each correction), one sitting's correction history.
import type { Prisma } from "@/generated/prisma/client";
import { notFound } from "@/server/errors";
import type { OrgScope, Scope } from "@/server/tenancy";
import type { ReadCtx } from "@/server/use-case";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { maskIdNumber } from "@/domain/auth/mask";
import { passRuleSchema, passRuleText } from "@/domain/exams/pass-rule";
import { MARK_LABELS } from "@/domain/scores/outcome";
import { SCORE_PHASE_LABELS, scorePhase } from "@/domain/scores/window";
import { outcomeText, scoreText } from "./list";
import { resultsWhere } from "./scope";

const windows = { scoringStartsAt: true, scoringEndsAt: true, publicityStartsAt: true, publicityEndsAt: true, scoresLockedAt: true } as const;
const decimalText = (d: Prisma.Decimal | null, mark: keyof typeof MARK_LABELS) => (mark === "SCORED" ? String(Number(d)) : MARK_LABELS[mark]);

/** The org's plans whose 成绩登记 has begun (newest first), with the phase: the import dialog's and the filter's choice. */
export async function scorePlans({ ctx }: { ctx: ReadCtx<OrgScope> }) {
  const now = ctx.clock.now();
  const plans = await ctx.db.examPlan.findMany({
    where: { orgId: ctx.scope.orgId, scoringStartsAt: { lte: now } },
    orderBy: [{ scoringStartsAt: "desc" }, { id: "asc" }],
    take: 100,
    select: { id: true, code: true, name: true, ...windows },
  });
  return plans.map((p) => {
    const phase = scorePhase(p, now);
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      phase,
      phaseLabel: SCORE_PHASE_LABELS[phase],
      scoringEndsAt: p.scoringEndsAt,
      publicityEndsAt: p.publicityEndsAt,
    };
  });
}

/** 查看考证详情: the registration's subjects with scores, pass marks and corrections, the rule and the outcome. */
export async function resultDetail({ ctx, input }: { ctx: ReadCtx<Scope>; input: { id: string } }) {
  const now = ctx.clock.now();
  const r = await ctx.db.registration.findFirst({
    where: { AND: [{ id: input.id }, resultsWhere(ctx.scope, now)] },
    select: {
      id: true,
      name: true,
      idNumber: true,
      certificateLevelId: true,
      candidate: { select: { number: true } },
      school: { select: { name: true } },
      certificateLevel: { select: { code: true, level: true, certificate: { select: { name: true } } } },
      plan: { select: { id: true, code: true, name: true, passRule: true, ...windows, org: { select: { name: true } } } },
      result: { select: { outcome: true, total: true, computedAt: true } },
      subjects: {
        select: {
          id: true,
          subjectId: true,
          ticketNumber: true,
          score: {
            select: {
              mark: true,
              score: true,
              updatedAt: true,
              corrections: {
                orderBy: { createdAt: "asc" },
                select: { oldMark: true, oldScore: true, newMark: true, newScore: true, reason: true, createdAt: true },
              },
            },
          },
        },
      },
    },
  });
  if (!r) throw notFound("考证结果不存在");
  const levelSubjects = await ctx.db.examPlanSubject.findMany({
    where: { planId: r.plan.id, subject: { certificateLevelId: r.certificateLevelId } },
    orderBy: { subject: { code: "asc" } },
    select: { startsAt: true, subject: { select: { id: true, code: true, name: true, fullScore: true, passScore: true } } },
  });
  const rule = passRuleSchema.safeParse(r.plan.passRule);
  const phase = scorePhase(r.plan, now);
  // The student sees no correction history, only the final values (the reasons are the org's working notes).
  const history = ctx.scope.kind !== "student";
  return {
    id: r.id,
    name: r.name,
    idNumberMasked: maskIdNumber(r.idNumber),
    candidateNumber: r.candidate.number,
    school: r.school.name,
    org: r.plan.org.name,
    plan: { code: r.plan.code, name: r.plan.name },
    certificate: `${r.certificateLevel.certificate.name}（${LEVEL_LABELS[r.certificateLevel.level]}）`,
    certificateCode: r.certificateLevel.code,
    phase,
    phaseLabel: SCORE_PHASE_LABELS[phase],
    rule: rule.success
      ? passRuleText(
          rule.data,
          levelSubjects.map((s) => s.subject),
        )
      : "",
    outcome: outcomeText(r.result?.outcome ?? null),
    passed: r.result?.outcome === "PASSED",
    total: r.result?.total == null ? null : String(Number(r.result.total)),
    subjects: levelSubjects.map(({ subject: s }) => {
      const sat = r.subjects.find((x) => x.subjectId === s.id);
      return {
        id: s.id,
        sittingId: sat?.id ?? null,
        code: s.code,
        name: s.name,
        fullScore: s.fullScore,
        passScore: s.passScore,
        ticketNumber: sat?.ticketNumber ?? null,
        registered: !!sat,
        score: scoreText(sat?.score ?? null),
        mark: sat?.score?.mark ?? null,
        corrections: history
          ? (sat?.score?.corrections ?? []).map((c) => ({
              from: decimalText(c.oldScore, c.oldMark),
              to: decimalText(c.newScore, c.newMark),
              reason: c.reason,
              at: c.createdAt,
            }))
          : [],
      };
    }),
  };
}
