// 报考管理 (school) and 报考信息 (org) on the list engine: tabs 未排考 / 待考试 / 考试中 / 已结束 are the sittings'
// schedule and times at this moment; filters by plan, certificate, candidate, 已缴费 and (org) school.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Scope } from "@/server/tenancy";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { CANDIDATE_TYPE_LABELS, GENDER_LABELS } from "@/domain/candidates/rules";
import { ID_TYPE_LABELS } from "@/domain/candidates/identity";
import { maskIdNumber, maskPhone } from "@/domain/auth/mask";
import { REGISTRATION_STATUS_LABELS, registrationStatus, type RegistrationStatus } from "@/domain/registrations/rules";
import { beijingMinute } from "@/domain/text";
import { registrationsWhere } from "./scope";

const text = z.string().trim().max(60).optional();
export const registrationFilter = z.strictObject({
  planId: z.uuid().optional(),
  plan: text,
  certificate: text,
  name: text,
  idNumber: text,
  school: text,
  paid: z.enum(["yes", "no"]).optional(),
});
const include = {
  plan: { select: { code: true, name: true } },
  school: { select: { name: true } },
  certificateLevel: { select: { code: true, level: true, certificate: { select: { name: true } } } },
  paymentOrder: { select: { number: true } },
  subjects: {
    select: {
      scheduledAt: true,
      planSubject: { select: { startsAt: true, endsAt: true, publishedAt: true, subject: { select: { code: true, name: true } } } },
    },
  },
} satisfies Prisma.RegistrationInclude;
type Raw = Prisma.RegistrationGetPayload<{ include: typeof include }>;
export type RegistrationRow = Omit<Raw, "idNumber" | "phone"> & {
  status: RegistrationStatus;
  certificate: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  fullIdNumber: string;
  fullPhone: string | null;
};

function statusWhere(s: RegistrationStatus, now: Date): Prisma.RegistrationWhereInput {
  const inExam = { planSubject: { startsAt: { lte: now }, endsAt: { gt: now } } };
  if (s === "ENDED") return { subjects: { every: { planSubject: { endsAt: { lte: now } } } } };
  const open = { subjects: { some: { planSubject: { endsAt: { gt: now } } } } };
  // Scheduled means published: before 发布 the school sees 未排考.
  const pending = { OR: [{ scheduledAt: null }, { planSubject: { publishedAt: null } }] };
  if (s === "UNSCHEDULED") return { AND: [open, { subjects: { some: pending } }] };
  const scheduled = { subjects: { none: pending } };
  return { AND: [open, scheduled, s === "IN_EXAM" ? { subjects: { some: inExam } } : { subjects: { none: inExam } }] };
}

/** The query fields of a list of registrations (报考信息, 考证结果): plan, certificate, candidate and (org) school. */
export function registrationFilterWhere(scope: Scope, f: Omit<z.infer<typeof registrationFilter>, "paid">): Prisma.RegistrationWhereInput {
  return and<Prisma.RegistrationWhereInput>(
    f.planId ? { planId: f.planId } : null,
    f.plan ? { plan: { OR: [{ name: { contains: f.plan } }, { code: { startsWith: f.plan } }] } } : null,
    f.certificate ? { certificateLevel: { certificate: { name: { contains: f.certificate } } } } : null,
    f.name ? { name: { contains: f.name } } : null,
    f.idNumber ? { idNumber: { startsWith: f.idNumber.toUpperCase() } } : null,
    f.school && scope.kind === "org" ? { school: { name: { contains: f.school } } } : null,
  );
}

export const registrationList: ListDef<z.infer<typeof registrationFilter>, RegistrationRow, Prisma.RegistrationWhereInput> = {
  name: "registrations",
  title: "报考信息",
  permissions: ["school.registrations", "org.registrations"],
  filter: registrationFilter,
  where: (_db, scope, f) =>
    and<Prisma.RegistrationWhereInput>(
      registrationsWhere(scope),
      registrationFilterWhere(scope, f),
      f.paid ? { paidAt: f.paid === "yes" ? { not: null } : null } : null,
    ),
  tabs: (now) =>
    (Object.keys(REGISTRATION_STATUS_LABELS) as RegistrationStatus[]).map((s) => ({
      value: s,
      label: REGISTRATION_STATUS_LABELS[s],
      where: statusWhere(s, now),
    })),
  count: (db, where) => db.registration.count({ where }),
  rows: async (db, where, p, { now }) => {
    const rows = await db.registration.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include,
      orderBy: p.byId ? { id: "asc" } : [{ createdAt: "desc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    return rows.map(({ idNumber, phone, ...r }) => ({
      ...r,
      subjects: [...r.subjects].sort((a, b) => a.planSubject.startsAt.getTime() - b.planSubject.startsAt.getTime()),
      status: registrationStatus(
        r.subjects.map((s) => ({ scheduled: !!s.scheduledAt && !!s.planSubject.publishedAt, startsAt: s.planSubject.startsAt, endsAt: s.planSubject.endsAt })),
        now,
      ),
      certificate: `${r.certificateLevel.certificate.name}（${LEVEL_LABELS[r.certificateLevel.level]}）`,
      idNumberMasked: maskIdNumber(idNumber),
      phoneMasked: maskPhone(phone),
      fullIdNumber: idNumber,
      fullPhone: phone,
    }));
  },
  present: (r) => ({ ...r, fullIdNumber: "", fullPhone: null }),
  columns: [
    { header: "考试计划编号", width: 16, value: (r) => r.plan.code },
    { header: "考试计划", width: 36, value: (r) => r.plan.name },
    { header: "证书编号", value: (r) => r.certificateLevel.code },
    { header: "考核证书", width: 40, value: (r) => r.certificate },
    { header: "报考科目", width: 40, value: (r) => r.subjects.map((s) => `${s.planSubject.subject.code} ${s.planSubject.subject.name}`).join("\n") },
    { header: "姓名", value: (r) => r.name },
    { header: "姓名拼音", width: 20, value: (r) => r.pinyin },
    { header: "性别", value: (r) => GENDER_LABELS[r.gender] },
    { header: "证件类型", width: 16, value: (r) => ID_TYPE_LABELS[r.idType] },
    { header: "证件号码", width: 22, value: (r) => r.fullIdNumber },
    { header: "手机号", width: 14, value: (r) => r.fullPhone },
    { header: "考生类型", value: (r) => CANDIDATE_TYPE_LABELS[r.candidateType] },
    { header: "专业", width: 24, value: (r) => r.majorName },
    { header: "参考对象", value: (r) => r.targetGroup },
    { header: "所属院校", width: 28, value: (r) => r.school.name },
    { header: "状态", value: (r) => REGISTRATION_STATUS_LABELS[r.status] },
    { header: "已缴费", value: (r) => (r.paidAt ? "已缴费" : "未缴费") },
    { header: "缴费单号", width: 20, value: (r) => r.paymentOrder?.number },
    { header: "报考时间", width: 18, value: (r) => beijingMinute(r.createdAt) },
  ],
};
