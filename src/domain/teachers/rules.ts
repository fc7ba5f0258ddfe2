// 教师管理 (000 §7.1): the school's teacher roster. The same person rules as candidates (name, ID, gender,
// phone); 专任教师 counts per major feed the pilot application's 本专业专任教师数; invigilators come from it.
import { z } from "zod";
import { cleanCell } from "@/domain/candidates/identity";
import { cleanPerson, type Person } from "@/domain/candidates/rules";

export const TEACHER_TITLES = ["教授", "副教授", "讲师", "助教", "高级讲师", "高级实习指导教师", "正高级工程师", "高级工程师", "工程师", "其他"] as const;

export const teacherInputSchema = z.strictObject({
  id: z.uuid().optional(),
  name: z.string().max(60),
  gender: z.enum(["MALE", "FEMALE"]),
  idType: z.enum(["RESIDENT_ID", "HMT_RESIDENCE", "HK_MACAO_PERMIT", "TAIWAN_PERMIT", "PASSPORT"]),
  idNumber: z.string().max(40),
  phone: z.string().max(20),
  title: z.string().trim().max(20, "职称不能超过 20 字").nullish(),
  department: z.string().trim().max(40, "所在院系不能超过 40 字").nullish(),
  fullTime: z.boolean(),
  /** 任教专业 picked from the catalogue. */
  majorIds: z.array(z.uuid()).max(10, "任教专业最多 10 个"),
});
export type TeacherInput = z.infer<typeof teacherInputSchema>;

export type CleanTeacher = Person & { title: string | null; department: string | null; fullTime: boolean; majorCodes: string[] };

const YES = new Set(["是", "专任", "专职", "Y", "YES", "TRUE", "1"]);
const NO = new Set(["否", "兼职", "兼任", "外聘", "N", "NO", "FALSE", "0"]);

/** One form or import row: the person rules, then 职称, 所在院系, 是否专任 and 任教专业代码 (、 or , separated). */
export function cleanTeacher(raw: Record<string, unknown>, today: Date): { ok: true; value: CleanTeacher } | { ok: false; error: string } {
  const person = cleanPerson(raw, today);
  if (!person.ok) return person;
  const title = String(raw.title ?? "").trim() || null;
  if (title && title.length > 20) return { ok: false, error: "职称不能超过 20 字" };
  const department = String(raw.department ?? "").trim() || null;
  if (department && department.length > 40) return { ok: false, error: "所在院系不能超过 40 字" };
  let fullTime: boolean;
  if (typeof raw.fullTime === "boolean") fullTime = raw.fullTime;
  else {
    const f = cleanCell(raw.fullTime).toUpperCase();
    if (!f || YES.has(f)) fullTime = true;
    else if (NO.has(f)) fullTime = false;
    else return { ok: false, error: "是否专任教师应填「是」或「否」" };
  }
  const majorCodes = [
    ...new Set(
      String(raw.majorCodes ?? "")
        .split(/[、,，;；\s]+/)
        .map(cleanCell)
        .filter(Boolean),
    ),
  ];
  if (majorCodes.length > 10) return { ok: false, error: "任教专业最多 10 个" };
  if (majorCodes.some((c) => !/^\d{6}$/.test(c))) return { ok: false, error: "任教专业代码应为 6 位数字" };
  return { ok: true, value: { ...person.value, title, department, fullTime, majorCodes } };
}
