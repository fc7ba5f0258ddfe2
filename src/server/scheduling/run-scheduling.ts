// 自动排考 (org), the worker's half of a SchedulingRun: reads the sittings (each at its school's own site for the level,
// or the site allocated to it), the rooms, and the org's certified invigilators with their duties in other plans;
// runs the pure scheduler; writes seats, tickets, 考场编排 and duties in one transaction, with the run's counts and
// reasons. A published subject keeps its seats and tickets; the rest is placed again.
import { sqlOf, type Db, type Tx } from "@/server/db";
import { badRequest, notFound } from "@/server/errors";
import type { Clock } from "@/server/clock";
import type { Actor } from "@/server/tenancy";
import { writeAudit } from "@/server/audit/write";
import { schedule, type InvigilatorIn, type RoomIn, type SittingIn, type SlotSubject } from "@/domain/scheduling/scheduler";
import { schedulingWindowProblem } from "@/domain/scheduling/rules";
import { log } from "@/server/log";

export type SchedulingJob = { runId: string; actor: Actor; ip: string | null };

export async function loadPlanSubjects(db: Db | Tx, orgId: string, planId: string, subjectIds: string[] | undefined) {
  const plan = await db.examPlan.findFirst({
    where: { id: planId, orgId },
    select: {
      id: true,
      name: true,
      schedulingStartsAt: true,
      schedulingEndsAt: true,
      subjects: {
        where: subjectIds ? { subjectId: { in: subjectIds } } : {},
        select: {
          subjectId: true,
          startsAt: true,
          endsAt: true,
          publishedAt: true,
          subject: { select: { name: true, certificateLevelId: true, certificateLevel: { select: { certificate: { select: { id: true, code: true } } } } } },
        },
      },
    },
  });
  if (!plan) throw notFound("考试计划不存在");
  if (subjectIds && plan.subjects.length !== new Set(subjectIds).size) throw badRequest("考试科目不在该考试计划中");
  return plan;
}

/** Reads and places; the job (or the demo seed) writes. */
export async function readAndPlace(db: Db | Tx, orgId: string, planId: string, subjectIds: string[] | undefined, now: Date) {
  const plan = await loadPlanSubjects(db, orgId, planId, subjectIds);
  const window = schedulingWindowProblem(plan, now);
  if (window) throw badRequest(window);
  if (plan.subjects.length === 0) throw badRequest("考试计划没有考试科目");
  const ids = plan.subjects.map((s) => s.subjectId);
  const published = new Set(plan.subjects.filter((s) => s.publishedAt).map((s) => s.subjectId));
  const sql = sqlOf(db);
  const [sittings, rooms, people] = await Promise.all([
    sql<SittingIn & { roomId: string | null; seat: number | null; ticketNumber: string | null }>`
      SELECT rs."registrationId", rs."subjectId", r."schoolId", ca.number AS "candidateNumber", rs."roomId", rs.seat, rs."ticketNumber",
             COALESCE(
               (SELECT a.id FROM "AssessmentSiteLevel" l JOIN "AssessmentSite" a ON a.id = l."siteId"
                 WHERE l."schoolId" = r."schoolId" AND l."certificateLevelId" = r."certificateLevelId" AND a."reviewStatus" = 'APPROVED' AND a.status = 'ENABLED'),
               (SELECT sa."siteId" FROM "SiteAllocation" sa JOIN "AssessmentSite" a ON a.id = sa."siteId"
                 WHERE sa."planId" = r."planId" AND sa."schoolId" = r."schoolId" AND sa."certificateLevelId" = r."certificateLevelId" AND a.status = 'ENABLED'
                 ORDER BY a.code LIMIT 1)
             ) AS "siteId"
        FROM "RegistrationSubject" rs JOIN "Registration" r ON r.id = rs."registrationId" JOIN "Candidate" ca ON ca.id = r."candidateId"
       WHERE rs."planId" = ${plan.id}::uuid AND rs."subjectId" = ANY(${ids}::uuid[])`,
    sql<RoomIn>`
      SELECT e.id, e."siteId", a.code AS "siteCode", e."schoolId", e.name, e.seats, array_agg(s."subjectId") AS "subjectIds"
        FROM "ExamRoom" e JOIN "AssessmentSite" a ON a.id = e."siteId" JOIN "ExamRoomSubject" s ON s."roomId" = e.id
       WHERE e."planId" = ${plan.id}::uuid GROUP BY e.id, a.code`,
    sql<InvigilatorIn & { busy: { startsAt: string; endsAt: string }[] | null }>`
      SELECT i.id, i."schoolId", array_agg(DISTINCT ic."certificateId") AS "certificateIds",
             (SELECT json_agg(json_build_object('startsAt', ps."startsAt", 'endsAt', ps."endsAt"))
                FROM "ExamDuty" d JOIN "ExamPlanSubject" ps ON ps."planId" = d."planId" AND ps."subjectId" = d."subjectId"
               WHERE d."invigilatorId" = i.id AND d."planId" <> ${plan.id}::uuid) AS busy
        FROM "Invigilator" i JOIN "InvigilatorCertificate" ic ON ic."invigilatorId" = i.id
       WHERE ic."orgId" = ${orgId}::uuid AND ic.status = 'CERTIFIED' GROUP BY i.id`,
  ]);
  // Tickets of earlier plans with the same prefix: the sequence goes on after them.
  const floors = await sql<{ prefix: string; n: number }>`
    SELECT left("ticketNumber", 15) AS prefix, max(right("ticketNumber", 5)::int) AS n FROM "RegistrationSubject"
     WHERE "ticketNumber" IS NOT NULL AND "planId" <> ${plan.id}::uuid GROUP BY 1`;
  const subjects: SlotSubject[] = plan.subjects.map((s) => ({
    id: s.subjectId,
    name: s.subject.name,
    certificateId: s.subject.certificateLevel.certificate.id,
    certificateCode: s.subject.certificateLevel.certificate.code,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
  }));
  const result = schedule({
    subjects,
    sittings: sittings.map(({ roomId, seat, ticketNumber, ...s }) => ({
      ...s,
      kept: published.has(s.subjectId) && roomId && seat && ticketNumber ? { roomId, seat, ticket: ticketNumber } : undefined,
    })),
    rooms,
    invigilators: people.map((p) => ({ ...p, busy: (p.busy ?? []).map((b) => ({ startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt) })) })),
    ticketFloor: Object.fromEntries(floors.map((f) => [f.prefix, f.n])),
  });
  return { plan, ids, sittings, rooms, result };
}

