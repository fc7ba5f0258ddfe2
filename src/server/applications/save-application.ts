// 证书试点申报 by a school: 保存 (未提交) or 保存并提交 (审核中), inside an open plan of its province, for a
// certificate in the plan's scope; one per school × certificate level × year; editable only 未提交/审核退回.
import { badRequest, conflict, forbidden, notFound } from "@/server/errors";
import type { SchoolScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { visiblePlansWhere } from "@/server/plans/manage-plans";
import { applicationWindowProblem } from "@/domain/pilots/plan";
import { applicationProblem, canEditApplication, requestedTotalOf, schoolInfoMissing, type Line } from "@/domain/pilots/application";
import { firstStage } from "@/domain/pilots/review";
import { regionPrefix } from "@/domain/regions";
import { recordEvent } from "@/server/reviews/events";

export type ApplicationInput = {
  id?: string;
  planId: string;
  certificateLevelId: string;
  lines: Line[];
  requestedTotal?: number | null;
  teacherSituation: string;
  siteSituation: string;
  evidenceFileId?: string | null;
  submit: boolean;
};

export async function savePilotApplication({ ctx, input }: { ctx: UseCaseCtx<SchoolScope>; input: ApplicationInput }) {
  const { db, clock, scope, actor } = ctx;
  const { schoolId, certificateLevelIds } = scope;
  // A sub-account limited to some certificates does not apply for others.
  if (certificateLevelIds && !certificateLevelIds.includes(input.certificateLevelId)) throw forbidden("该账号无权申报此证书");
  const now = clock.now();
  const plan = await db.applicationPlan.findFirst({
    where: { AND: [await visiblePlansWhere(db, scope), { id: input.planId }] },
    include: { certificates: true },
  });
  if (!plan) throw notFound("申报计划不存在");
  const windowProblem = applicationWindowProblem(plan, now);
  if (windowProblem) throw badRequest(windowProblem);
  const level = await db.certificateLevel.findUnique({ where: { id: input.certificateLevelId }, include: { certificate: true } });
  if (!level || level.certificate.status !== "ENABLED") throw badRequest("证书不存在或已停用");
  if (plan.scope === "PARTIAL" && !plan.certificates.some((c) => c.certificateId === level.certificateId)) throw badRequest("该证书不在本申报计划的开放范围内");
  const lines = input.lines; // optional majors when the plan is not by major
  const problem = applicationProblem({
    byMajor: plan.byMajor,
    lines,
    requestedTotal: input.requestedTotal,
    teacherSituation: input.teacherSituation,
    siteSituation: input.siteSituation,
  });
  if (problem) throw badRequest(problem);
  if (lines.length && (await db.major.count({ where: { id: { in: lines.map((l) => l.majorId) } } })) !== lines.length)
    throw badRequest("所选专业不在专业目录中");

  const existing = input.id ? await db.pilotApplication.findFirst({ where: { id: input.id, schoolId } }) : null;
  if (input.id && !existing) throw notFound("申报记录不存在");
  if (existing && !canEditApplication(existing.status)) throw badRequest("已提交的申报不能修改，请等待审核结果");
  if (existing && (existing.planId !== plan.id || existing.certificateLevelId !== level.id)) throw badRequest("不能更改申报的计划或证书，请新建申报");
  // Evidence: the one already attached, or a file this user just uploaded for this purpose.
  if (
    input.evidenceFileId &&
    input.evidenceFileId !== existing?.evidenceFileId &&
    !(await db.storedFile.count({ where: { id: input.evidenceFileId, ownerUserId: actor.id, purpose: "APPLICATION_EVIDENCE" } }))
  )
    throw badRequest("佐证材料不存在，请重新上传");
  const duplicate = await db.pilotApplication.findFirst({
    where: { schoolId, certificateLevelId: level.id, year: plan.year, ...(existing ? { id: { not: existing.id } } : {}) },
    select: { id: true },
  });
  if (duplicate) throw conflict("本年度已申报该证书等级，请勿重复申报");

  // Submitted: to the school's city department first when the plan asks for it and the city has one.
  let reviewStage: "CITY" | "PROVINCE" | null = null;
  if (input.submit) {
    const school = await db.school.findUniqueOrThrow({
      where: { id: schoolId },
      select: { regionCode: true, uscc: true, address: true, contactName: true, contactPhone: true, contactEmail: true },
    });
    // 001 §2.1.3: a school completes its basic information before it applies (保存 still keeps the draft).
    const missing = schoolInfoMissing(school);
    if (missing.length) throw badRequest(`请先在「院校信息」中补全${missing.join("、")}，再提交申报`);
    const city = plan.cityReviewFirst
      ? await db.educationDepartment.count({ where: { level: "CITY", regionCode: { startsWith: regionPrefix("CITY", school.regionCode) } } })
      : 0;
    reviewStage = firstStage(plan.cityReviewFirst, city > 0);
  }
  const data = {
    reviewStage,
    approvedTotal: null,
    requestedTotal: requestedTotalOf(plan.byMajor, lines, input.requestedTotal),
    teacherSituation: input.teacherSituation.trim().slice(0, 5000),
    siteSituation: input.siteSituation.trim().slice(0, 5000),
    evidenceFileId: input.evidenceFileId ?? null,
    status: input.submit ? ("IN_REVIEW" as const) : ("DRAFT" as const),
    submittedAt: input.submit ? now : null,
  };
  return change(
    ctx,
    async (tx) => {
      const app = existing
        ? await tx.pilotApplication.update({ where: { id: existing.id }, data })
        : await tx.pilotApplication.create({
            data: { ...data, schoolId, certificateLevelId: level.id, year: plan.year, batch: plan.batch, planId: plan.id, createdById: actor.id },
          });
      await tx.pilotApplicationMajor.deleteMany({ where: { applicationId: app.id } });
      if (input.submit) await recordEvent(tx, { applicationId: app.id }, { action: "SUBMIT", stage: reviewStage }, actor, now);
      if (lines.length)
        await tx.pilotApplicationMajor.createMany({
          data: lines.map((l) => ({ applicationId: app.id, majorId: l.majorId, students: l.students, teachers: l.teachers, requested: l.requested })),
        });
      return { id: app.id, status: app.status };
    },
    (app) => ({
      action: input.submit ? "application.submit" : "application.save",
      targetType: "PilotApplication",
      targetId: app.id,
      summary: `${input.submit ? "提交" : "保存"}证书试点申报 ${plan.year}年${plan.batch} ${level.certificate.name}（${data.requestedTotal} 人）`,
    }),
    { unique: "本年度已申报该证书等级，请勿重复申报" },
  );
}
