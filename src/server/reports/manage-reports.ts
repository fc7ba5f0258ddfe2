// The principal's 周报/半月报 (002 §6.1): written for the current period only, 保存 → 未提交, 提交 → 待审核,
// 撤回 while 待审核, edited again after 审核退回; nothing is written or submitted once the next period began.
import { badRequest, conflict, forbidden, notFound } from "@/server/errors";
import type { Scope } from "@/server/tenancy";
import { eventsView, recordEvent } from "@/server/reviews/events";
import { PRINCIPAL_ONLY, cadenceForRegion, reportsWhere } from "./scope";
import { change, type ReadCtx, type UseCaseCtx } from "@/server/use-case";
import {
  ALREADY_SUBMITTED,
  PERIOD_CLOSED,
  REPORT_SECTIONS,
  canDeleteReport,
  canEditReport,
  canWithdrawReport,
  periodLabel,
  periodOf,
  reportActions,
  sectionsProblem,
} from "@/domain/reports/period";

/** Only the principal writes weekly reports (001 §1.8): sub-accounts have no part in them. */
function principal(scope: Scope) {
  if (scope.kind !== "school" || !scope.permissions.includes("school.reports")) throw forbidden(PRINCIPAL_ONLY);
  return scope.schoolId;
}

/** The current period for this school and its report, if started. */
export async function currentPeriod({ ctx: deps }: { ctx: ReadCtx }) {
  const schoolId = principal(deps.scope);
  const school = await deps.db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { regionCode: true } });
  const p = periodOf(await cadenceForRegion(deps.db, school.regionCode), deps.clock.now());
  const report = await deps.db.weeklyReport.findUnique({
    where: { schoolId_periodStart: { schoolId, periodStart: p.start } },
    select: { id: true, status: true },
  });
  return { cadence: p.cadence, start: p.start, end: p.end, endsAt: p.endsAt, label: p.label, report, sections: REPORT_SECTIONS };
}

export type ReportInput = { id?: string; sections: Record<string, string>; scanFileId?: string | null; submit: boolean };

export async function saveReport({ ctx, input }: { ctx: UseCaseCtx; input: ReportInput }) {
  const { db, clock, actor } = ctx;
  const schoolId = principal(ctx.scope);
  const now = clock.now();
  const existing = input.id ? await db.weeklyReport.findFirst({ where: { id: input.id, schoolId } }) : null;
  if (input.id && !existing) throw notFound("周报不存在");
  let period: { cadence: "WEEKLY" | "HALF_MONTHLY"; start: string; end: string };
  if (existing) {
    if (!canEditReport(existing.status)) throw badRequest(existing.status === "PENDING" ? "周报待审核，如需修改请先撤回" : "审核通过的周报不能修改");
    if (!reportActions(existing, now).edit) throw badRequest(PERIOD_CLOSED);
    period = { cadence: existing.cadence, start: existing.periodStart, end: existing.periodEnd };
  } else {
    const school = await db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { regionCode: true } });
    period = periodOf(await cadenceForRegion(db, school.regionCode), now);
    if (await db.weeklyReport.count({ where: { schoolId, periodStart: period.start } })) throw conflict(ALREADY_SUBMITTED);
  }
  // Content last: a closed period or a locked report is the answer whatever was typed.
  const sections = Object.fromEntries(REPORT_SECTIONS.map((s) => [s.key, (input.sections[s.key] ?? "").trim()]));
  const problem = sectionsProblem(input.sections, input.submit);
  if (problem) throw badRequest(problem);
  if (input.submit && !input.scanFileId) throw badRequest("请上传校领导签字盖章的周报扫描件");
  if (
    input.scanFileId &&
    input.scanFileId !== existing?.scanFileId &&
    !(await db.storedFile.count({ where: { id: input.scanFileId, ownerUserId: actor.id, purpose: "WEEKLY_REPORT_SCAN" } }))
  )
    throw badRequest("扫描件不存在，请重新上传");
  const data = {
    sections,
    scanFileId: input.scanFileId ?? null,
    ...(input.submit ? { status: "PENDING" as const, submittedAt: now, returnReason: null } : {}),
  };
  const label = periodLabel(period.cadence, period.start, period.end);
  return change(
    ctx,
    async (tx) => {
      const r = existing
        ? await tx.weeklyReport.update({ where: { id: existing.id }, data })
        : await tx.weeklyReport.create({
            data: { ...data, schoolId, cadence: period.cadence, periodStart: period.start, periodEnd: period.end, createdById: actor.id },
          });
      if (input.submit) await recordEvent(tx, { weeklyReportId: r.id }, { action: "SUBMIT" }, actor, now);
      return { id: r.id, status: r.status };
    },
    (r) => ({
      action: input.submit ? "report.submit" : "report.save",
      targetType: "WeeklyReport",
      targetId: r.id,
      summary: `${input.submit ? "提交" : "保存"}周报 ${label}`,
    }),
    { unique: ALREADY_SUBMITTED },
  );
}

