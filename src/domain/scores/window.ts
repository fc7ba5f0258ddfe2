// When scores may be entered, corrected and seen (002 §5.2.9): entered (imported or one by one) inside 成绩登记;
// from 成绩公示 on only corrected, one at a time and with a reason; seen by the student from the start of 公示; after
// 公示 final for ever (the plan's scores are locked and the database refuses any change).
import type { PlanWindows } from "@/domain/exams/plan";
import { beijingMinute } from "@/domain/text";

type Windows = Pick<PlanWindows, "scoringStartsAt" | "scoringEndsAt" | "publicityStartsAt" | "publicityEndsAt">;
type Lockable = Windows & { scoresLockedAt: Date | null };

export const LOCKED_MESSAGE = "成绩公示期已结束，成绩已永久锁定";

/**
 * The scoring phase at this moment. 成绩登记 and 公示 may overlap (003: both 5/22–5/30): while they do, new scores
 * may still be entered, but a score already entered (and so already shown) changes only by a correction.
 */
export type ScorePhase = "BEFORE" | "ENTRY" | "WAITING" | "PUBLICITY" | "LOCKED";
export function scorePhase(p: Lockable, now: Date): ScorePhase {
  if (p.scoresLockedAt || now >= p.publicityEndsAt) return "LOCKED";
  if (now >= p.publicityStartsAt) return "PUBLICITY";
  if (now >= p.scoringStartsAt && now < p.scoringEndsAt) return "ENTRY";
  return now < p.scoringStartsAt ? "BEFORE" : "WAITING";
}
export const SCORE_PHASE_LABELS: Record<ScorePhase, string> = {
  BEFORE: "未到成绩登记",
  ENTRY: "成绩登记中",
  WAITING: "待公示",
  PUBLICITY: "成绩公示中",
  LOCKED: "成绩已锁定",
};

const inScoring = (p: Windows, now: Date) => now >= p.scoringStartsAt && now < p.scoringEndsAt;
const inPublicity = (p: Windows, now: Date) => now >= p.publicityStartsAt && now < p.publicityEndsAt;

/** Why scores cannot be entered (import or single entry) now; null: they can. */
export function entryProblem(p: Lockable, now: Date): string | null {
  if (scorePhase(p, now) === "LOCKED") return LOCKED_MESSAGE;
  if (!inScoring(p, now)) return `不在成绩登记时间内（${beijingMinute(p.scoringStartsAt)} 至 ${beijingMinute(p.scoringEndsAt)}），不能录入成绩`;
  return null;
}

/** Entering over a score already entered: during 公示 that is a correction (a reason, one at a time). */
export const OVERWRITE_IN_PUBLICITY = "该成绩已公示，修改请使用「更正成绩」并填写原因";
export function overwriteProblem(p: Lockable, now: Date): string | null {
  return inPublicity(p, now) ? OVERWRITE_IN_PUBLICITY : null;
}

/** Why an entered score cannot be corrected now; null: it can (成绩公示, with a reason). */
export function correctionProblem(p: Lockable, now: Date): string | null {
  if (scorePhase(p, now) === "LOCKED") return LOCKED_MESSAGE;
  if (!inPublicity(p, now)) return "成绩更正在成绩公示期间进行；成绩登记期间可直接重新录入或导入";
  return null;
}

/** A student sees a plan's scores and results from the start of 成绩公示. */
export function visibleToStudent(p: Pick<PlanWindows, "publicityStartsAt">, now: Date): boolean {
  return now >= p.publicityStartsAt;
}

/** The plan's scores are due to be locked (its 公示 has ended) and are not yet. */
export function lockDue(p: Lockable, now: Date): boolean {
  return !p.scoresLockedAt && now >= p.publicityEndsAt;
}
