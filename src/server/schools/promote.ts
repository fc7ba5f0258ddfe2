// 001 §2.1.4: a school that applied becomes a pilot school when at least one of its applications is
// approved and the plan has ended; from then its account opens the whole school portal. Checked lazily
// (on the school's next request and by the seed), so no scheduler is needed and every instance agrees.
import type { Db } from "@/server/db";

export async function promoteIfPilot(db: Db, schoolId: string, now: Date): Promise<"REGISTERED" | "APPLYING" | "DISABLED"> {
  const school = await db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { status: true, isPilot: true } });
  if (school.isPilot || school.status === "DISABLED") return school.status;
  const approved = await db.pilotApplication.count({ where: { schoolId, status: "APPROVED", plan: { endsAt: { lt: now } } } });
  if (!approved) return school.status;
  await db.school.updateMany({
    where: { id: schoolId, isPilot: false },
    data: { isPilot: true, status: school.status === "APPLYING" ? "REGISTERED" : school.status },
  });
  return school.status === "APPLYING" ? "REGISTERED" : school.status;
}
