// 成绩查询 (public): name + ID number (+ the plan's code) → the subjects' scores and the result of every plan whose
// 成绩公示 has begun. Found or not, the answer has one shape and costs the same query.
import { maskIdNumber } from "@/domain/auth/mask";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { MARK_LABELS, OUTCOME_LABELS } from "@/domain/scores/outcome";
import { normalizeIdNumber, normalizeName, type ScoreLookupInput } from "@/domain/lookup/rules";
import { guardLookup, type LookupCtx } from "./guard";

export async function lookupScores({ ctx, input }: { ctx: LookupCtx; input: ScoreLookupInput }) {
  const idNumber = normalizeIdNumber(input.idNumber);
  const name = normalizeName(input.name);
  await guardLookup(ctx, input, [{ kind: "id", value: idNumber }]);
  const now = ctx.clock.now();
  const regs = await ctx.readDb.registration.findMany({
    where: { idNumber, name, plan: { publicityStartsAt: { lte: now }, ...(input.planCode ? { code: input.planCode } : {}) } },
    orderBy: [{ plan: { publicityStartsAt: "desc" } }, { id: "asc" }],
    take: 20,
    select: {
      name: true,
      idNumber: true,
      plan: { select: { code: true, name: true, publicityStartsAt: true, publicityEndsAt: true, org: { select: { name: true } } } },
      certificateLevel: { select: { level: true, certificate: { select: { name: true } } } },
      result: { select: { outcome: true, total: true } },
      subjects: {
        orderBy: { subjectId: "asc" },
        select: {
          planSubject: { select: { subject: { select: { code: true, name: true, fullScore: true, passScore: true } } } },
          score: { select: { mark: true, score: true } },
        },
      },
    },
  });
  return {
    found: regs.length > 0,
    name: regs[0]?.name ?? "",
    idNumber: regs[0] ? maskIdNumber(regs[0].idNumber) : "",
    results: regs.map((r) => ({
      planCode: r.plan.code,
      plan: r.plan.name,
      org: r.plan.org.name,
      certificate: `${r.certificateLevel.certificate.name}（${LEVEL_LABELS[r.certificateLevel.level]}）`,
      inPublicity: now < r.plan.publicityEndsAt,
      outcome: r.result ? OUTCOME_LABELS[r.result.outcome] : OUTCOME_LABELS.PENDING,
      total: r.result?.total == null ? null : Number(r.result.total),
      subjects: r.subjects
        .map((s) => ({
          code: s.planSubject.subject.code,
          name: s.planSubject.subject.name,
          fullScore: Number(s.planSubject.subject.fullScore),
          passScore: Number(s.planSubject.subject.passScore),
          mark: s.score ? MARK_LABELS[s.score.mark] : "未录入",
          score: s.score?.mark === "SCORED" && s.score.score != null ? Number(s.score.score) : null,
        }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    })),
  };
}
