// Departments review the weekly reports of their region, see who has not submitted this period, and the
// province sets the cadence (周报 or 半月报) for its schools.
import { badRequest, conflict, forbidden, notFound } from "@/server/errors";
import { schoolsInRegion, type DepartmentScope } from "@/server/tenancy";
import { change, type ReadCtx, type UseCaseCtx } from "@/server/use-case";
import { notify, recordEvent, unitLabel } from "@/server/reviews/events";
import { CADENCE_LABELS, periodLabel, periodOf, type Cadence } from "@/domain/reports/period";
import { returnReasonProblem } from "@/domain/pilots/review";
import { cadenceForRegion } from "./scope";

export async function decideReport({ ctx, input }: { ctx: UseCaseCtx<DepartmentScope>; input: { id: string; approve: boolean; reason?: string } }) {
  const { db, clock, scope: d } = ctx;
  const r = await db.weeklyReport.findFirst({
    where: { id: input.id, school: schoolsInRegion(d), status: { not: "DRAFT" } },
    include: { school: { select: { name: true, users: { where: { role: "SCHOOL_PRINCIPAL" }, select: { phone: true } } } } },
  });
  if (!r) throw notFound("周报不存在");
  if (r.status !== "PENDING") throw badRequest("该周报不是待审核状态");
  const reason = input.reason?.trim() ?? "";
  if (!input.approve) {
    const problem = returnReasonProblem(reason);
    if (problem) throw badRequest(problem);
  }
  const now = clock.now();
  const label = periodLabel(r.cadence, r.periodStart, r.periodEnd);
  const actorLabel = await unitLabel(db, ctx.actor);
  await change(
    ctx,
    async (tx) => {
      const claimed = await tx.weeklyReport.updateMany({
        where: { id: r.id, status: "PENDING" },
        data: { status: input.approve ? "APPROVED" : "RETURNED", reviewedAt: now, returnReason: input.approve ? null : reason },
      });
      if (claimed.count === 0) throw conflict("该周报已被审核或撤回，请刷新后查看");
      await recordEvent(tx, { weeklyReportId: r.id }, { action: input.approve ? "APPROVE" : "RETURN", reason: reason || null }, ctx.actor, now, actorLabel);
    },
    {
      action: input.approve ? "report.approve" : "report.return",
      targetType: "WeeklyReport",
      targetId: r.id,
      summary: `${input.approve ? "通过" : "退回"} ${r.school.name} 周报 ${label}`,
    },
  );
  if (!input.approve) await notify(ctx.sms, r.school.users[0]?.phone, `贵校${label}的周报被退回，原因：${reason.slice(0, 60)}。请在本期结束前修改后重新提交。`);
  return { ok: true };
}

/** The region's pilot schools that have not submitted this period's report (the list is missingReportList). */
export function missingWhere(d: DepartmentScope, periodStart: string) {
  return {
    ...schoolsInRegion(d),
    isPilot: true,
    status: "REGISTERED" as const,
    weeklyReports: { none: { periodStart, status: { in: ["PENDING" as const, "APPROVED" as const] } } },
  };
}

/** The heading of 本期未提交院校: the period, how many pilot schools the region has and how many are missing. */
export async function missingSummary({ ctx }: { ctx: ReadCtx<DepartmentScope> }) {
  const { db, clock, scope: d } = ctx;
  const cadence = await cadenceForRegion(db, d.provinceCode);
  const p = periodOf(cadence, clock.now());
  const [total, schools] = await Promise.all([
    db.school.count({ where: missingWhere(d, p.start) }),
    db.school.count({ where: { ...schoolsInRegion(d), isPilot: true, status: "REGISTERED" } }),
  ]);
  return { period: { cadence, label: p.label, start: p.start, end: p.end }, total, schools };
}

export async function getCadence({ ctx: { db, scope: d } }: { ctx: ReadCtx<DepartmentScope> }) {
  return { cadence: await cadenceForRegion(db, d.provinceCode), canSet: d.level === "PROVINCE" };
}

/** Province only; applies to reports started from now on (a report keeps the period it was started in). */
export async function setCadence({ ctx, input: { cadence } }: { ctx: UseCaseCtx<DepartmentScope>; input: { cadence: Cadence } }) {
  const d = ctx.scope;
  if (d.level !== "PROVINCE") throw forbidden("周报提交周期由省级教育行政部门设置");
  await change(ctx, (tx) => tx.educationDepartment.update({ where: { id: d.departmentId }, data: { reportCadence: cadence } }), {
    action: "report.cadence",
    targetType: "EducationDepartment",
    targetId: d.departmentId,
    summary: `设置周报提交周期为${CADENCE_LABELS[cadence]}`,
  });
  return { cadence };
}
