// 排考管理 on the list engine (002 §5.2.8): 考核站点编排 (a plan's subjects with counts and the §5.2.8.1 status as
// tabs), 考场编排 (a room's sitting of a subject, with its invigilators, patrols and count) and 排考明细 (every
// sitting: room, seat, 准考证号, or for the org why it is not placed). The school reads published schedules only.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import type { Scope } from "@/server/tenancy";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { maskIdNumber } from "@/domain/auth/mask";
import { beijingMinute } from "@/domain/text";
import { SITE_SCHEDULE_STATUS_LABELS, siteScheduleStatus, type SiteScheduleStatus } from "@/domain/scheduling/status";
import { countedSittingsWhere, planSubjectsWhere, roomSchedulesWhere, sittingsWhere } from "./scope";

const text = z.string().trim().max(60).optional();
/** 2026-05-21 09:00~11:00 */
export const examTime = (s: { startsAt: Date; endsAt: Date }) => `${beijingMinute(s.startsAt)}~${beijingMinute(s.endsAt).slice(11)}`;
const certificateOf = (l: { level: keyof typeof LEVEL_LABELS; certificate: { name: string } }) => `${l.certificate.name}（${LEVEL_LABELS[l.level]}）`;
const subjectSelect = {
  code: true,
  name: true,
  certificateLevel: { select: { level: true, certificate: { select: { name: true } } } },
} satisfies Prisma.ExamSubjectSelect;

// ---- 考核站点编排 ----

const planSubjectFilter = z.strictObject({ planId: z.uuid().optional(), plan: text, certificate: text, subject: text });
const planSubjectInclude = {
  plan: { select: { code: true, name: true, schedulingStartsAt: true, schedulingEndsAt: true } },
  subject: { select: subjectSelect },
} satisfies Prisma.ExamPlanSubjectInclude;
type PlanSubjectRaw = Prisma.ExamPlanSubjectGetPayload<{ include: typeof planSubjectInclude }>;
export type PlanSubjectRow = PlanSubjectRaw & {
  status: SiteScheduleStatus;
  certificate: string;
  time: string;
  sittings: number;
  placed: number;
  rooms: number;
  sites: number;
};

const ran = (scope: Scope) => (scope.kind === "org" ? "scheduledAt" : "publishedAt");

function planSubjectStatusWhere(scope: Scope, s: SiteScheduleStatus, now: Date): Prisma.ExamPlanSubjectWhereInput {
  if (s === "NOT_STARTED") return { plan: { schedulingStartsAt: { gt: now } } };
  if (s === "ENDED") return { plan: { schedulingEndsAt: { lte: now } } };
  const open = { plan: { schedulingStartsAt: { lte: now }, schedulingEndsAt: { gt: now } } };
  if (s === "UNSCHEDULED") return { ...open, [ran(scope)]: null };
  const waiting = { ...countedSittingsWhere(scope), scheduledAt: null };
  return { ...open, [ran(scope)]: { not: null }, sittings: s === "DONE" ? { none: waiting } : { some: waiting } };
}

/** Counts of the page's subjects, in three grouped reads. */
async function planSubjectCounts(db: Db, scope: Scope, rows: { planId: string; subjectId: string }[]) {
  const key = (x: { planId: string; subjectId: string }) => `${x.planId}|${x.subjectId}`;
  const pairs = rows.map((r) => ({ planId: r.planId, subjectId: r.subjectId }));
  if (!pairs.length) return () => ({ sittings: 0, placed: 0, rooms: 0, sites: 0 });
  const counted = { AND: [countedSittingsWhere(scope), { OR: pairs }] };
  const [all, placed, rooms] = await Promise.all([
    db.registrationSubject.groupBy({ by: ["planId", "subjectId"], where: counted, _count: { _all: true } }),
    db.registrationSubject.groupBy({ by: ["planId", "subjectId", "siteId"], where: { AND: [counted, { roomId: { not: null } }] }, _count: { _all: true } }),
    db.roomSchedule.groupBy({ by: ["planId", "subjectId"], where: { AND: [roomSchedulesWhere(scope), { OR: pairs }] }, _count: { _all: true } }),
  ]);
  const m = (list: { planId: string; subjectId: string; _count: { _all: number } }[]) => new Map(list.map((x) => [key(x), x._count._all]));
  const [a, r] = [m(all), m(rooms)];
  const p = new Map<string, { n: number; sites: Set<string> }>();
  for (const x of placed) {
    const g = p.get(key(x)) ?? p.set(key(x), { n: 0, sites: new Set() }).get(key(x))!;
    g.n += x._count._all;
    if (x.siteId) g.sites.add(x.siteId);
  }
  return (x: { planId: string; subjectId: string }) => ({
    sittings: a.get(key(x)) ?? 0,
    placed: p.get(key(x))?.n ?? 0,
    rooms: r.get(key(x)) ?? 0,
    sites: p.get(key(x))?.sites.size ?? 0,
  });
}

