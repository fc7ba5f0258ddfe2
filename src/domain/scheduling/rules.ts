// When the org may schedule and publish (002 §5.2.8; 003: 报考、排考 4/26–5/19): inside the plan's 排考 window only.
import { beijingMinute } from "@/domain/text";

export function schedulingWindowProblem(plan: { schedulingStartsAt: Date; schedulingEndsAt: Date }, now: Date): string | null {
  if (now < plan.schedulingStartsAt) return `考试计划尚未开始排考（排考时间 ${beijingMinute(plan.schedulingStartsAt)} 起）`;
  if (now >= plan.schedulingEndsAt) return `考试计划的排考时间已结束（${beijingMinute(plan.schedulingEndsAt)}）`;
  return null;
}
