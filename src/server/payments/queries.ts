// Reads behind 缴费管理: one order with its lines and registrations (the school its own, the org those made out to
// it), and the school's choices for a new order (plans in 报考 with the levels that have registrations to pay).
import { notFound } from "@/server/errors";
import type { ReadCtx } from "@/server/use-case";
import type { SchoolScope } from "@/server/tenancy";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { maskIdNumber } from "@/domain/auth/mask";
import { paymentOrdersWhere } from "./scope";

export async function paymentOrderDetail({ ctx: { db, scope }, input: { id } }: { ctx: ReadCtx; input: { id: string } }) {
  const o = await db.paymentOrder.findFirst({
    where: { AND: [{ id }, paymentOrdersWhere(scope)] },
    include: {
      school: { select: { name: true } },
      org: { select: { name: true } },
      plan: { select: { code: true, name: true } },
      certificateLevel: { select: { code: true, level: true, certificate: { select: { name: true } } } },
      lines: { orderBy: { seq: "asc" } },
      registrations: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 1000,
        select: {
          id: true,
          name: true,
          idNumber: true,
          paidAt: true,
          subjects: { select: { planSubject: { select: { subject: { select: { name: true } } } } } },
        },
      },
      _count: { select: { registrations: true } },
    },
  });
  if (!o) throw notFound("缴费申请单不存在");
  const { registrations, certificateLevel: l, ...rest } = o;
  return {
    ...rest,
    certificate: `${l.certificate.name}（${LEVEL_LABELS[l.level]}）`,
    certificateCode: l.code,
    registrations: registrations.map(({ idNumber, subjects, ...r }) => ({
      ...r,
      idNumberMasked: maskIdNumber(idNumber),
      subjects: subjects.map((s) => s.planSubject.subject.name),
    })),
  };
}

/** 选择考试计划 / 考核证书 for a new order: plans in 报考 of this mode, levels with unpaid registrations off any order. */
export async function paymentOrderOptions({ ctx: { db, scope, clock } }: { ctx: ReadCtx<SchoolScope> }) {
  const now = clock.now();
  const plans = await db.examPlan.findMany({
    where: { schools: { some: { schoolId: scope.schoolId } }, registrationStartsAt: { lte: now }, registrationEndsAt: { gt: now } },
    orderBy: { registrationEndsAt: "asc" },
    take: 100,
    select: { id: true, name: true, code: true, registrationMode: true },
  });
  const open = await db.registration.groupBy({
    by: ["planId", "certificateLevelId"],
    where: {
      planId: { in: plans.map((p) => p.id) },
      schoolId: scope.schoolId,
      paymentOrderId: null,
      paidAt: null,
      ...(scope.certificateLevelIds ? { certificateLevelId: { in: scope.certificateLevelIds } } : {}),
    },
    _count: { _all: true },
  });
  const levels = await db.certificateLevel.findMany({
    where: { id: { in: [...new Set(open.map((o) => o.certificateLevelId))] } },
    select: { id: true, code: true, level: true, certificate: { select: { name: true } } },
  });
  return plans.map((p) => ({
    ...p,
    levels: open
      .filter((o) => o.planId === p.id)
      .map((o) => {
        const l = levels.find((x) => x.id === o.certificateLevelId)!;
        return { id: l.id, code: l.code, label: `${l.certificate.name}（${LEVEL_LABELS[l.level]}）`, open: o._count._all };
      })
      .sort((a, b) => a.code.localeCompare(b.code)),
  }));
}
