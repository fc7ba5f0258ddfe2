// 自动排考 (org): inside the plan's 排考 window, for some subjects or all: reads the sittings (each at its school's
// own site for the level, or the site allocated to it), the rooms, and the org's certified invigilators with their
// duties in other plans; runs the pure scheduler; writes seats, tickets and duties in one transaction. A published
// subject keeps its seats and tickets; the rest is placed again. 发布 makes a subject's schedule visible.
import { z } from "zod";
import { sqlOf, type Db } from "@/server/db";
import { badRequest, notFound } from "@/server/errors";
import type { OrgScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { schedule, type InvigilatorIn, type RoomIn, type SittingIn, type SlotSubject } from "@/domain/scheduling/scheduler";
import { schedulingWindowProblem } from "@/domain/scheduling/rules";

export const runSchedulingSchema = z.strictObject({
  planId: z.uuid("考试计划不存在"),
  /** None: every subject of the plan. */
  subjectIds: z.array(z.uuid()).max(200).optional(),
});

async function load(db: Db, orgId: string, planId: string, subjectIds: string[] | undefined) {
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

export async function runScheduling({ ctx, input }: { ctx: UseCaseCtx<OrgScope>; input: z.infer<typeof runSchedulingSchema> }) {
  const { db, scope, clock } = ctx;
  const now = clock.now();
  const plan = await load(db, scope.orgId, input.planId, input.subjectIds);
  const window = schedulingWindowProblem(plan, now);
  if (window) throw badRequest(window);
  if (plan.subjects.length === 0) throw badRequest("考试计划没有考试科目");
  const subjectIds = plan.subjects.map((s) => s.subjectId);
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
       WHERE rs."planId" = ${plan.id}::uuid AND rs."subjectId" = ANY(${subjectIds}::uuid[])`,
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
       WHERE ic."orgId" = ${scope.orgId}::uuid AND ic.status = 'CERTIFIED' GROUP BY i.id`,
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
  const siteOfRoom = new Map(rooms.map((r) => [r.id, r.siteId]));
  await change(
    ctx,
    async (tx) => {
      const t = sqlOf(tx);
      // Everything of these subjects is placed again (kept seats come back as they were), so no seat clashes midway.
      await t`UPDATE "RegistrationSubject" SET "roomId" = NULL, seat = NULL, "ticketNumber" = NULL, "scheduledAt" = NULL
               WHERE "planId" = ${plan.id}::uuid AND "subjectId" = ANY(${subjectIds}::uuid[])`;
      const s = result.seats;
      if (s.length)
        await t`UPDATE "RegistrationSubject" rs SET "roomId" = x.room, seat = x.seat, "ticketNumber" = x.ticket, "scheduledAt" = ${now}::timestamptz
                  FROM unnest(${s.map((x) => x.registrationId)}::uuid[], ${s.map((x) => x.subjectId)}::uuid[], ${s.map((x) => x.roomId)}::uuid[],
                              ${s.map((x) => x.seat)}::int[], ${s.map((x) => x.ticket)}::text[]) AS x(reg, subject, room, seat, ticket)
                 WHERE rs."registrationId" = x.reg AND rs."subjectId" = x.subject`;
      await tx.examDuty.deleteMany({ where: { planId: plan.id, subjectId: { in: subjectIds } } });
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
      await tx.examPlanSubject.updateMany({ where: { planId: plan.id, subjectId: { in: subjectIds } }, data: { scheduledAt: now } });
    },
    {
      action: "scheduling.run",
      targetType: "ExamPlan",
      targetId: plan.id,
      summary: `自动排考 ${plan.name}：${subjects.length} 个科目，排入 ${result.seats.length} 人次，未排入 ${result.unplaced.length} 人次`,
    },
  );
  const reasons = new Map<string, number>();
  for (const u of result.unplaced) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
  return {
    placed: result.seats.length,
    unplaced: result.unplaced.length,
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })),
    problems: result.problems.slice(0, 50),
    problemCount: result.problems.length,
  };
}

/** 发布: the scheduled subjects become visible to schools and students; their seats and tickets stay from then on. */
export async function publishScheduling({ ctx, input }: { ctx: UseCaseCtx<OrgScope>; input: z.infer<typeof runSchedulingSchema> }) {
  const now = ctx.clock.now();
  const plan = await load(ctx.db, ctx.scope.orgId, input.planId, input.subjectIds);
  const window = schedulingWindowProblem(plan, now);
  if (window) throw badRequest(window);
  const ids = plan.subjects.map((s) => s.subjectId);
  return change(
    ctx,
    async (tx) => {
      const done = await tx.examPlanSubject.updateMany({
        where: { planId: plan.id, subjectId: { in: ids }, scheduledAt: { not: null } },
        data: { publishedAt: now },
      });
      if (done.count === 0) throw badRequest("请先排考再发布");
      return { published: done.count };
    },
    (r) => ({ action: "scheduling.publish", targetType: "ExamPlan", targetId: plan.id, summary: `发布排考 ${plan.name}：${r.published} 个科目` }),
  );
}