export const planSubjectScheduleList: ListDef<z.infer<typeof planSubjectFilter>, PlanSubjectRow, Prisma.ExamPlanSubjectWhereInput> = {
  name: "siteSchedules",
  title: "考核站点编排",
  permissions: ["org.scheduling", "school.scheduling"],
  filter: planSubjectFilter,
  where: (_db, scope, f) =>
    and<Prisma.ExamPlanSubjectWhereInput>(
      planSubjectsWhere(scope),
      f.planId ? { planId: f.planId } : null,
      f.plan ? { plan: { OR: [{ name: { contains: f.plan } }, { code: { startsWith: f.plan } }] } } : null,
      f.certificate ? { subject: { certificateLevel: { certificate: { name: { contains: f.certificate } } } } } : null,
      f.subject ? { subject: { OR: [{ name: { contains: f.subject } }, { code: { startsWith: f.subject } }] } } : null,
    ),
  tabs: (now, scope) =>
    (Object.keys(SITE_SCHEDULE_STATUS_LABELS) as SiteScheduleStatus[]).map((s) => ({
      value: s,
      label: SITE_SCHEDULE_STATUS_LABELS[s],
      where: planSubjectStatusWhere(scope, s, now),
    })),
  count: (db, where) => db.examPlanSubject.count({ where }),
  rows: async (db, where, p, { scope, now }) => {
    const rows = await db.examPlanSubject.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include: planSubjectInclude,
      orderBy: p.byId ? { id: "asc" } : [{ plan: { schedulingStartsAt: "desc" } }, { planId: "asc" }, { startsAt: "asc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    const counts = await planSubjectCounts(db, scope, rows);
    return rows.map((r) => {
      const c = counts(r);
      return {
        ...r,
        ...c,
        status: siteScheduleStatus(r.plan, { ran: !!r[ran(scope)], sittings: c.sittings, placed: c.placed }, now),
        certificate: certificateOf(r.subject.certificateLevel),
        time: examTime(r),
      };
    });
  },
  columns: [
    { header: "考试计划编号", width: 16, value: (r) => r.plan.code },
    { header: "考试计划", width: 36, value: (r) => r.plan.name },
    { header: "科目编号", width: 14, value: (r) => r.subject.code },
    { header: "考试科目", width: 30, value: (r) => r.subject.name },
    { header: "考试证书", width: 40, value: (r) => r.certificate },
    { header: "考试时间", width: 24, value: (r) => r.time },
    { header: "报考人数", value: (r) => r.sittings },
    { header: "已排人数", value: (r) => r.placed },
    { header: "考核站点数", value: (r) => r.sites },
    { header: "考场数", value: (r) => r.rooms },
    { header: "状态", value: (r) => SITE_SCHEDULE_STATUS_LABELS[r.status] },
  ],
};

// ---- 考场编排 ----

const roomFilter = z.strictObject({ planId: z.uuid().optional(), plan: text, site: text, room: text, subject: text, school: text });
const roomInclude = {
  planSubject: {
    select: { startsAt: true, endsAt: true, publishedAt: true, plan: { select: { code: true, name: true } }, subject: { select: subjectSelect } },
  },
  room: { select: { name: true, address: true, seats: true, schoolId: true, school: { select: { name: true } } } },
  site: { select: { code: true, name: true, schoolId: true, address: true } },
} satisfies Prisma.RoomScheduleInclude;
type RoomRaw = Prisma.RoomScheduleGetPayload<{ include: typeof roomInclude }>;
export type RoomScheduleRow = RoomRaw & { certificate: string; time: string; invigilators: string[]; patrols: string[] };

/** The names on duty for the page's rooms (监考) and their sites (巡考), by subject. */
async function dutiesOf(db: Db, rows: { roomId: string; siteId: string; subjectId: string; planId: string }[]) {
  if (!rows.length) return { room: () => [], site: () => [] };
  const duties = await db.examDuty.findMany({
    where: {
      OR: [
        ...rows.map((r) => ({ roomId: r.roomId, subjectId: r.subjectId, role: "INVIGILATOR" as const })),
        ...rows.map((r) => ({ siteId: r.siteId, planId: r.planId, subjectId: r.subjectId, role: "PATROL" as const })),
      ],
    },
    select: { role: true, roomId: true, siteId: true, subjectId: true, invigilator: { select: { teacher: { select: { name: true } } } } },
    orderBy: { createdAt: "asc" },
  });
  const names = (pick: (d: (typeof duties)[number]) => boolean) => duties.filter(pick).map((d) => d.invigilator.teacher.name);
  return {
    room: (r: { roomId: string; subjectId: string }) => names((d) => d.role === "INVIGILATOR" && d.roomId === r.roomId && d.subjectId === r.subjectId),
    site: (r: { siteId: string; subjectId: string }) => names((d) => d.role === "PATROL" && d.siteId === r.siteId && d.subjectId === r.subjectId),
  };
}

export const roomScheduleList: ListDef<z.infer<typeof roomFilter>, RoomScheduleRow, Prisma.RoomScheduleWhereInput> = {
  name: "roomSchedules",
  title: "考场编排",
  permissions: ["org.scheduling", "school.scheduling"],
  filter: roomFilter,
  where: (_db, scope, f) =>
    and<Prisma.RoomScheduleWhereInput>(
      roomSchedulesWhere(scope),
      f.planId ? { planId: f.planId } : null,
      f.plan ? { planSubject: { plan: { OR: [{ name: { contains: f.plan } }, { code: { startsWith: f.plan } }] } } } : null,
      f.site ? { site: { name: { contains: f.site } } } : null,
      f.room ? { room: { name: { contains: f.room } } } : null,
      f.subject ? { planSubject: { subject: { OR: [{ name: { contains: f.subject } }, { code: { startsWith: f.subject } }] } } } : null,
      f.school && scope.kind === "org" ? { room: { school: { name: { contains: f.school } } } } : null,
    ),
  count: (db, where) => db.roomSchedule.count({ where }),
  rows: async (db, where, p) => {
    const rows = await db.roomSchedule.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include: roomInclude,
      orderBy: p.byId ? { id: "asc" } : [{ planSubject: { startsAt: "desc" } }, { site: { code: "asc" } }, { firstTicket: "asc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    const duties = await dutiesOf(db, rows);
    return rows.map((r) => ({
      ...r,
      certificate: certificateOf(r.planSubject.subject.certificateLevel),
      time: examTime(r.planSubject),
      invigilators: duties.room(r),
      patrols: duties.site(r),
    }));
  },
  columns: [
    { header: "考试计划", width: 36, value: (r) => r.planSubject.plan.name },
    { header: "考核站点编号", width: 14, value: (r) => r.site.code },
    { header: "考核站点", width: 40, value: (r) => r.site.name },
    { header: "考场名称", width: 24, value: (r) => r.room.name },
    { header: "所属院校", width: 28, value: (r) => r.room.school.name },
    { header: "考试科目", width: 30, value: (r) => `${r.planSubject.subject.code} ${r.planSubject.subject.name}` },
    { header: "考试证书", width: 40, value: (r) => r.certificate },
    { header: "考试时间", width: 24, value: (r) => r.time },
    { header: "监考老师", width: 20, value: (r) => r.invigilators.join("、") },
    { header: "巡考老师", width: 20, value: (r) => r.patrols.join("、") },
    { header: "应考人数", value: (r) => r.candidates },
    { header: "准考证号范围", width: 44, value: (r) => `${r.firstTicket}~${r.lastTicket}` },
    { header: "考场地址", width: 36, value: (r) => r.room.address ?? r.site.address },
  ],
};

// ---- 排考明细 ----

export const sittingFilter = z.strictObject({
  planId: z.uuid().optional(),
  plan: text,
  subject: text,
  name: text,
  idNumber: text,
  ticket: text,
  school: text,
});
const sittingInclude = {
  registration: {
    select: {
      name: true,
      idNumber: true,
      school: { select: { name: true } },
      candidate: { select: { number: true } },
    },
  },
  planSubject: {
    select: { startsAt: true, endsAt: true, plan: { select: { code: true, name: true } }, subject: { select: subjectSelect } },
  },
  room: { select: { name: true, address: true } },
  site: { select: { code: true, name: true, address: true } },
} satisfies Prisma.RegistrationSubjectInclude;
type SittingRaw = Prisma.RegistrationSubjectGetPayload<{ include: typeof sittingInclude }>;
export type SittingRow = Omit<SittingRaw, "registration"> & {
  registration: Omit<SittingRaw["registration"], "idNumber">;
  idNumberMasked: string;
  fullIdNumber: string;
  certificate: string;
  time: string;
};

/** The query fields of a list of sittings (排考明细, 科目成绩): plan, subject, candidate, ticket and (org) school. */
export function sittingFilterWhere(scope: Scope, f: z.infer<typeof sittingFilter>): Prisma.RegistrationSubjectWhereInput {
  return and<Prisma.RegistrationSubjectWhereInput>(
    f.planId ? { planId: f.planId } : null,
    f.plan ? { planSubject: { plan: { OR: [{ name: { contains: f.plan } }, { code: { startsWith: f.plan } }] } } } : null,
    f.subject ? { planSubject: { subject: { OR: [{ name: { contains: f.subject } }, { code: { startsWith: f.subject } }] } } } : null,
    f.name ? { registration: { name: { contains: f.name } } } : null,
    f.idNumber ? { registration: { idNumber: { startsWith: f.idNumber.toUpperCase() } } } : null,
    f.ticket ? { ticketNumber: { startsWith: f.ticket } } : null,
    f.school && scope.kind === "org" ? { registration: { school: { name: { contains: f.school } } } } : null,
  );
}

export const sittingList: ListDef<z.infer<typeof sittingFilter>, SittingRow, Prisma.RegistrationSubjectWhereInput> = {
  name: "sittings",
  title: "排考明细",
  permissions: ["org.scheduling", "school.scheduling"],
  filter: sittingFilter,
  where: (_db, scope, f) => and<Prisma.RegistrationSubjectWhereInput>(sittingsWhere(scope), sittingFilterWhere(scope, f)),
  tabs: [
    { value: "PLACED", label: "已排考", where: { roomId: { not: null } } },
    { value: "UNPLACED", label: "未排考", where: { roomId: null } },
  ],
  count: (db, where) => db.registrationSubject.count({ where }),
  rows: async (db, where, p) => {
    const rows = await db.registrationSubject.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include: sittingInclude,
      orderBy: p.byId ? { id: "asc" } : [{ planSubject: { startsAt: "desc" } }, { ticketNumber: "asc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    return rows.map(({ registration: { idNumber, ...registration }, ...r }) => ({
      ...r,
      registration,
      idNumberMasked: maskIdNumber(idNumber),
      fullIdNumber: idNumber,
      certificate: certificateOf(r.planSubject.subject.certificateLevel),
      time: examTime(r.planSubject),
    }));
  },
  present: (r) => ({ ...r, fullIdNumber: "" }),
  columns: [
    { header: "考试计划", width: 36, value: (r) => r.planSubject.plan.name },
    { header: "姓名", value: (r) => r.registration.name },
    { header: "证件号码", width: 22, value: (r) => r.fullIdNumber },
    { header: "考生编号", width: 30, value: (r) => r.registration.candidate.number },
    { header: "所属院校", width: 28, value: (r) => r.registration.school.name },
    { header: "考试证书", width: 40, value: (r) => r.certificate },
    { header: "考试科目", width: 30, value: (r) => `${r.planSubject.subject.code} ${r.planSubject.subject.name}` },
    { header: "考试时间", width: 24, value: (r) => r.time },
    { header: "考核站点", width: 40, value: (r) => r.site?.name },
    { header: "考场", width: 24, value: (r) => r.room?.name },
    { header: "座位号", value: (r) => r.seat },
    { header: "准考证号", width: 24, value: (r) => r.ticketNumber },
    { header: "考场地址", width: 36, value: (r) => r.room?.address ?? r.site?.address },
    { header: "未排考原因", width: 40, value: (r) => r.unplacedReason },
  ],
};
