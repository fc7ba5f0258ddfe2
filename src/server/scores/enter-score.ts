// 录入成绩 (the org, one sitting, inside 成绩登记): a score or 缺考/违纪. Over an entered score it keeps the old value;
// once 公示 has begun an entered score changes only through 更正成绩 (with a reason).
import { z } from "zod";
import { sqlOf } from "@/server/db";
import { badRequest } from "@/server/errors";
import type { OrgScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { entryOf, MARK_LABELS } from "@/domain/scores/outcome";
import { entryProblem, overwriteProblem } from "@/domain/scores/window";
import { writeScores } from "./write-scores";
import { orgSitting } from "./sitting";

export const scoreEntrySchema = z.strictObject({
  sittingId: z.uuid("考生成绩记录不存在"),
  mark: z.enum(["SCORED", "ABSENT", "DISQUALIFIED"], "请选择考试状态"),
  /** As typed (a number with at most one decimal); empty for 缺考 and 违纪. */
  score: z.string().trim().max(8, "成绩格式不正确").default(""),
});
export const scoreCorrectionSchema = scoreEntrySchema.extend({
  reason: z.string().trim().min(2, "请填写更正原因（至少 2 个字）").max(200, "更正原因不能超过 200 字"),
});
export type ScoreEntryInput = z.infer<typeof scoreEntrySchema>;

const shown = (mark: keyof typeof MARK_LABELS, score: number | null) => (mark === "SCORED" ? String(score) : MARK_LABELS[mark]);

/** The one write of both use cases: checked against the window rule given, written with its audit row. */
export async function saveScore(
  ctx: UseCaseCtx<OrgScope>,
  input: ScoreEntryInput & { reason?: string },
  rule: "entry" | "correction",
  windowProblem: (plan: Awaited<ReturnType<typeof orgSitting>>["planSubject"]["plan"], now: Date) => string | null,
) {
  const now = ctx.clock.now();
  const s = await orgSitting(ctx.db, ctx.scope, input.sittingId);
  const { plan, subject } = s.planSubject;
  const problem = windowProblem(plan, now);
  if (problem) throw badRequest(problem);
  if (!s.roomId) throw badRequest("该考生该科目未排考，不能登记成绩");
  const e = entryOf(input.mark, input.score, subject.fullScore);
  if (!e.ok) throw badRequest(e.error);
  const before = s.score ? shown(s.score.mark, s.score.score === null ? null : Number(s.score.score)) : null;
  const after = shown(e.mark, e.score);
  if (rule === "entry" && s.score && before !== after) {
    const p = overwriteProblem(plan, now);
    if (p) throw badRequest(p);
  }
  if (rule === "correction" && !s.score) throw badRequest("该科目尚未登记成绩，不能更正");
  if (before === after) throw badRequest("成绩与原成绩相同，无需修改");
  const reason = input.reason ?? "重新录入";
  await change(
    ctx,
    (tx) =>
      writeScores(sqlOf(tx), [{ registrationId: s.registrationId, subjectId: s.subjectId, planId: s.planId, mark: e.mark, score: e.score }], {
        now,
        userId: ctx.actor.id,
        reason,
      }),
    {
      action: rule === "entry" ? "score.enter" : "score.correct",
      targetType: "RegistrationSubject",
      targetId: input.sittingId,
      summary: `${s.registration.name}「${subject.name}」（${plan.name}）：${before ?? "未登记"} → ${after}${rule === "correction" ? `，原因：${reason}` : ""}`,
    },
  );
  return { before, after };
}

export function enterScore({ ctx, input }: { ctx: UseCaseCtx<OrgScope>; input: ScoreEntryInput }) {
  return saveScore(ctx, input, "entry", entryProblem);
}
