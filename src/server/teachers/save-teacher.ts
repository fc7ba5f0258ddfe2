// 添加教师 / 编辑 / 删除 (教师管理). One teacher per ID number within a school; a teacher who is an invigilator
// is deleted through 监考人员 first.
import { badRequest, conflict, notFound } from "@/server/errors";
import type { SchoolScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { cleanTeacher, type TeacherInput } from "@/domain/teachers/rules";

export const TEACHER_TAKEN = "本校已登记该证件号码的教师";

export async function saveTeacher({ ctx, input }: { ctx: UseCaseCtx<SchoolScope>; input: TeacherInput }) {
  const { db, clock, scope } = ctx;
  const checked = cleanTeacher(input, clock.now());
  if (!checked.ok) throw badRequest(checked.error);
  const t = checked.value;
  const existing = input.id ? await db.teacher.findFirst({ where: { id: input.id, schoolId: scope.schoolId } }) : null;
  if (input.id && !existing) throw notFound("教师不存在");
  const majorIds = [...new Set(input.majorIds)];
  if ((await db.major.count({ where: { id: { in: majorIds } } })) !== majorIds.length) throw badRequest("所选任教专业不在专业目录中");
  if (await db.teacher.count({ where: { schoolId: scope.schoolId, idNumber: t.idNumber, ...(existing ? { id: { not: existing.id } } : {}) } }))
    throw conflict(TEACHER_TAKEN);
  const data = {
    name: t.name,
    gender: t.gender,
    idType: t.idType,
    idNumber: t.idNumber,
    phone: t.phone,
    title: t.title,
    department: t.department,
    fullTime: t.fullTime,
  };
  return change(
    ctx,
    async (tx) => {
      const id = existing
        ? (await tx.teacher.update({ where: { id: existing.id }, data })).id
        : (await tx.teacher.create({ data: { ...data, schoolId: scope.schoolId } })).id;
      await tx.teacherMajor.deleteMany({ where: { teacherId: id } });
      await tx.teacherMajor.createMany({ data: majorIds.map((majorId) => ({ teacherId: id, majorId })) });
      return { id };
    },
    ({ id }) => ({
      action: existing ? "teacher.update" : "teacher.create",
      targetType: "Teacher",
      targetId: id,
      summary: `${existing ? "编辑" : "添加"}教师 ${t.name}`,
    }),
    { unique: TEACHER_TAKEN },
  );
}

export async function deleteTeachers({ ctx, input: { ids } }: { ctx: UseCaseCtx<SchoolScope>; input: { ids: string[] } }) {
  const { schoolId } = ctx.scope;
  const rows = await ctx.db.teacher.findMany({ where: { id: { in: ids }, schoolId }, select: { id: true, name: true, invigilator: { select: { id: true } } } });
  if (rows.length !== new Set(ids).size) throw notFound("教师不存在");
  const busy = rows.find((r) => r.invigilator);
  if (busy) throw badRequest(`${busy.name}已登记为监考人员，请先在「监考人员」中删除`);
  await change(ctx, (tx) => tx.teacher.deleteMany({ where: { id: { in: rows.map((r) => r.id) }, schoolId, invigilator: null } }), {
    action: "teacher.delete",
    targetType: "Teacher",
    summary: `删除教师 ${rows.length} 名：${rows
      .slice(0, 5)
      .map((r) => r.name)
      .join("、")}${rows.length > 5 ? "等" : ""}`,
  });
  return { deleted: rows.length };
}
