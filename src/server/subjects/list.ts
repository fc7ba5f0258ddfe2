// 考试科目 (002 §5.2.1) for a school: the subjects of the certificate levels it pilots, read-only, with who sits
// them (参考对象), the duration and the pass mark.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { scopeFor } from "@/server/tenancy";
import { pilotLevelsWhere } from "@/server/catalogue/pilots";
import { EXAM_MODE_LABELS, LEVEL_LABELS, RECORD_STATUS_LABELS } from "@/domain/catalogue/labels";

const text = z.string().trim().max(60).optional();
const filter = z.strictObject({ code: text, name: text, examMode: z.enum(["COMPUTER", "PRACTICAL", "WRITTEN"]).optional() });
const include = {
  certificateLevel: { select: { code: true, level: true, certificate: { select: { name: true, org: { select: { name: true } } } } } },
} satisfies Prisma.ExamSubjectInclude;
export type SubjectRow = Prisma.ExamSubjectGetPayload<{ include: typeof include }>;

export const subjectList: ListDef<z.infer<typeof filter>, SubjectRow, Prisma.ExamSubjectWhereInput> = {
  name: "subjects",
  title: "考试科目",
  permissions: ["school.subjects"],
  filter,
  where: (_db, scope, f) =>
    and<Prisma.ExamSubjectWhereInput>(
      { certificateLevel: pilotLevelsWhere(scopeFor(scope, "school")) },
      f.code ? { code: { startsWith: f.code } } : null,
      f.name ? { name: { contains: f.name } } : null,
      f.examMode ? { examMode: f.examMode } : null,
    ),
  tabs: [
    { value: "ENABLED", label: "已启用", where: { status: "ENABLED" } },
    { value: "DISABLED", label: "已停用", where: { status: "DISABLED" } },
  ],
  count: (db, where) => db.examSubject.count({ where }),
  rows: (db, where, p) =>
    db.examSubject.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include,
      orderBy: p.byId ? { id: "asc" } : [{ code: "asc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    }),
  columns: [
    { header: "科目编号", width: 16, value: (r) => r.code },
    { header: "科目名称", width: 28, value: (r) => r.name },
    { header: "考试方式", value: (r) => EXAM_MODE_LABELS[r.examMode] },
    { header: "考核证书", width: 40, value: (r) => `${r.certificateLevel.certificate.name}（${LEVEL_LABELS[r.certificateLevel.level]}）` },
    { header: "考核单位", width: 28, value: (r) => r.certificateLevel.certificate.org.name },
    { header: "参考对象", value: (r) => r.targetGroup },
    { header: "考试时长（分钟）", value: (r) => r.durationMinutes },
    { header: "合格分数", value: (r) => r.passScore },
    { header: "满分", value: (r) => r.fullScore },
    { header: "科目状态", value: (r) => RECORD_STATUS_LABELS[r.status] },
  ],
};
