// Reads behind 考场管理: one room's detail, and the 设置考场 form's cascade (plan → site → certificate → subjects).
import { notFound } from "@/server/errors";
import type { ReadCtx } from "@/server/use-case";
import type { SchoolScope } from "@/server/tenancy";
import { regionPath } from "@/server/catalogue/regions";
import { roomStatus } from "@/domain/rooms/rules";
import { placesFor } from "./places";
import { roomsWhere } from "./scope";

export async function roomDetail({ ctx: { db, scope, clock }, input: { id } }: { ctx: ReadCtx; input: { id: string } }) {
  const r = await db.examRoom.findFirst({
    where: { AND: [{ id }, roomsWhere(scope)] },
    include: {
      plan: { select: { id: true, code: true, name: true, schedulingStartsAt: true, schedulingEndsAt: true } },
      site: { select: { id: true, code: true, name: true, school: { select: { name: true } } } },
      school: { select: { name: true } },
      certificateLevel: { select: { id: true, code: true, level: true, certificate: { select: { name: true } } } },
      subjects: { include: { subject: { select: { id: true, code: true, name: true, examMode: true, durationMinutes: true } } } },
    },
  });
  if (!r) throw notFound("考场不存在");
  const { subjects, ...rest } = r;
  return {
    ...rest,
    status: roomStatus(r.plan, clock.now()),
    mine: scope.kind === "school" && r.schoolId === scope.schoolId,
    regionPath: await regionPath(db, r.regionCode),
    subjects: subjects.map((s) => s.subject).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** The plans the school takes part in, newest first, with their 排考 window (the form and 沿用 pick from these). */
export async function roomPlans({ ctx: { db, scope } }: { ctx: ReadCtx<SchoolScope> }) {
  return db.examPlan.findMany({
    where: { schools: { some: { schoolId: scope.schoolId } } },
    orderBy: [{ schedulingStartsAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      schedulingStartsAt: true,
      schedulingEndsAt: true,
      _count: { select: { rooms: { where: { schoolId: scope.schoolId } } } },
    },
  });
}

/** For one plan: the sites the school may use, each with its certificate levels and their enabled subjects. */
export async function roomPlaces({ ctx: { db, scope }, input: { planId } }: { ctx: ReadCtx<SchoolScope>; input: { planId: string } }) {
  const places = await placesFor(db, scope, planId);
  const levels = await db.certificateLevel.findMany({
    where: { id: { in: [...new Set(places.flatMap((p) => p.levelIds))] } },
    select: {
      id: true,
      code: true,
      level: true,
      certificate: { select: { name: true } },
      subjects: { where: { status: "ENABLED" }, select: { id: true, code: true, name: true, examMode: true }, orderBy: { code: "asc" } },
    },
  });
  return places.map((p) => ({
    ...p,
    levels: levels.filter((l) => p.levelIds.includes(l.id)).sort((a, b) => a.code.localeCompare(b.code)),
  }));
}
