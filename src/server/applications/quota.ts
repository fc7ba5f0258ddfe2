// The quota a school holds for a certificate level in a year: the approved application's numbers, nothing
// from earlier years. Registrations call this and then quotaProblem() from the domain with their counts.
import type { Db, Tx } from "@/server/db";
import type { Quota } from "@/domain/pilots/quota";

export async function quotaOf(db: Db | Tx, schoolId: string, certificateLevelId: string, year: number): Promise<Quota> {
  const a = await db.pilotApplication.findFirst({
    where: { schoolId, certificateLevelId, year, status: "APPROVED" },
    select: { approvedTotal: true, lines: { select: { majorId: true, approved: true } } },
  });
  return { year, approvedTotal: a?.approvedTotal ?? null, majors: (a?.lines ?? []).map((l) => ({ majorId: l.majorId, approved: l.approved ?? 0 })) };
}