/** 提交 from the list: the stored report as it is, while its period lasts. */
export async function submitReport({ ctx, input: { id } }: { ctx: UseCaseCtx; input: { id: string } }) {
  const schoolId = principal(ctx.scope);
  const r = await ctx.db.weeklyReport.findFirst({ where: { id, schoolId } });
  if (!r) throw notFound("周报不存在");
  return saveReport({ ctx, input: { id, sections: r.sections as Record<string, string>, scanFileId: r.scanFileId, submit: true } });
}

/** 撤回: back to 未提交 before review; refused once the period is over (it could never be submitted again). */
export async function withdrawReport({ ctx, input: { id } }: { ctx: UseCaseCtx; input: { id: string } }) {
  const now = ctx.clock.now();
  const r = await ctx.db.weeklyReport.findFirst({ where: { id, schoolId: principal(ctx.scope) } });
  if (!r) throw notFound("周报不存在");
  if (!canWithdrawReport(r.status)) throw badRequest("只有待审核的周报可以撤回");
  if (!reportActions(r, now).withdraw) throw badRequest("提交时间已过，撤回后将不能再次提交，不能撤回");
  return change(
    ctx,
    async (tx) => {
      // Conditional: a review that lands first wins, and the withdrawal is refused.
      const claimed = await tx.weeklyReport.updateMany({ where: { id: r.id, status: "PENDING" }, data: { status: "DRAFT", submittedAt: null } });
      if (claimed.count === 0) throw badRequest("周报已被审核，不能撤回");
      await recordEvent(tx, { weeklyReportId: r.id }, { action: "WITHDRAW" }, ctx.actor, now);
      return { id: r.id, status: "DRAFT" as const };
    },
    { action: "report.withdraw", targetType: "WeeklyReport", targetId: r.id, summary: `撤回周报 ${periodLabel(r.cadence, r.periodStart, r.periodEnd)}` },
  );
}

export async function deleteReport({ ctx, input: { id } }: { ctx: UseCaseCtx; input: { id: string } }) {
  const r = await ctx.db.weeklyReport.findFirst({ where: { id, schoolId: principal(ctx.scope) } });
  if (!r) throw notFound("周报不存在");
  if (!canDeleteReport(r.status)) throw badRequest("只有未提交的周报可以删除");
  await change(
    ctx,
    async (tx) => {
      const gone = await tx.weeklyReport.deleteMany({ where: { id: r.id, status: "DRAFT" } });
      if (gone.count === 0) throw badRequest("周报状态已变化，请刷新后重试");
    },
    { action: "report.delete", targetType: "WeeklyReport", targetId: r.id, summary: `删除周报 ${periodLabel(r.cadence, r.periodStart, r.periodEnd)}` },
  );
  return { ok: true };
}

export async function reportDetail({ ctx: { db, scope }, input: { id } }: { ctx: ReadCtx; input: { id: string } }) {
  const r = await db.weeklyReport.findFirst({
    where: { AND: [{ id }, reportsWhere(scope)] },
    include: { school: { select: { code: true, name: true } }, events: { orderBy: { at: "asc" } } },
  });
  if (!r) throw notFound("周报不存在");
  const scan = r.scanFileId ? await db.storedFile.findUnique({ where: { id: r.scanFileId }, select: { id: true, filename: true } }) : null;
  return {
    id: r.id,
    school: r.school,
    cadence: r.cadence,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    label: periodLabel(r.cadence, r.periodStart, r.periodEnd),
    status: r.status,
    submittedAt: r.submittedAt,
    reviewedAt: r.reviewedAt,
    returnReason: r.returnReason,
    sections: REPORT_SECTIONS.map((s) => ({ ...s, text: (r.sections as Record<string, string>)[s.key] ?? "" })),
    scan,
    events: eventsView(r.events),
  };
}
