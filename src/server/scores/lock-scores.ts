// 成绩永久锁定: once a plan's 公示 has ended its scoresLockedAt is set (the scheduled clean-up does it); from then on
// the database refuses any change to its scores and results, whatever the application sends.
import type { Db } from "@/server/db";
import { writeAudit } from "@/server/audit/write";

export async function lockDueScores(db: Db, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const due = await tx.examPlan.findMany({ where: { scoresLockedAt: null, publicityEndsAt: { lte: now } }, select: { id: true, name: true } });
    if (due.length === 0) return 0;
    await tx.examPlan.updateMany({ where: { id: { in: due.map((p) => p.id) }, scoresLockedAt: null }, data: { scoresLockedAt: now } });
    for (const p of due)
      await writeAudit(tx, { action: "score.lock", targetType: "ExamPlan", targetId: p.id, summary: `成绩公示期结束，锁定「${p.name}」的成绩`, at: now });
    return due.length;
  });
}
