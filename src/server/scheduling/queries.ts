// Reads behind 排考管理: one room's sitting with its candidates (all of them for the school that runs the room, its
// own for a school whose candidates only sit there), a subject's sites, and the org's plans open for 排考.
import type { Prisma } from "@/generated/prisma/client";
import { notFound } from "@/server/errors";
import type { ReadCtx } from "@/server/use-case";
import type { OrgScope, Scope } from "@/server/tenancy";
import { maskIdNumber } from "@/domain/auth/mask";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { SITE_SCHEDULE_STATUS_LABELS } from "@/domain/scheduling/status";
import { schedulingWindowProblem } from "@/domain/scheduling/rules";
import { examTime } from "./list";
import { countedSittingsWhere, planSubjectsWhere, roomSchedulesWhere, runsRoom } from "./scope";

/** The sittings of a room schedule the caller may see. */
export function roomSittingsWhere(scope: Scope, s: { roomId: string; subjectId: string; room: { schoolId: string; site: { schoolId: string } } }) {
  const own: Prisma.RegistrationSubjectWhereInput = runsRoom(scope, s.room) ? {} : { registration: countedSittingsWhere(scope).registration };
  return { roomId: s.roomId, subjectId: s.subjectId, ...own } satisfies Prisma.RegistrationSubjectWhereInput;
}

export async function findRoomSchedule(ctx: ReadCtx, id: string) {
  const s = await ctx.db.roomSchedule.findFirst({
    where: { AND: [{ id }, roomSchedulesWhere(ctx.scope)] },
    include: {
      planSubject: {
        select: {
          startsAt: true,
          endsAt: true,
          publishedAt: true,
          plan: { select: { id: true, code: true, name: true, schedulingStartsAt: true, schedulingEndsAt: true, org: { select: { name: true } } } },
          subject: { select: { code: true, name: true, certificateLevel: { select: { level: true, certificate: { select: { name: true } } } } } },
        },
      },
      room: { select: { name: true, address: true, seats: true, schoolId: true, school: { select: { name: true } }, site: { select: { schoolId: true } } } },
      site: { select: { code: true, name: true, address: true } },
    },
  });
  if (!s) throw notFound("考场编排不存在");
  return s;
}

export async function roomScheduleDetail({ ctx, input }: { ctx: ReadCtx; input: { id: string } }) {
  const s = await findRoomSchedule(ctx, input.id);
  const [sittings, duties] = await Promise.all([
    ctx.db.registrationSubject.findMany({
      where: roomSittingsWhere(ctx.scope, s),
      orderBy: { seat: "asc" },
      select: { id: true, seat: true, ticketNumber: true, registration: { select: { name: true, idNumber: true, school: { select: { name: true } } } } },
    }),
    ctx.db.examDuty.findMany({
      where: { planId: s.planId, subjectId: s.subjectId, OR: [{ roomId: s.roomId }, { role: "PATROL", siteId: s.siteId }] },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        role: true,
        invigilator: { select: { id: true, school: { select: { name: true } }, teacher: { select: { name: true, phone: true } } } },
      },
    }),
  ]);
  const level = s.planSubject.subject.certificateLevel;
  const runs = runsRoom(ctx.scope, s.room);
  return {
    id: s.id,
    roomId: s.roomId,
    planId: s.planId,
    subjectId: s.subjectId,
    plan: s.planSubject.plan,
    room: s.room.name,
    site: s.site.name,
    siteCode: s.site.code,
    school: s.room.school.name,
    address: s.room.address ?? s.site.address,
    subject: `${s.planSubject.subject.name}`,
    subjectCode: s.planSubject.subject.code,
    certificate: level.certificate.name,
    level: LEVEL_LABELS[level.level],
    time: examTime(s.planSubject),
    seats: s.room.seats,
    candidates: s.candidates,
    ticketRange: `${s.firstTicket}~${s.lastTicket}`,
    published: !!s.planSubject.publishedAt,
    /** Door sign, desk stickers and sign-in sheet belong to whoever runs the room. */
    runsRoom: runs,
    /** The org may move candidates and change invigilators while 排考 is open. */
    canAdjust: ctx.scope.kind === "org" && !schedulingWindowProblem(s.planSubject.plan, ctx.clock.now()),
    duties: duties.map((d) => ({
      id: d.id,
      role: d.role,
      invigilatorId: d.invigilator.id,
      name: d.invigilator.teacher.name,
      school: d.invigilator.school.name,
      phone: ctx.scope.kind === "org" || runs ? d.invigilator.teacher.phone : null,
    })),
    sittings: sittings.map((x, i) => ({
      id: x.id,
      no: i + 1,
      name: x.registration.name,
      idNumberMasked: maskIdNumber(x.registration.idNumber),
      ticketNumber: x.ticketNumber!,
      school: x.registration.school.name,
      seat: x.seat!,
    })),
  };
}

