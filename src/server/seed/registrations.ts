// Demo sections for registrations and payments (issue 14): every org's 收费标准, and 北方工业大学's registrations in
// its plans — paid (confirmed orders) for plans past 报考, an unconfirmed order and unpaid ones in the plan open now —
// made through the same check-and-place path and order writer the platform uses.
import { sqlOf, type Tx } from "@/server/db";
import { planContext } from "@/server/registrations/context";
import { checkRegistrationRows, placeRegistrations } from "@/server/registrations/place";
import { writeOrder } from "@/server/payments/create-order";
import { readAndPlace, writeSchedule } from "@/server/scheduling/run-scheduling";

const day = 86_400_000;
const DEMO_STUDENT = "110108200503011237";
const LEVEL_FEES = { JUNIOR: 38_000, INTERMEDIATE: 48_000, SENIOR: 58_000 } as const;
const SUBJECT_FEES = { COMPUTER: 15_000, PRACTICAL: 23_000, WRITTEN: 12_000 } as const;

export async function seedFees(tx: Tx): Promise<void> {
  if (await tx.examFee.count()) return;
  const levels = await tx.certificateLevel.findMany({
    select: { id: true, level: true, certificate: { select: { orgId: true } }, subjects: { select: { id: true, examMode: true } } },
  });
  for (const l of levels) {
    const orgId = l.certificate.orgId;
    await tx.examFee.create({ data: { orgId, certificateLevelId: l.id, amount: LEVEL_FEES[l.level] } });
    for (const s of l.subjects) await tx.examFee.create({ data: { orgId, subjectId: s.id, amount: SUBJECT_FEES[s.examMode] } });
  }
}

export async function seedRegistrations(tx: Tx, now: Date): Promise<void> {
  if (await tx.registration.count()) return;
  const school = await tx.school.findUnique({ where: { code: "4111010009" }, include: { users: { where: { role: "SCHOOL_PRINCIPAL" }, take: 1 } } });
  if (!school) return;
  const principal = school.users[0]?.id;
  if (!principal) return;
  const candidates = await tx.candidate.findMany({
    where: { schoolId: school.id, status: "VERIFIED" },
    orderBy: { createdAt: "asc" },
    select: { name: true, idNumber: true, user: { select: { account: true } } },
  });
  // The demo student sits every plan, so 我的准考证 has tickets to show.
  candidates.sort((a, b) => Number(b.user?.account === DEMO_STUDENT) - Number(a.user?.account === DEMO_STUDENT));
  const plans = await tx.examPlan.findMany({
    where: { schools: { some: { schoolId: school.id } }, registrationStartsAt: { lte: now } },
    orderBy: { registrationStartsAt: "asc" },
  });
  const sql = sqlOf(tx);
  for (const plan of plans) {
    const ctx = await planContext(tx, { schoolId: school.id, certificateLevelIds: null }, principal, plan.id);
    if (!ctx) continue;
    const open = plan.registrationEndsAt > now;
    // Registered a day after 报考 opened (or an hour ago, for a plan that opened today).
    const at = new Date(Math.min(plan.registrationStartsAt.getTime() + day, now.getTime() - 3_600_000));
    for (const [k, level] of ctx.levels.entries()) {
      if (plan.year > new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear()) await quotaForYear(tx, school.id, level.id, plan.year);
      const rows = candidates.map((c) => ({ name: c.name, idNumber: c.idNumber, levelCode: level.code, subjectCodes: [], declared: null }));
      const fit = (await checkRegistrationRows(sql, rows, ctx, level)).flatMap((c) => (c.ok ? [c.value] : []));
      const placed = fit.slice(0, Math.max(3, 9 - k * 2));
      if (placed.length === 0) continue;
      const refused = await placeRegistrations(sql, placed, ctx, { now: new Date(at.getTime() + k * 60_000), importId: null, createdById: principal });
      if (refused.size === placed.length) continue;
      // Past 报考: ordered and confirmed. Open now: the first level on an order awaiting confirmation, the rest unpaid.
      if (open && k > 0) continue;
      const fee = await tx.examFee.findUnique({ where: { certificateLevelId: level.id }, select: { amount: true } });
      const orderedAt = new Date(Math.min(at.getTime() + 2 * 3_600_000, now.getTime() - 1_800_000));
      const order = await writeOrder(tx, {
        schoolId: school.id,
        plan,
        level: { id: level.id, fee },
        label: level.label,
        mode: ctx.plan.registrationMode,
        now: orderedAt,
        createdById: principal,
      });
      if (open) continue;
      const confirmedAt = new Date(orderedAt.getTime() + 2 * day);
      await tx.registration.updateMany({ where: { paymentOrderId: order.id }, data: { paidAt: confirmedAt } });
      await tx.paymentOrder.update({ where: { id: order.id }, data: { status: "CONFIRMED", confirmedAt } });
    }
  }
}

/**
 * A plan whose exam falls in the next year (late December) needs that year's quota: the demo school's latest approved
 * application for the level, approved again for that year, so the demo never depends on the day it is started.
 */
async function quotaForYear(tx: Tx, schoolId: string, certificateLevelId: string, year: number) {
  if (await tx.pilotApplication.count({ where: { schoolId, certificateLevelId, year } })) return;
  const last = await tx.pilotApplication.findFirst({ where: { schoolId, certificateLevelId, status: "APPROVED" }, orderBy: { year: "desc" } });
  if (!last) return;
  await tx.pilotApplication.create({
    data: { schoolId, certificateLevelId, year, batch: last.batch, status: "APPROVED", requestedTotal: last.requestedTotal, approvedTotal: last.approvedTotal },
  });
}

/**
 * 排考 of the plans whose 排考 window is over (the ended one, the one in its exam days), run by the platform's own
 * scheduler a day into the window and published an hour later; the plan scheduling now stays unscheduled.
 */
export async function seedSchedules(tx: Tx, now: Date): Promise<void> {
  if (await tx.roomSchedule.count()) return;
  const plans = await tx.examPlan.findMany({
    where: { schedulingEndsAt: { lte: now }, registrations: { some: {} } },
    orderBy: { schedulingStartsAt: "asc" },
    select: { id: true, orgId: true, schedulingStartsAt: true },
  });
  for (const plan of plans) {
    const at = new Date(plan.schedulingStartsAt.getTime() + day);
    const placed = await readAndPlace(tx, plan.orgId, plan.id, undefined, at);
    await writeSchedule(tx, placed, at);
    await tx.examPlanSubject.updateMany({ where: { planId: plan.id, scheduledAt: { not: null } }, data: { publishedAt: new Date(at.getTime() + 3_600_000) } });
  }
}
