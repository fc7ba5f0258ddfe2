// 我的准考证 (student): the student's own sittings once the org has published the schedule, with room, seat and
// 准考证号; the PDF is generated as a job (scheduling/documents.tsx).
import type { ReadCtx } from "@/server/use-case";
import type { StudentScope } from "@/server/tenancy";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { sittingsWhere } from "@/server/scheduling/scope";
import { examTime } from "@/server/scheduling/list";

export async function studentTickets({ ctx: { db, scope } }: { ctx: ReadCtx<StudentScope> }) {
  const rows = await db.registrationSubject.findMany({
    where: { AND: [sittingsWhere(scope), { roomId: { not: null } }] },
    orderBy: [{ planSubject: { startsAt: "desc" } }, { id: "asc" }],
    select: {
      id: true,
      seat: true,
      ticketNumber: true,
      room: { select: { name: true, address: true } },
      site: { select: { name: true, address: true } },
      planSubject: {
        select: {
          startsAt: true,
          endsAt: true,
          plan: { select: { name: true } },
          subject: { select: { name: true, code: true, certificateLevel: { select: { level: true, certificate: { select: { name: true } } } } } },
        },
      },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    plan: r.planSubject.plan.name,
    certificate: `${r.planSubject.subject.certificateLevel.certificate.name}（${LEVEL_LABELS[r.planSubject.subject.certificateLevel.level]}）`,
    subject: r.planSubject.subject.name,
    time: examTime(r.planSubject),
    site: r.site?.name ?? "",
    room: r.room!.name,
    address: r.room!.address ?? r.site?.address ?? "",
    seat: r.seat!,
    ticketNumber: r.ticketNumber!,
  }));
}
