// Departments review the weekly reports of their region, see who has not submitted this period, and the
// province sets the cadence (周报 or 半月报) for its schools.
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { SmsGateway } from "@/server/sms/gateway";
import type { RequestMeta, SessionUser } from "@/server/session-user";
import { writeAudit } from "@/server/audit/write";
import { badRequest, conflict, forbidden, notFound } from "@/server/errors";
import { departmentScope } from "@/server/tenancy";
import { notify, recordEvent, unitLabel } from "@/server/reviews/events";
import { CADENCE_LABELS, periodLabel, periodOf, type Cadence } from "@/domain/reports/period";
import { returnReasonProblem } from "@/domain/pilots/review";
import { cadenceForRegion } from "./scope";

type Deps = { db: Db; clock: Clock; sms: SmsGateway };

export async function decideReport(deps: Deps, u: SessionUser, input: { id: string; approve: boolean; reason?: string }, meta: RequestMeta) {
  const { db, clock } = deps;
  const d = departmentScope(u);
  const r = await db.weeklyReport.findFirst({
    where: { id: input.id, school: { regionCode: { startsWith: d.regionPrefix } }, status: { not: "DRAFT" } },
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
  const actor = await unitLabel(db, u);
  await db.$transaction(async (tx) => {
    const claimed = await tx.weeklyReport.updateMany({
      where: { id: r.id, status: "PENDING" },
      data: { status: input.approve ? "APPROVED" : "RETURNED", reviewedAt: now, returnReason: input.approve ? null : reason },
    });
    if (claimed.count === 0) throw conflict("该周报已被审核或撤回，请刷新后查看");
    await recordEvent(tx, { weeklyReportId: r.id }, { action: input.approve ? "APPROVE" : "RETURN", reason: reason || null }, u, now, actor);
    await writeAudit(tx, {
      actor: u,
      action: input.approve ? "report.approve" : "report.return",
      targetType: "WeeklyReport",
      targetId: r.id,
      summary: `${input.approve ? "通过" : "退回"} ${r.school.name} 周报 ${label}`,
      ip: meta.ip,
    });
  });
  if (!input.approve)
    await notify(deps.sms, r.school.users[0]?.phone, `贵校${label}的周报被退回，原因：${reason.slice(0, 60)}。请在本期结束前修改后重新提交。`);
  return { ok: true };
}

/** The region's pilot schools that have not submitted this period's report, with the state of their draft. */
export async function missingReports(deps: { db: Db; clock: Clock }, u: SessionUser, f: { page: number; pageSize: number }) {
  const { db, clock } = deps;
  const d = departmentScope(u);
  const cadence = await cadenceForRegion(db, d.regionPrefix.padEnd(6, "0"));
  const p = periodOf(cadence, clock.now());
  const where = {
    regionCode: { startsWith: d.regionPrefix },
    isPilot: true,
    status: "REGISTERED" as const,
    weeklyReports: { none: { periodStart: p.start, status: { in: ["PENDING" as const, "APPROVED" as const] } } },
  };
  const [rows, total, all] = await Promise.all([
    db.school.findMany({
      where,
      orderBy: { code: "asc" },
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
      select: { id: true, code: true, name: true, contactName: true, weeklyReports: { where: { periodStart: p.start }, select: { status: true } } },
    }),
    db.school.count({ where }),
    db.school.count({ where: { regionCode: { startsWith: d.regionPrefix }, isPilot: true, status: "REGISTERED" } }),
  ]);
  return {
    period: { cadence, label: p.label, start: p.start, end: p.end },
    total,
    schools: all,
    rows: rows.map((s) => ({ id: s.id, code: s.code, name: s.name, contactName: s.contactName, state: s.weeklyReports[0]?.status ?? null })),
  };
}

export async function getCadence(deps: { db: Db }, u: SessionUser) {
  const d = departmentScope(u);
  return { cadence: await cadenceForRegion(deps.db, d.regionPrefix.padEnd(6, "0")), canSet: d.level === "PROVINCE" };
}

/** Province only; applies to reports started from now on (a report keeps the period it was started in). */
export async function setCadence(deps: { db: Db }, u: SessionUser, cadence: Cadence, meta: RequestMeta) {
  const d = departmentScope(u);
  if (d.level !== "PROVINCE") throw forbidden("周报提交周期由省级教育行政部门设置");
  await deps.db.$transaction(async (tx) => {
    await tx.educationDepartment.update({ where: { id: d.departmentId }, data: { reportCadence: cadence } });
    await writeAudit(tx, {
      actor: u,
      action: "report.cadence",
      targetType: "EducationDepartment",
      targetId: d.departmentId,
      summary: `设置周报提交周期为${CADENCE_LABELS[cadence]}`,
      ip: meta.ip,
    });
  });
  return { cadence };
}
