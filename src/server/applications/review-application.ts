// Departments decide on submitted applications at their own stage: the city passes it on (or returns it),
// the province approves with the trainees per line (its quota) or returns it. Decisions are conditional
// updates, so two reviewers cannot both decide; the applicant is told by SMS once it is committed.
import type { Db } from "@/server/db";
import { badRequest, conflict, notFound } from "@/server/errors";
import { schoolsInRegion, type DepartmentScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { notify, recordEvent, unitLabel } from "@/server/reviews/events";
import { approvalProblem, approvedTotalOf, returnReasonProblem, stageOfDepartment } from "@/domain/pilots/review";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";

export type Decision = { id: string; approve: boolean; reason?: string; lines?: { majorId: string; approved: number }[]; approvedTotal?: number | null };

async function loadForDecision(db: Db, d: DepartmentScope, id: string) {
  const app = await db.pilotApplication.findFirst({
    where: { id, school: schoolsInRegion(d), status: { not: "DRAFT" } },
    include: {
      lines: true,
      school: { select: { name: true, contactPhone: true } },
      certificateLevel: { select: { level: true, certificate: { select: { name: true } } } },
      events: { where: { action: "SUBMIT" }, orderBy: { at: "desc" }, take: 1 },
    },
  });
  if (!app) throw notFound("申报记录不存在");
  const stage = stageOfDepartment(d.level);
  if (app.status !== "IN_REVIEW") throw badRequest("该申报已审核，不能重复审核");
  if (app.reviewStage !== stage) throw badRequest(stage === "CITY" ? "该申报不在地市级初审环节" : "该申报尚待地市级教育局初审");
  return { app, stage };
}

export async function decideApplication({ ctx, input }: { ctx: UseCaseCtx<DepartmentScope>; input: Decision }) {
  const { db, clock } = ctx;
  const { app, stage } = await loadForDecision(db, ctx.scope, input.id);
  const now = clock.now();
  const what = `${app.year}年${app.batch} ${app.certificateLevel.certificate.name}（${LEVEL_LABELS[app.certificateLevel.level]}）`;
  let approvedTotal: number | null = null;
  if (!input.approve) {
    const problem = returnReasonProblem(input.reason ?? "");
    if (problem) throw badRequest(problem);
  } else if (stage === "PROVINCE") {
    const lines = input.lines ?? app.lines.map((l) => ({ majorId: l.majorId, approved: l.requested }));
    const problem = approvalProblem({
      requestedTotal: app.requestedTotal,
      lines: app.lines,
      approved: lines,
      approvedTotal: input.approvedTotal ?? (app.lines.length ? null : app.requestedTotal),
    });
    if (problem) throw badRequest(problem);
    approvedTotal = app.lines.length ? approvedTotalOf(lines) : (input.approvedTotal ?? app.requestedTotal);
    input = { ...input, lines };
  }
  const label = await unitLabel(db, ctx.actor);
  await change(
    ctx,
    async (tx) => {
      const next = !input.approve
        ? { status: "RETURNED" as const, reviewStage: null }
        : stage === "CITY"
          ? { status: "IN_REVIEW" as const, reviewStage: "PROVINCE" as const }
          : { status: "APPROVED" as const, reviewStage: null, approvedTotal };
      const claimed = await tx.pilotApplication.updateMany({ where: { id: app.id, status: "IN_REVIEW", reviewStage: stage }, data: next });
      if (claimed.count === 0) throw conflict("该申报已被其他人审核，请刷新后查看");
      if (input.approve && stage === "PROVINCE") {
        for (const l of input.lines ?? [])
          await tx.pilotApplicationMajor.update({
            where: { applicationId_majorId: { applicationId: app.id, majorId: l.majorId } },
            data: { approved: l.approved },
          });
      }
      await recordEvent(
        tx,
        { applicationId: app.id },
        { action: input.approve ? "APPROVE" : "RETURN", stage, reason: input.approve ? input.reason?.trim() || null : input.reason!.trim() },
        ctx.actor,
        now,
        label,
      );
    },
    {
      action: input.approve ? "application.approve" : "application.return",
      targetType: "PilotApplication",
      targetId: app.id,
      summary: `${stage === "CITY" ? "初审" : "审核"}${input.approve ? "通过" : "退回"} ${app.school.name} ${what}${approvedTotal != null ? `，批准 ${approvedTotal} 人` : ""}`,
    },
  );
  // The applicant (who submitted) hears the outcome; a city pass is not an outcome yet.
  if (!(input.approve && stage === "CITY")) {
    const submitterId = app.events[0]?.actorId;
    const submitter = submitterId ? await db.user.findUnique({ where: { id: submitterId }, select: { phone: true } }) : null;
    await notify(
      ctx.sms,
      submitter?.phone ?? app.school.contactPhone,
      input.approve
        ? `贵校申报的${what}试点已审核通过，批准培训人数 ${approvedTotal} 人。`
        : `贵校申报的${what}试点被退回，原因：${input.reason!.trim().slice(0, 60)}。请登录平台修改后重新提交。`,
    );
  }
  return { id: app.id, approvedTotal };
}

/** 批量审核通过: each application at the caller's stage passes (the province approves the requested numbers). */
export async function approveMany({ ctx, input: { ids } }: { ctx: UseCaseCtx<DepartmentScope>; input: { ids: string[] } }) {
  const failed: { id: string; message: string }[] = [];
  let approved = 0;
  for (const id of [...new Set(ids)]) {
    try {
      await decideApplication({ ctx, input: { id, approve: true } });
      approved++;
    } catch (e) {
      failed.push({ id, message: (e as Error).message });
    }
  }
  return { approved, failed };
}
