// 考生管理 list (004): photo, 学生信息, 专业信息, 已报考证书, school; tabs by information status.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { candidatesWhere } from "./scope";
import { CANDIDATE_STATUS_LABELS, CANDIDATE_TYPE_LABELS, GENDER_LABELS } from "@/domain/candidates/rules";
import { ID_TYPE_LABELS } from "@/domain/candidates/identity";
import { MAJOR_LEVEL_LABELS } from "@/domain/catalogue/labels";
import { maskIdNumber, maskPhone } from "@/domain/auth/mask";

const text = z.string().trim().max(40).optional();
const filter = z.strictObject({ type: z.enum(["SCHOOL", "SOCIAL"]).optional(), name: text, number: text, idNumber: text });
type Filter = z.infer<typeof filter>;
const include = {
  major: { select: { code: true, name: true, catalogVersion: true } },
  school: { select: { name: true } },
  _count: { select: { registrations: true } },
} satisfies Prisma.CandidateInclude;
type Raw = Prisma.CandidateGetPayload<{ include: typeof include }>;

/** What leaves the server for a list row: ID number and phone masked. */
export type CandidateRow = Omit<Raw, "idNumber" | "phone" | "_count"> & {
  idNumberMasked: string;
  phoneMasked: string | null;
  registeredCount: number;
  fullIdNumber: string;
  fullPhone: string | null;
};

export const candidateList: ListDef<Filter, CandidateRow, Prisma.CandidateWhereInput> = {
  name: "candidates",
  title: "考生信息",
  permissions: ["school.candidates"],
  filter,
  where: (_db, scope, f) =>
    and<Prisma.CandidateWhereInput>(
      candidatesWhere(scope),
      f.type ? { type: f.type } : null,
      f.name ? { name: { contains: f.name } } : null,
      f.number ? { number: { startsWith: f.number } } : null,
      f.idNumber ? { idNumber: { startsWith: f.idNumber.toUpperCase() } } : null,
    ),
  tabs: (Object.keys(CANDIDATE_STATUS_LABELS) as (keyof typeof CANDIDATE_STATUS_LABELS)[]).map((s) => ({
    value: s,
    label: CANDIDATE_STATUS_LABELS[s],
    where: { status: s },
  })),
  count: (db, w) => db.candidate.count({ where: w }),
  rows: async (db, w, p) => {
    const rows = await db.candidate.findMany({
      where: and(w, afterIdWhere(p.afterId)),
      include,
      orderBy: p.byId ? { id: "asc" } : [{ createdAt: "desc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    return rows.map(({ idNumber, phone, _count, ...r }) => ({
      ...r,
      idNumberMasked: maskIdNumber(idNumber),
      phoneMasked: maskPhone(phone),
      registeredCount: _count.registrations,
      fullIdNumber: idNumber,
      fullPhone: phone,
    }));
  },
  present: (r) => ({ ...r, fullIdNumber: "", fullPhone: null }),
  // The export feeds 批量修改 (export, fix, re-import by ID number), so it carries full numbers; it needs an SMS code.
  columns: [
    { header: "考生类型", value: (r) => CANDIDATE_TYPE_LABELS[r.type] },
    { header: "姓名", value: (r) => r.name },
    { header: "姓名拼音", width: 20, value: (r) => r.pinyin },
    { header: "性别", value: (r) => GENDER_LABELS[r.gender] },
    { header: "证件类型", width: 16, value: (r) => ID_TYPE_LABELS[r.idType] },
    { header: "证件号码", width: 22, value: (r) => r.fullIdNumber },
    { header: "手机号", width: 14, value: (r) => r.fullPhone },
    { header: "入学年份", value: (r) => r.enrolYear },
    { header: "专业层次", value: (r) => (r.majorLevel ? MAJOR_LEVEL_LABELS[r.majorLevel] : "") },
    { header: "专业代码", value: (r) => r.major?.code },
    { header: "就读专业", width: 24, value: (r) => r.major?.name },
    { header: "考生编号", width: 30, value: (r) => r.number },
    { header: "已报考证书", value: (r) => r.registeredCount },
    { header: "所属院校", width: 30, value: (r) => r.school.name },
    { header: "信息状态", value: (r) => CANDIDATE_STATUS_LABELS[r.status] },
  ],
};
