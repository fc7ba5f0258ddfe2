import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { deleteTeachers, saveTeacher } from "@/server/teachers/save-teacher";
import { fullTimeTeacherCounts, teacherChoices, teacherDetail } from "@/server/teachers/queries";
import { teacherInputSchema } from "@/domain/teachers/rules";
import { searchMajors } from "@/server/catalogue/search-majors";

const school = permissionProcedure("school.teachers");

export const teachersRouter = createTRPCRouter({
  save: school.input(teacherInputSchema).mutation(({ ctx, input }) => saveTeacher({ ctx, input })),
  delete: school.input(z.strictObject({ ids: z.array(z.uuid()).min(1, "请先勾选教师").max(500) })).mutation(({ ctx, input }) => deleteTeachers({ ctx, input })),
  /** 任教专业 options: the major catalogue, searchable by name or code. */
  majors: school
    .input(z.strictObject({ q: z.string().trim().max(30).optional() }))
    .query(({ ctx, input }) => searchMajors({ ctx, input: { q: input.q, take: 30 } })),
  /** One teacher for the edit form (the ID number in full, to its own school). */
  detail: school.input(z.strictObject({ id: z.uuid("教师不存在") })).query(({ ctx, input }) => teacherDetail({ ctx, input })),
  /** 新增监考人员: teachers not yet invigilators. */
  choices: permissionProcedure("school.invigilators")
    .input(z.strictObject({ q: z.string().trim().max(30).optional() }))
    .query(({ ctx, input }) => teacherChoices({ ctx, input })),
  /** 本专业专任教师数 for the pilot application form. */
  fullTimeCounts: permissionProcedure("school.applications")
    .input(z.strictObject({ majorIds: z.array(z.uuid()).max(50) }))
    .query(({ ctx, input }) => fullTimeTeacherCounts({ ctx, input })),
});
