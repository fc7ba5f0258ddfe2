// 更正成绩 (the org, during 成绩公示; 002 §5.2.9: 若对成绩有疑问……培训评价组织可以针对修改对应的成绩): one entered
// score, with a reason; the old value is kept and the result recomputed. After 公示 the database refuses it.
import type { z } from "zod";
import type { OrgScope } from "@/server/tenancy";
import type { UseCaseCtx } from "@/server/use-case";
import { correctionProblem } from "@/domain/scores/window";
import { saveScore, type scoreCorrectionSchema } from "./enter-score";

export function correctScore({ ctx, input }: { ctx: UseCaseCtx<OrgScope>; input: z.infer<typeof scoreCorrectionSchema> }) {
  return saveScore(ctx, input, "correction", correctionProblem);
}