/** Runs a queued SchedulingRun: stage by stage on its record, the writes and the audit row in one transaction. */
export async function runSchedulingJob(deps: { db: Db; clock: Clock }, job: SchedulingJob): Promise<void> {
  const { db, clock } = deps;
  const run = await db.schedulingRun.findUnique({ where: { id: job.runId } });
  if (!run || run.status !== "RUNNING") return;
  const stage = (stage: string, data: object = {}) => db.schedulingRun.update({ where: { id: run.id }, data: { stage, heartbeatAt: clock.now(), ...data } });
  try {
    await stage("读取数据");
    const now = clock.now();
    const placed = await readAndPlace(db, run.orgId, run.planId, run.subjectIds.length ? run.subjectIds : undefined, now);
    const { plan, ids, result } = placed;
    await stage("写入结果", { total: placed.sittings.length });
    const reasons = new Map<string, number>();
    for (const u of result.unplaced) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
    await db.$transaction(
      async (tx) => {
        await writeSchedule(tx, placed, now);
        await tx.schedulingRun.update({
          where: { id: run.id },
          data: {
            status: "DONE",
            stage: null,
            placed: result.seats.length,
            unplaced: result.unplaced.length,
            reasons: [...reasons].map(([reason, count]) => ({ reason, count })),
            problems: result.problems.slice(0, 200),
            finishedAt: clock.now(),
            heartbeatAt: clock.now(),
          },
        });
        await writeAudit(tx, {
          actor: job.actor,
          ip: job.ip,
          action: "scheduling.run",
          targetType: "ExamPlan",
          targetId: plan.id,
          summary: `自动排考 ${plan.name}：${ids.length} 个科目，排入 ${result.seats.length} 人次，未排入 ${result.unplaced.length} 人次`,
        });
      },
      { timeout: 10 * 60_000 },
    );
  } catch (e) {
    const known = (e as { code?: string }).code === "BAD_REQUEST" || (e as { code?: string }).code === "NOT_FOUND";
    if (!known) log.error({ err: e }, "scheduling failed");
    await db.schedulingRun.updateMany({
      where: { id: run.id, status: "RUNNING" },
      data: { status: "FAILED", stage: null, message: known ? (e as Error).message : "排考异常中止，未写入任何结果，请稍后重新排考", finishedAt: clock.now() },
    });
  }
}

