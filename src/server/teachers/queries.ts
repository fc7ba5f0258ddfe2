// Reads of the teacher roster: one teacher for the edit form (its ID number in full, to its own school only),
// the teachers not yet put forward as invigilators, and the 专任教师 count per major (pilot applications).
import { notFound } from "@/server/errors";
import type { ReadCtx } from "@/server/use-case";
import type { SchoolScope } from "@/server/tenancy";
import { maskIdNumber } from "@/domain/auth/mask";

export async function teacherDetail({ ctx: { db, scope }, input: { id } }: { ctx: ReadCtx<SchoolScope>; input: { id: string } }) {
  const t = await db.teacher.findFirst({
    where: { id, schoolId: scope.schoolId },
    include: { majors: { include: { major: { select: { id: true, code: true, name: true, level: true } } } }, invigilator: { select: { id: true } } },
  });
  if (!t) throw notFound("教师不存在");
  const { majors, invigilator, ...rest } = t;
  return { ...rest, majors: majors.map((m) => m.major), isInvigilator: !!invigilator };
}

/** 新增监考人员: the school's teachers without an invigilator record, searchable by name. */
export async function teacherChoices({ ctx: { db, scope }, input }: { ctx: ReadCtx<SchoolScope>; input: { q?: string } }) {
  const rows = await db.teacher.findMany({
    where: { schoolId: scope.schoolId, invigilator: null, ...(input.q ? { name: { contains: input.q } } : {}) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 30,
    select: { id: true, name: true, idNumber: true, department: true, title: true },
  });
  return rows.map(({ idNumber, ...r }) => ({ ...r, idNumberMasked: maskIdNumber(idNumber) }));
}

/** 本专业专任教师数: the school's full-time teachers per major of the roster. */
export async function fullTimeTeacherCounts({ ctx: { db, scope }, input }: { ctx: ReadCtx<SchoolScope>; input: { majorIds: string[] } }) {
  const rows = await db.teacherMajor.groupBy({
    by: ["majorId"],
    where: { majorId: { in: input.majorIds }, teacher: { schoolId: scope.schoolId, fullTime: true } },
    _count: { _all: true },
  });
  return Object.fromEntries(input.majorIds.map((id) => [id, rows.find((r) => r.majorId === id)?._count._all ?? 0]));
}
