// 发布考试计划 / 编辑 / 删除 (org): the five windows in order, the subjects (the org's enabled ones) with their exam
// times inside the 考试 window, the registration mode, the pass rule as data and the participating schools (pilots
// of the plan's levels). A plan changes only before 报考 opens; it is deleted only then and with no room or
// allocation on it. 计划编号: the exam day (yyyymmdd, Beijing) + a 4-digit number from a sequence.
import { badRequest, conflict, notFound } from "@/server/errors";
import type { OrgScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { sqlOf } from "@/server/db";
import { canEditExamPlan, subjectTimesProblem, windowsProblem, type ExamPlanInput } from "@/domain/exams/plan";
import { passRuleProblem, type PassRule } from "@/domain/exams/pass-rule";

export async function saveExamPlan({ ctx, input }: { ctx: UseCaseCtx<OrgScope>; input: ExamPlanInput }) {
  const { db, scope, clock, actor } = ctx;
  const now = clock.now();
  const existing = input.id ? await db.examPlan.findFirst({ where: { id: input.id, orgId: scope.orgId } }) : null;
  if (input.id && !existing) throw notFound("考试计划不存在");
  if (existing && !canEditExamPlan(existing, now)) throw badRequest("考试计划已开始报考，不能修改");
  const windows = windowsProblem(input);
  if (windows) throw badRequest(windows);
  if (!existing && input.registrationStartsAt < now) throw badRequest("报考开始时间不能早于当前时间");
  const ids = [...new Set(input.subjects.map((s) => s.subjectId))];
  if (ids.length !== input.subjects.length) throw badRequest("考试科目重复");
  const subjects = await db.examSubject.findMany({
    where: { id: { in: ids }, status: "ENABLED", certificateLevel: { certificate: { orgId: scope.orgId, status: "ENABLED" } } },
    select: { id: true, name: true, durationMinutes: true, fullScore: true, passScore: true, certificateLevelId: true },
  });
  if (subjects.length !== ids.length) throw badRequest("考试科目须为本机构已启用证书的已启用科目");
  const times = input.subjects.map((t) => {
    const s = subjects.find((x) => x.id === t.subjectId)!;
    return { ...t, levelId: s.certificateLevelId, name: s.name, durationMinutes: s.durationMinutes };
  });
  const timeProblem = subjectTimesProblem(input, times);
  if (timeProblem) throw badRequest(timeProblem);
  const levelIds = [...new Set(subjects.map((s) => s.certificateLevelId))];
  const ruleProblem = rulePerLevel(input.passRule, subjects, levelIds);
  if (ruleProblem) throw badRequest(ruleProblem);
  const schoolIds = [...new Set(input.schoolIds)];
  if (schoolIds.length === 0) throw badRequest("请选择参考院校");
  const pilots = await db.school.count({
    where: { id: { in: schoolIds }, pilotApplications: { some: { status: "APPROVED", certificateLevelId: { in: levelIds } } } },
  });
  if (pilots !== schoolIds.length) throw badRequest("参考院校须为本计划考试证书的试点院校");
  if (existing) {
    // A level or a school that already has rooms or allocations in this plan stays.
    const used = await db.examRoom.findFirst({
      where: { planId: existing.id, OR: [{ certificateLevelId: { notIn: levelIds } }, { schoolId: { notIn: schoolIds } }] },
      select: { name: true, school: { select: { name: true } } },
    });
    if (used) throw badRequest(`${used.school.name}已在本计划设置考场「${used.name}」，不能移除其院校或证书`);
    const lent = await db.siteAllocation.count({
      where: { planId: existing.id, OR: [{ certificateLevelId: { notIn: levelIds } }, { schoolId: { notIn: schoolIds } }] },
    });
    if (lent) throw badRequest("本计划已有考核站点分配涉及要移除的院校或证书，请先取消分配");
  }
  const { id: _id, subjects: _subjects, schoolIds: _schools, ...fields } = input;
  return change(
    ctx,
    async (tx) => {
      let id: string;
      if (existing) {
        // Conditional: 报考 must not have opened between the check and the write.
        const claimed = await tx.examPlan.updateMany({
          where: { id: existing.id, registrationStartsAt: { gt: now } },
          data: { ...fields, name: input.name.trim() },
        });
        if (claimed.count === 0) throw conflict("考试计划已开始报考，不能修改");
        id = existing.id;
        await Promise.all([
          tx.examPlanSubject.deleteMany({ where: { planId: id } }),
          tx.examPlanLevel.deleteMany({ where: { planId: id } }),
          tx.examPlanSchool.deleteMany({ where: { planId: id } }),
        ]);
      } else {
        const [{ n }] = await sqlOf(tx)<{ n: string }>`SELECT lpad((nextval('exam_plan_code_seq') % 10000)::text, 4, '0') AS n`;
        const day = new Date(input.examStartsAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, "");
        id = (await tx.examPlan.create({ data: { ...fields, name: input.name.trim(), code: `${day}${n}`, orgId: scope.orgId, createdById: actor.id } })).id;
      }
      await tx.examPlanLevel.createMany({ data: levelIds.map((certificateLevelId) => ({ planId: id, certificateLevelId })) });
      await tx.examPlanSubject.createMany({ data: input.subjects.map((s) => ({ planId: id, ...s })) });
      await tx.examPlanSchool.createMany({ data: schoolIds.map((schoolId) => ({ planId: id, schoolId })) });
      return { id };
    },
    ({ id }) => ({
      action: existing ? "exam_plan.update" : "exam_plan.create",
      targetType: "ExamPlan",
      targetId: id,
      summary: `${existing ? "编辑" : "发布"}考试计划 ${input.name.trim()}（${levelIds.length} 个证书等级、${ids.length} 个科目、${schoolIds.length} 所院校）`,
    }),
    { unique: "计划编号已被占用，请重试" },
  );
}

/** A weighted rule weighs each level's subjects to 100 on its own (a candidate sits one level). */
function rulePerLevel(
  rule: PassRule,
  subjects: { id: string; name: string; fullScore: number; passScore: number; certificateLevelId: string }[],
  levelIds: string[],
) {
  if (rule.kind !== "WEIGHTED_TOTAL") return null;
  if (Object.keys(rule.weights).some((id) => !subjects.some((s) => s.id === id))) return "加权合格规则含有不在本计划中的科目";
  for (const levelId of levelIds) {
    const own = subjects.filter((s) => s.certificateLevelId === levelId);
    const problem = passRuleProblem({ ...rule, weights: Object.fromEntries(own.map((s) => [s.id, rule.weights[s.id]]).filter(([, w]) => w != null)) }, own);
    if (problem) return problem;
  }
  return null;
}

export async function deleteExamPlan({ ctx, input: { id } }: { ctx: UseCaseCtx<OrgScope>; input: { id: string } }) {
  const { db, scope, clock } = ctx;
  const plan = await db.examPlan.findFirst({ where: { id, orgId: scope.orgId }, include: { _count: { select: { rooms: true, allocations: true } } } });
  if (!plan) throw notFound("考试计划不存在");
  if (!canEditExamPlan(plan, clock.now())) throw badRequest("考试计划已开始报考，不能删除");
  if (plan._count.rooms || plan._count.allocations) throw badRequest("已有院校设置考场或已分配考核站点的考试计划不能删除");
  await change(
    ctx,
    async (tx) => {
      const gone = await tx.examPlan.deleteMany({
        where: { id, orgId: scope.orgId, registrationStartsAt: { gt: clock.now() }, rooms: { none: {} }, allocations: { none: {} } },
      });
      if (gone.count === 0) throw conflict("考试计划状态已变化，请刷新后重试");
    },
    { action: "exam_plan.delete", targetType: "ExamPlan", targetId: id, summary: `删除考试计划 ${plan.name}` },
  );
  return { id };
}
