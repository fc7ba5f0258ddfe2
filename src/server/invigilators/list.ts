// 监考人员 (school: one row per person with each certificate's state) and 考评人员认证 (org: one row per person and
// certificate addressed to it) on the list engine.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { scopeFor } from "@/server/tenancy";
import { maskIdNumber, maskPhone } from "@/domain/auth/mask";
import { GENDER_LABELS } from "@/domain/candidates/rules";
import { INVIGILATOR_STATUS_LABELS, type InvigilatorStatus } from "@/domain/invigilators/rules";

const text = z.string().trim().max(40).optional();
const statuses = Object.keys(INVIGILATOR_STATUS_LABELS) as InvigilatorStatus[];

const schoolFilter = z.strictObject({ name: text, certificate: text });
const include = {
  teacher: { select: { name: true, gender: true, idNumber: true, phone: true, title: true, department: true } },
  certificates: {
    select: { id: true, status: true, reason: true, certificate: { select: { code: true, name: true } } },
    orderBy: { certificate: { code: "asc" } },
  },
} satisfies Prisma.InvigilatorInclude;
type Raw = Prisma.InvigilatorGetPayload<{ include: typeof include }>;
export type InvigilatorRow = Omit<Raw, "teacher"> & {
  teacher: Omit<Raw["teacher"], "idNumber" | "phone"> & { idNumberMasked: string; phoneMasked: string | null };
};

export const invigilatorList: ListDef<z.infer<typeof schoolFilter>, InvigilatorRow, Prisma.InvigilatorWhereInput> = {
  name: "invigilators",
  title: "监考人员",
  permissions: ["school.invigilators"],
  filter: schoolFilter,
  where: (_db, scope, f) =>
    and<Prisma.InvigilatorWhereInput>(
      { schoolId: scopeFor(scope, "school").schoolId },
      f.name ? { teacher: { name: { contains: f.name } } } : null,
      f.certificate ? { certificates: { some: { certificate: { name: { contains: f.certificate } } } } } : null,
    ),
  tabs: statuses.map((s) => ({ value: s, label: `含${INVIGILATOR_STATUS_LABELS[s]}`, where: { certificates: { some: { status: s } } } })),
  count: (db, where) => db.invigilator.count({ where }),
  rows: async (db, where, p) => {
    const rows = await db.invigilator.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include,
      orderBy: p.byId ? { id: "asc" } : [{ createdAt: "desc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    return rows.map(({ teacher: { idNumber, phone, ...t }, ...r }) => ({
      ...r,
      teacher: { ...t, idNumberMasked: maskIdNumber(idNumber), phoneMasked: maskPhone(phone) },
    }));
  },
  columns: [
    { header: "姓名", value: (r) => r.teacher.name },
    { header: "性别", value: (r) => GENDER_LABELS[r.teacher.gender] },
    { header: "证件号码", width: 22, value: (r) => r.teacher.idNumberMasked },
    { header: "职称", value: (r) => r.teacher.title },
    { header: "所在院系", width: 20, value: (r) => r.teacher.department },
    {
      header: "监考证书及认证状态",
      width: 60,
      value: (r) => r.certificates.map((c) => `${c.certificate.name}：${INVIGILATOR_STATUS_LABELS[c.status]}${c.reason ? `（${c.reason}）` : ""}`).join("\n"),
    },
  ],
};

const orgFilter = z.strictObject({ name: text, school: text, certificate: text });
const certInclude = {
  certificate: { select: { code: true, name: true } },
  invigilator: {
    select: {
      teacher: { select: { name: true, gender: true, idNumber: true, phone: true, title: true, department: true } },
      school: { select: { name: true } },
    },
  },
} satisfies Prisma.InvigilatorCertificateInclude;
type CertRaw = Prisma.InvigilatorCertificateGetPayload<{ include: typeof certInclude }>;
export type CertificationRow = Omit<CertRaw, "invigilator"> & {
  name: string;
  gender: "MALE" | "FEMALE";
  idNumberMasked: string;
  phoneMasked: string | null;
  title: string | null;
  department: string | null;
  school: string;
};

export const certificationList: ListDef<z.infer<typeof orgFilter>, CertificationRow, Prisma.InvigilatorCertificateWhereInput> = {
  name: "invigilatorCertifications",
  title: "考评人员认证",
  permissions: ["org.invigilators"],
  filter: orgFilter,
  where: (_db, scope, f) =>
    and<Prisma.InvigilatorCertificateWhereInput>(
      { orgId: scopeFor(scope, "org").orgId },
      f.name ? { invigilator: { teacher: { name: { contains: f.name } } } } : null,
      f.school ? { invigilator: { school: { name: { contains: f.school } } } } : null,
      f.certificate ? { certificate: { name: { contains: f.certificate } } } : null,
    ),
  tabs: statuses.map((s) => ({ value: s, label: INVIGILATOR_STATUS_LABELS[s], where: { status: s } })),
  count: (db, where) => db.invigilatorCertificate.count({ where }),
  rows: async (db, where, p) => {
    const rows = await db.invigilatorCertificate.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include: certInclude,
      orderBy: p.byId ? { id: "asc" } : [{ createdAt: "desc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    return rows.map(({ invigilator: { teacher, school }, ...r }) => ({
      ...r,
      name: teacher.name,
      gender: teacher.gender,
      idNumberMasked: maskIdNumber(teacher.idNumber),
      phoneMasked: maskPhone(teacher.phone),
      title: teacher.title,
      department: teacher.department,
      school: school.name,
    }));
  },
  columns: [
    { header: "姓名", value: (r) => r.name },
    { header: "性别", value: (r) => GENDER_LABELS[r.gender] },
    { header: "证件号码", width: 22, value: (r) => r.idNumberMasked },
    { header: "所属院校", width: 28, value: (r) => r.school },
    { header: "职称", value: (r) => r.title },
    { header: "监考证书", width: 36, value: (r) => r.certificate.name },
    { header: "认证状态", value: (r) => INVIGILATOR_STATUS_LABELS[r.status] },
    { header: "不通过原因", width: 30, value: (r) => r.reason },
  ],
};
