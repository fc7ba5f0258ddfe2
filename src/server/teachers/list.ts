// 教师管理 on the list engine: ID numbers and phones masked on screen, in full in the export (which needs an SMS code).
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { scopeFor } from "@/server/tenancy";
import { GENDER_LABELS } from "@/domain/candidates/rules";
import { ID_TYPE_LABELS } from "@/domain/candidates/identity";
import { maskIdNumber, maskPhone } from "@/domain/auth/mask";

const text = z.string().trim().max(40).optional();
const filter = z.strictObject({ name: text, idNumber: text, department: text, majorId: z.uuid().optional() });
const include = {
  majors: { select: { major: { select: { id: true, code: true, name: true } } } },
  invigilator: { select: { id: true } },
} satisfies Prisma.TeacherInclude;
type Raw = Prisma.TeacherGetPayload<{ include: typeof include }>;
export type TeacherRow = Omit<Raw, "idNumber" | "phone" | "invigilator"> & {
  idNumberMasked: string;
  phoneMasked: string | null;
  fullIdNumber: string;
  fullPhone: string;
  isInvigilator: boolean;
};

export const teacherList: ListDef<z.infer<typeof filter>, TeacherRow, Prisma.TeacherWhereInput> = {
  name: "teachers",
  title: "教师信息",
  permissions: ["school.teachers"],
  filter,
  where: (_db, scope, f) =>
    and<Prisma.TeacherWhereInput>(
      { schoolId: scopeFor(scope, "school").schoolId },
      f.name ? { name: { contains: f.name } } : null,
      f.idNumber ? { idNumber: { startsWith: f.idNumber.toUpperCase() } } : null,
      f.department ? { department: { contains: f.department } } : null,
      f.majorId ? { majors: { some: { majorId: f.majorId } } } : null,
    ),
  tabs: [
    { value: "FULL_TIME", label: "专任教师", where: { fullTime: true } },
    { value: "PART_TIME", label: "兼职教师", where: { fullTime: false } },
  ],
  count: (db, where) => db.teacher.count({ where }),
  rows: async (db, where, p) => {
    const rows = await db.teacher.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include,
      orderBy: p.byId ? { id: "asc" } : [{ createdAt: "desc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    return rows.map(({ idNumber, phone, invigilator, ...r }) => ({
      ...r,
      idNumberMasked: maskIdNumber(idNumber),
      phoneMasked: maskPhone(phone),
      fullIdNumber: idNumber,
      fullPhone: phone,
      isInvigilator: !!invigilator,
    }));
  },
  present: (r) => ({ ...r, fullIdNumber: "", fullPhone: "" }),
  columns: [
    { header: "姓名", value: (r) => r.name },
    { header: "性别", value: (r) => GENDER_LABELS[r.gender] },
    { header: "证件类型", width: 16, value: (r) => ID_TYPE_LABELS[r.idType] },
    { header: "证件号码", width: 22, value: (r) => r.fullIdNumber },
    { header: "手机号", width: 14, value: (r) => r.fullPhone },
    { header: "职称", value: (r) => r.title },
    { header: "所在院系", width: 20, value: (r) => r.department },
    { header: "是否专任教师", value: (r) => (r.fullTime ? "是" : "否") },
    { header: "任教专业代码", width: 24, value: (r) => r.majors.map((m) => m.major.code).join("、") },
    { header: "任教专业", width: 36, value: (r) => r.majors.map((m) => m.major.name).join("、") },
    { header: "监考人员", value: (r) => (r.isInvigilator ? "是" : "否") },
  ],
};