/** Writes a run's result over the subjects' previous one: seats, tickets, sites, reasons, 考场编排 and duties. */
export async function writeSchedule(tx: Tx, { plan, ids, sittings, rooms, result }: Awaited<ReturnType<typeof readAndPlace>>, now: Date) {
  const siteOfRoom = new Map(rooms.map((r) => [r.id, r.siteId]));
  const t = sqlOf(tx);
  // Everything of these subjects is placed again (kept seats come back as they were), so no seat clashes midway.
  await t`UPDATE "RegistrationSubject" SET "roomId" = NULL, seat = NULL, "ticketNumber" = NULL, "scheduledAt" = NULL, "unplacedReason" = NULL, "siteId" = NULL
             WHERE "planId" = ${plan.id}::uuid AND "subjectId" = ANY(${ids}::uuid[])`;
  const located = sittings.filter((x) => x.siteId);
  if (located.length)
    await t`UPDATE "RegistrationSubject" rs SET "siteId" = x.site
                FROM unnest(${located.map((x) => x.registrationId)}::uuid[], ${located.map((x) => x.subjectId)}::uuid[], ${located.map((x) => x.siteId)}::uuid[])
                     AS x(reg, subject, site)
               WHERE rs."registrationId" = x.reg AND rs."subjectId" = x.subject`;
  const s = result.seats;
  if (s.length)
    await t`UPDATE "RegistrationSubject" rs SET "roomId" = x.room, seat = x.seat, "ticketNumber" = x.ticket, "scheduledAt" = ${now}::timestamptz
                FROM unnest(${s.map((x) => x.registrationId)}::uuid[], ${s.map((x) => x.subjectId)}::uuid[], ${s.map((x) => x.roomId)}::uuid[],
                            ${s.map((x) => x.seat)}::int[], ${s.map((x) => x.ticket)}::text[]) AS x(reg, subject, room, seat, ticket)
               WHERE rs."registrationId" = x.reg AND rs."subjectId" = x.subject`;
  const u = result.unplaced;
  if (u.length)
    await t`UPDATE "RegistrationSubject" rs SET "unplacedReason" = x.reason
                FROM unnest(${u.map((x) => x.registrationId)}::uuid[], ${u.map((x) => x.subjectId)}::uuid[], ${u.map((x) => x.reason)}::text[]) AS x(reg, subject, reason)
               WHERE rs."registrationId" = x.reg AND rs."subjectId" = x.subject`;
  await tx.roomSchedule.deleteMany({ where: { planId: plan.id, subjectId: { in: ids } } });
  await tx.roomSchedule.createMany({ data: roomSchedules(plan.id, s, siteOfRoom) });
  await tx.examDuty.deleteMany({ where: { planId: plan.id, subjectId: { in: ids } } });
  await tx.examDuty.createMany({
    data: [
      ...result.staff.flatMap((d) =>
        d.invigilatorIds.map((invigilatorId) => ({
          planId: plan.id,
          subjectId: d.subjectId,
          invigilatorId,
          role: "INVIGILATOR" as const,
          roomId: d.roomId,
          siteId: siteOfRoom.get(d.roomId)!,
        })),
      ),
      ...result.patrols.flatMap((d) =>
        d.invigilatorIds.map((invigilatorId) => ({
          planId: plan.id,
          subjectId: d.subjectId,
          invigilatorId,
          role: "PATROL" as const,
          roomId: null,
          siteId: d.siteId,
        })),
      ),
    ],
  });
  await tx.examPlanSubject.updateMany({ where: { planId: plan.id, subjectId: { in: ids } }, data: { scheduledAt: now } });
}

/** 考场编排 rows: each room's sitting of a subject with its count and ticket range. */
function roomSchedules(planId: string, seats: { roomId: string; subjectId: string; ticket: string }[], siteOfRoom: Map<string, string>) {
  const by = new Map<string, { roomId: string; subjectId: string; tickets: string[] }>();
  for (const x of seats) {
    const k = `${x.roomId}|${x.subjectId}`;
    const g = by.get(k) ?? by.set(k, { roomId: x.roomId, subjectId: x.subjectId, tickets: [] }).get(k)!;
    g.tickets.push(x.ticket);
  }
  return [...by.values()].map((g) => {
    g.tickets.sort();
    return {
      planId,
      subjectId: g.subjectId,
      roomId: g.roomId,
      siteId: siteOfRoom.get(g.roomId)!,
      candidates: g.tickets.length,
      firstTicket: g.tickets[0],
      lastTicket: g.tickets[g.tickets.length - 1],
    };
  });
}
