// Reads behind 报考管理: one registration with its sittings (the school its own, the org those of its plans), a
// candidate's registrations (考生详情's 已报考证书), the plans open for registration and the candidates to pick.
import { z } from "zod";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { ReadCtx } from "@/server/use-case";
import type { SchoolScope } from "@/server/tenancy";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { maskIdNumber, maskPhone } from "@/domain/auth/mask";
import { REGISTRATION_STATUS_LABELS, registrationStatus } from "@/domain/registrations/rules";
import { registrationContext } from "./context";
import { registrationsWhere } from "./scope";

const sittingsSelect = {
  scheduledAt: true,
  planSubject: {
    select: { startsAt: true, endsAt: true, publishedAt: true, subject: { select: { code: true, name: true, examMode: true, targetGroup: true } } },
  },
} as const;

const statusOf = (subjects: { scheduledAt: Date | null; planSubject: { startsAt: Date; endsAt: Date; publishedAt: Date | null } }[], now: Date) =>
  registrationStatus(
    subjects.map((s) => ({ scheduled: !!s.scheduledAt && !!s.planSubject.publishedAt, startsAt: s.planSubject.startsAt, endsAt: s.planSubject.endsAt })),
    now,
  );

export async function registrationsOfCandidate(db: Db, candidateId: string, now: Date) {
  const rows = await db.registration.findMany({
    where: { candidateId },
    orderBy: { createdAt: "desc" },
    select: {
      plan: { select: { name: true } },
      certificateLevel: { select: { level: true, certificate: { select: { name: true } } } },
      paidAt: true,
      subjects: { select: sittingsSelect },
    },
  });
  return rows.map((r) => ({
    certificate: r.certificateLevel.certificate.name,
    level: LEVEL_LABELS[r.certificateLevel.level],
    plan: r.plan.name,
    status: `${REGISTRATION_STATUS_LABELS[statusOf(r.subjects, now)]}${r.paidAt ? "，已缴费" : ""}`,
  }));
}

export async function registrationDetail({ ctx: { db, scope, clock }, input: { id } }: { ctx: ReadCtx; input: { id: string } }) {
  const r = await db.registration.findFirst({
    where: { AND: [{ id }, registrationsWhere(scope)] },
    include: {
      plan: { select: { code: true, name: true, registrationMode: true, org: { select: { name: true } } } },
      certificateLevel: { select: { code: true, level: true, certificate: { select: { name: true } } } },
      school: { select: { name: true } },
      paymentOrder: { select: { number: true, status: true } },
      subjects: { select: sittingsSelect, orderBy: { planSubject: { startsAt: "asc" } } },
    },
  });
  if (!r) throw notFound("报考信息不存在");
  const { idNumber, phone, subjects, ...rest } = r;
  return {
    ...rest,
    idNumberMasked: maskIdNumber(idNumber),
    phoneMasked: maskPhone(phone),
    // The org corrects the phone, so it sees the number it edits.
    phone: scope.kind === "org" ? phone : null,
    status: statusOf(subjects, clock.now()),
    subjects: subjects.map((s) => ({
      ...s.planSubject.subject,
      startsAt: s.planSubject.startsAt,
      endsAt: s.planSubject.endsAt,
      scheduled: !!s.scheduledAt && !!s.planSubject.publishedAt,
    })),
  };
}

/** 选择考试计划: the school's plans open for registration now, with the levels (and subjects) it may register for. */
export async function registrationPlans({ ctx: { db, scope, clock } }: { ctx: ReadCtx<SchoolScope> }) {
  const now = clock.now();
  const plans = await db.examPlan.findMany({
    where: { schools: { some: { schoolId: scope.schoolId } }, registrationStartsAt: { lte: now }, registrationEndsAt: { gt: now } },
    orderBy: { registrationEndsAt: "asc" },
    select: { id: true },
    take: 100,
  });
  const out = [];
  for (const p of plans) {
    const c = await registrationContext(db, scope, "", p.id, now);
    if (c.ok && c.value.levels.length) out.push({ ...c.value.plan, levels: c.value.levels });
  }
  return out;
}

export const candidateSearchSchema = z.strictObject({ q: z.string().trim().max(40) });

/** 选择考生: the school's own candidates by name or ID number, for the single registration. */
export async function registrationCandidates({
  ctx: { db, scope },
  input: { q },
}: {
  ctx: ReadCtx<SchoolScope>;
  input: z.infer<typeof candidateSearchSchema>;
}) {
  if (!q) return [];
  const rows = await db.candidate.findMany({
    where: { schoolId: scope.schoolId, OR: [{ name: { contains: q } }, { idNumber: { startsWith: q.toUpperCase() } }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 20,
    select: { id: true, name: true, idNumber: true, status: true, type: true, major: { select: { name: true } } },
  });
  return rows.map(({ idNumber, ...c }) => ({ ...c, idNumberMasked: maskIdNumber(idNumber) }));
}
