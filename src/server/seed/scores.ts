// Demo section for scores and results (issue 16): every sitting of the plans past 成绩登记 gets a score through the
// platform's own writer (mostly passes, some fails, a few 缺考 in one subject or all, one 违纪), entered a day into the window; the plan in
// 成绩公示 has two corrections with their reasons; the ended plan's scores are locked. The demo student passes both.
import { sqlOf, type Tx } from "@/server/db";
import { writeScores, type ScoreWrite } from "@/server/scores/write-scores";

const day = 86_400_000;
const DEMO_STUDENT = "110108200503011237";

export async function seedScores(tx: Tx, now: Date): Promise<void> {
  if (await tx.subjectScore.count()) return;
  const plans = await tx.examPlan.findMany({
    where: { scoringStartsAt: { lte: now }, registrations: { some: {} } },
    orderBy: { scoringStartsAt: "asc" },
    select: { id: true, scoringStartsAt: true, publicityStartsAt: true, publicityEndsAt: true, org: { select: { users: { take: 1, select: { id: true } } } } },
  });
  const sql = sqlOf(tx);
  for (const plan of plans) {
    const userId = plan.org.users[0]?.id;
    if (!userId) continue;
    const sittings = await tx.registrationSubject.findMany({
      where: { planId: plan.id, roomId: { not: null } },
      orderBy: [{ ticketNumber: "asc" }],
      select: {
        registrationId: true,
        subjectId: true,
        planSubject: { select: { subject: { select: { fullScore: true, passScore: true } } } },
        registration: { select: { candidate: { select: { user: { select: { account: true } } } } } },
      },
    });
    // About one candidate in eleven misses the whole exam (考证结果 缺考); a few more miss one subject.
    const ordinal = new Map<string, number>();
    const rows: ScoreWrite[] = sittings.map((s, i) => {
      const { fullScore, passScore } = s.planSubject.subject;
      const base = { registrationId: s.registrationId, subjectId: s.subjectId, planId: plan.id };
      const demo = s.registration.candidate.user?.account === DEMO_STUDENT;
      if (!ordinal.has(s.registrationId)) ordinal.set(s.registrationId, ordinal.size);
      if (!demo && (i % 17 === 5 || ordinal.get(s.registrationId)! % 11 === 7)) return { ...base, mark: "ABSENT", score: null };
      if (!demo && i === 11) return { ...base, mark: "DISQUALIFIED", score: null };
      // Spread over the scale: about one in five below the pass mark.
      const spread = ((i * 37) % 10) / 10;
      const score = !demo && i % 5 === 3 ? passScore * (0.55 + spread * 0.4) : passScore + (fullScore - passScore) * (0.1 + spread * 0.85);
      return { ...base, mark: "SCORED", score: Math.round(score * 10) / 10 };
    });
    const enteredAt = new Date(plan.scoringStartsAt.getTime() + day + 10 * 3_600_000);
    await writeScores(sql, rows, { now: enteredAt, userId, reason: "重新导入" });
    // Two corrections a day into 公示: a re-marked paper and a 缺考 that had sat the exam.
    if (plan.publicityStartsAt <= now) {
      const fixedAt = new Date(plan.publicityStartsAt.getTime() + day + 15 * 3_600_000);
      const failed = rows.find((r) => r.mark === "SCORED" && r.score !== null && r.score < 60);
      const absent = rows.find((r) => r.mark === "ABSENT");
      if (failed) await writeScores(sql, [{ ...failed, score: failed.score! + 5 }], { now: fixedAt, userId, reason: "考生申请复核，复核后加计漏判题目 5 分" });
      if (absent)
        await writeScores(sql, [{ ...absent, mark: "SCORED", score: 72 }], { now: fixedAt, userId, reason: "考场签到表漏签，经监考员核实考生实际参加考试" });
    }
    if (plan.publicityEndsAt <= now) await tx.examPlan.update({ where: { id: plan.id }, data: { scoresLockedAt: plan.publicityEndsAt } });
  }
}
