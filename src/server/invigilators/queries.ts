// Reads behind 监考人员: one invigilator for the edit form and 查看, and the certificates the school may choose.
import { notFound } from "@/server/errors";
import type { ReadCtx } from "@/server/use-case";
import type { SchoolScope } from "@/server/tenancy";
import { pilotCertificatesWhere } from "@/server/catalogue/pilots";
import { maskIdNumber, maskPhone } from "@/domain/auth/mask";

export async function invigilatorDetail({ ctx: { db, scope }, input: { id } }: { ctx: ReadCtx<SchoolScope>; input: { id: string } }) {
  const r = await db.invigilator.findFirst({
    where: { id, schoolId: scope.schoolId },
    include: {
      teacher: { select: { id: true, name: true, gender: true, idNumber: true, phone: true, title: true, department: true } },
      certificates: {
        include: { certificate: { select: { id: true, code: true, name: true, org: { select: { name: true } } } } },
        orderBy: { certificate: { code: "asc" } },
      },
    },
  });
  if (!r) throw notFound("监考人员不存在");
  const { idNumber, phone, ...teacher } = r.teacher;
  return {
    id: r.id,
    teacher: { ...teacher, idNumberMasked: maskIdNumber(idNumber), phoneMasked: maskPhone(phone) },
    certificates: r.certificates.map((c) => ({
      id: c.certificate.id,
      code: c.certificate.code,
      name: c.certificate.name,
      org: c.certificate.org.name,
      status: c.status,
      reason: c.reason,
      decidedAt: c.decidedAt,
    })),
  };
}

/** 监考证书 options: the certificates this account's school pilots. */
export async function invigilatorCertificates({ ctx: { db, scope } }: { ctx: ReadCtx<SchoolScope> }) {
  return db.certificate.findMany({
    where: pilotCertificatesWhere(scope),
    select: { id: true, code: true, name: true, org: { select: { name: true } } },
    orderBy: { code: "asc" },
  });
}
