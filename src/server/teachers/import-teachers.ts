// 批量导入教师 through the shared pipeline: the form's rules per row, the majors from the catalogue by code, one
// teacher per ID number within the school (a row already on the roster fails with the reason).
import type { ImportSpec } from "@/server/imports/pipeline";
import { sqlOf } from "@/server/db";
import { ID_TYPE_LABELS } from "@/domain/candidates/identity";
import { cleanTeacher, TEACHER_TITLES, type CleanTeacher } from "@/domain/teachers/rules";
import { loadMajors, type MajorIndex } from "@/server/candidates/resolve";
import { TEACHER_TAKEN } from "./save-teacher";

type Ready = CleanTeacher & { majorIds: string[] };

export const teacherImport: ImportSpec<CleanTeacher, { schoolId: string; majors: MajorIndex }, Ready> = {
  kind: "TEACHERS",
  title: "教师信息导入",
  columns: [
    { key: "name", header: "姓名", example: "王老师" },
    { key: "gender", header: "性别", example: "女", options: ["男", "女"], note: "居民身份证可不填，按证件号码判断" },
    { key: "idType", header: "证件类型", width: 24, example: "居民身份证", options: Object.values(ID_TYPE_LABELS) },
    { key: "idNumber", header: "证件号码", width: 24, example: "110108198003011228", text: true, note: "请保持文本格式" },
    { key: "phone", header: "手机号", width: 16, example: "13600000011", text: true },
    { key: "title", header: "职称", example: "讲师", options: [...TEACHER_TITLES] },
    { key: "department", header: "所在院系", width: 20, example: "信息工程学院" },
    { key: "fullTime", header: "是否专任教师", example: "是", options: ["是", "否"] },
    { key: "majorCodes", header: "任教专业代码", width: 24, example: "510201、510203", text: true, note: "专业目录中的专业代码，多个用顿号分隔" },
  ],
  context: async (db, who) => ({ schoolId: who.scope.schoolId, majors: await loadMajors(sqlOf(db)) }),
  check: (cells, _ctx, now) => cleanTeacher(cells, now),
  key: (v) => v.idNumber,
  checkBatch: async ({ db }, rows, ctx) => {
    const taken = new Set(
      (await db.teacher.findMany({ where: { schoolId: ctx.schoolId, idNumber: { in: rows.map((r) => r.idNumber) } }, select: { idNumber: true } })).map(
        (t) => t.idNumber,
      ),
    );
    return rows.map((r) => {
      if (taken.has(r.idNumber)) return { ok: false, error: TEACHER_TAKEN };
      const unknown = r.majorCodes.filter((c) => !ctx.majors.has(c));
      if (unknown.length) return { ok: false, error: `专业代码 ${unknown.join("、")} 不在专业目录中` };
      return { ok: true, value: { ...r, majorIds: r.majorCodes.map((c) => ctx.majors.get(c)![0].id) } };
    });
  },
  write: async ({ tx }, rows, ctx, now, importId) => {
    const data = rows.map((r) => ({
      id: crypto.randomUUID(),
      schoolId: ctx.schoolId,
      name: r.name,
      gender: r.gender,
      idType: r.idType,
      idNumber: r.idNumber,
      phone: r.phone,
      title: r.title,
      department: r.department,
      fullTime: r.fullTime,
      importId,
      createdAt: now,
    }));
    await tx.teacher.createMany({ data });
    await tx.teacherMajor.createMany({ data: rows.flatMap((r, i) => r.majorIds.map((majorId) => ({ teacherId: data[i].id, majorId }))) });
  },
};