/** 查看 of 考核站点编排: the subject's sites with their counts (as the last run found them). */
export async function planSubjectSites({ ctx, input }: { ctx: ReadCtx; input: { id: string } }) {
  const { db, scope } = ctx;
  const ps = await db.examPlanSubject.findFirst({
    where: { AND: [{ id: input.id }, planSubjectsWhere(scope)] },
    select: {
      planId: true,
      subjectId: true,
      startsAt: true,
      endsAt: true,
      scheduledAt: true,
      publishedAt: true,
      plan: { select: { name: true } },
      subject: { select: { code: true, name: true } },
    },
  });
  if (!ps) throw notFound("考试科目不存在");
  const visible = scope.kind === "org" ? !!ps.scheduledAt : !!ps.publishedAt;
  const where = { planId: ps.planId, subjectId: ps.subjectId, ...countedSittingsWhere(scope) };
  const [bySite, rooms] = visible
    ? await Promise.all([
        db.registrationSubject.groupBy({ by: ["siteId"], where, _count: { _all: true, roomId: true } }),
        db.roomSchedule.groupBy({
          by: ["siteId"],
          where: { planId: ps.planId, subjectId: ps.subjectId, ...roomSchedulesWhere(scope) },
          _count: { _all: true },
        }),
      ])
    : [[], []];
  const sites = await db.assessmentSite.findMany({
    where: { id: { in: bySite.map((x) => x.siteId).filter((x): x is string => !!x) } },
    select: { id: true, code: true, name: true, schoolId: true, school: { select: { name: true } } },
  });
  const siteOf = new Map(sites.map((s) => [s.id, s]));
  const roomsOf = new Map(rooms.map((r) => [r.siteId, r._count._all]));
  return {
    planId: ps.planId,
    subjectId: ps.subjectId,
    plan: ps.plan.name,
    subject: `${ps.subject.code} ${ps.subject.name}`,
    time: examTime(ps),
    scheduled: visible,
    sites: bySite
      .map((x) => ({
        siteId: x.siteId,
        code: x.siteId ? (siteOf.get(x.siteId)?.code ?? "") : "",
        name: x.siteId ? (siteOf.get(x.siteId)?.name ?? "") : "未找到考核站点",
        school: x.siteId ? (siteOf.get(x.siteId)?.school.name ?? "") : "",
        sittings: x._count._all,
        placed: x._count.roomId,
        rooms: x.siteId ? (roomsOf.get(x.siteId) ?? 0) : 0,
        /** Door signs, desk stickers and sign-in sheets of the whole site: the org, or the host school. */
        runsSite: scope.kind === "org" || (scope.kind === "school" && !!x.siteId && siteOf.get(x.siteId)?.schoolId === scope.schoolId),
      }))
      // Sites by code; the sittings with no site last.
      .sort((a, b) => Number(!a.siteId) - Number(!b.siteId) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
  };
}

/** The org's plans inside their 排考 window, for the 自动排考 and 发布 dialogs, with each subject's state. */
export async function schedulingPlans({ ctx }: { ctx: ReadCtx<OrgScope> }) {
  const now = ctx.clock.now();
  const plans = await ctx.db.examPlan.findMany({
    where: { orgId: ctx.scope.orgId, schedulingStartsAt: { lte: now }, schedulingEndsAt: { gt: now } },
    orderBy: [{ schedulingEndsAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      schedulingEndsAt: true,
      subjects: {
        orderBy: { startsAt: "asc" },
        select: { subjectId: true, scheduledAt: true, publishedAt: true, startsAt: true, endsAt: true, subject: { select: { code: true, name: true } } },
      },
      schedulingRuns: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, status: true } },
    },
  });
  return plans.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    schedulingEndsAt: p.schedulingEndsAt,
    running: p.schedulingRuns[0]?.status === "RUNNING" ? p.schedulingRuns[0].id : null,
    subjects: p.subjects.map((s) => ({
      id: s.subjectId,
      code: s.subject.code,
      name: s.subject.name,
      time: examTime(s),
      state: s.publishedAt ? "已发布" : s.scheduledAt ? "已排考，未发布" : SITE_SCHEDULE_STATUS_LABELS.UNSCHEDULED,
    })),
  }));
}
