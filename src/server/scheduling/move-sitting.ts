// 调整考场 (org, inside 排考): one candidate's sitting to another room and seat at its site — or, for one the run could
// not place, into a room with a free seat (a new 准考证号 after the prefix's highest). A ticket once given stays.
// The target room's row is locked, so two moves cannot take its last seat; the seat's unique key backs that up.
import { z } from "zod";
import { sqlOf, type Tx } from "@/server/db";
import { badRequest, notFound } from "@/server/errors";
import type { OrgScope } from "@/server/tenancy";
import { change, type ReadCtx, type UseCaseCtx } from "@/server/use-case";
import { firstFreeSeat, moveProblem, type MoveTarget } from "@/domain/scheduling/adjust";
import { schedulingWindowProblem } from "@/domain/scheduling/rules";
import { ticketNumber, ticketPrefix } from "@/domain/scheduling/scheduler";

export const moveSittingSchema = z.strictObject({
  sittingId: z.uuid("考生排考记录不存在"),
  roomId: z.uuid("考场不存在"),
  seat: z.number().int("座位号须为整数").min(1, "座位号须大于 0").max(9999).optional(),
});

async function findSitting(ctx: ReadCtx<OrgScope>, id: string) {
  const s = await ctx.db.registrationSubject.findFirst({
    where: { id, planSubject: { plan: { orgId: ctx.scope.orgId } } },
    include: {
      registration: { select: { name: true } },
      planSubject: {
        select: {
          startsAt: true,
          endsAt: true,
          plan: { select: { name: true, schedulingStartsAt: true, schedulingEndsAt: true } },
          subject: { select: { name: true, certificateLevel: { select: { certificate: { select: { code: true } } } } } },
        },
      },
    },
  });
  if (!s) throw notFound("考生排考记录不存在");
  return s;
}

/** A room as a move target for this sitting: its seats taken for the subject and the other subjects' times. */
async function targetOf(
  tx: Tx | ReadCtx["db"],
  room: { id: string; siteId: string; seats: number; subjects: { subjectId: string }[] },
  sittingId: string,
  subjectId: string,
) {
  const [taken, others] = await Promise.all([
    tx.registrationSubject.findMany({ where: { roomId: room.id, subjectId, id: { not: sittingId } }, select: { seat: true } }),
    tx.roomSchedule.findMany({
      where: { roomId: room.id, subjectId: { not: subjectId } },
      select: { planSubject: { select: { startsAt: true, endsAt: true } } },
    }),
  ]);
  return {
    siteId: room.siteId,
    seats: room.seats,
    subjectIds: room.subjects.map((s) => s.subjectId),
    taken: taken.map((t) => t.seat!),
    otherTimes: others.map((o) => o.planSubject),
  } satisfies MoveTarget;
}

/** 考场编排 of one room and subject, recounted after a change (gone when empty). */
export async function refreshRoomSchedule(tx: Tx, planId: string, subjectId: string, roomId: string, siteId: string) {
  const [agg] = await sqlOf(tx)<{ n: number; first: string | null; last: string | null }>`
    SELECT count(*)::int AS n, min("ticketNumber") AS first, max("ticketNumber") AS last FROM "RegistrationSubject" WHERE "roomId" = ${roomId}::uuid AND "subjectId" = ${subjectId}::uuid`;
  if (agg.n === 0) await tx.roomSchedule.deleteMany({ where: { roomId, subjectId } });
  else
    await tx.roomSchedule.upsert({
      where: { roomId_subjectId: { roomId, subjectId } },
      create: { planId, subjectId, roomId, siteId, candidates: agg.n, firstTicket: agg.first!, lastTicket: agg.last! },
      update: { candidates: agg.n, firstTicket: agg.first!, lastTicket: agg.last! },
    });
}

export async function moveSitting({ ctx, input }: { ctx: UseCaseCtx<OrgScope>; input: z.infer<typeof moveSittingSchema> }) {
  const now = ctx.clock.now();
  const s = await findSitting(ctx, input.sittingId);
  const window = schedulingWindowProblem(s.planSubject.plan, now);
  if (window) throw badRequest(window);
  return change(
    ctx,
    async (tx) => {
      await sqlOf(tx)`SELECT id FROM "ExamRoom" WHERE id = ${input.roomId}::uuid FOR UPDATE`;
      const room = await tx.examRoom.findFirst({
        where: { id: input.roomId, planId: s.planId },
        include: { subjects: { select: { subjectId: true } }, site: { select: { code: true } } },
      });
      if (!room) throw notFound("考场不存在");
      const target = await targetOf(tx, room, s.id, s.subjectId);
      const seat = input.seat ?? firstFreeSeat(target);
      const problem = moveProblem({ siteId: s.siteId, subjectId: s.subjectId, time: s.planSubject }, target, seat);
      if (problem || seat === null) throw badRequest(problem ?? "该考场座位已满");
      let ticket = s.ticketNumber;
      if (!ticket) {
        const year = new Date(s.planSubject.startsAt.getTime() + 8 * 3_600_000).getUTCFullYear();
        const prefix = ticketPrefix(year, s.planSubject.subject.certificateLevel.certificate.code, room.site.code);
        const [{ n }] = await sqlOf(tx)<{ n: number }>`
          SELECT coalesce(max(right("ticketNumber", 5)::int), 0)::int AS n FROM "RegistrationSubject" WHERE left("ticketNumber", 15) = ${prefix}`;
        ticket = ticketNumber(prefix, n + 1);
      }
      await tx.registrationSubject.update({
        where: { id: s.id },
        data: { roomId: room.id, seat, ticketNumber: ticket, scheduledAt: s.scheduledAt ?? now, unplacedReason: null },
      });
      if (s.roomId && s.roomId !== room.id) {
        const old = await tx.examRoom.findUniqueOrThrow({ where: { id: s.roomId }, select: { siteId: true } });
        await refreshRoomSchedule(tx, s.planId, s.subjectId, s.roomId, old.siteId);
      }
      await refreshRoomSchedule(tx, s.planId, s.subjectId, room.id, room.siteId);
      return { roomName: room.name, seat, ticketNumber: ticket };
    },
    (r) => ({
      action: "scheduling.move",
      targetType: "RegistrationSubject",
      targetId: s.id,
      summary: `调整考场 ${s.registration.name}（${s.planSubject.subject.name}）：${r.roomName} ${r.seat} 号座位`,
    }),
    { unique: "该座位已有考生，请重新选择" },
  );
}

/** The rooms a sitting may move to: its site's rooms of the subject in the plan, with the free seats. */
export async function moveTargets({ ctx, input }: { ctx: ReadCtx<OrgScope>; input: { id: string } }) {
  const s = await findSitting(ctx, input.id);
  if (!s.siteId) return { siteId: null, rooms: [] };
  const rooms = await ctx.db.examRoom.findMany({
    where: { planId: s.planId, siteId: s.siteId, subjects: { some: { subjectId: s.subjectId } } },
    include: { subjects: { select: { subjectId: true } } },
    orderBy: { name: "asc" },
  });
  const out = [];
  for (const r of rooms) {
    const t = await targetOf(ctx.db, r, s.id, s.subjectId);
    const first = firstFreeSeat(t);
    const problem = moveProblem({ siteId: s.siteId, subjectId: s.subjectId, time: s.planSubject }, t, first);
    out.push({ id: r.id, name: r.name, seats: r.seats, free: r.seats - t.taken.length, firstFree: first, current: r.id === s.roomId, problem });
  }
  return { siteId: s.siteId, rooms: out };
}
