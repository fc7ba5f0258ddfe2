// 更换监考 / 巡考 (org, inside 排考): another certified invigilator on a duty. Someone already on a duty of the same
// subject swaps places with the one replaced; anyone else must be free at that time. The rules are the scheduler's
// (src/domain/scheduling/adjust.ts): certified by this org for the certificate, not at their own school's room.
import { z } from "zod";
import { badRequest, notFound } from "@/server/errors";
import type { OrgScope } from "@/server/tenancy";
import { change, type ReadCtx, type UseCaseCtx } from "@/server/use-case";
import { dutyProblem, type DutyPerson } from "@/domain/scheduling/adjust";
import { schedulingWindowProblem } from "@/domain/scheduling/rules";

export const changeDutySchema = z.strictObject({ dutyId: z.uuid("监考安排不存在"), invigilatorId: z.uuid("监考人员不存在") });

async function findDuty(ctx: ReadCtx<OrgScope>, id: string) {
  const d = await ctx.db.examDuty.findFirst({
    where: { id, planSubject: { plan: { orgId: ctx.scope.orgId } } },
    include: {
      invigilator: { select: { teacher: { select: { name: true } } } },
      room: { select: { schoolId: true, name: true } },
      site: { select: { schoolId: true, name: true } },
      planSubject: {
        select: {
          startsAt: true,
          endsAt: true,
          plan: { select: { schedulingStartsAt: true, schedulingEndsAt: true } },
          subject: { select: { name: true, certificateLevel: { select: { certificateId: true } } } },
        },
      },
    },
  });
  if (!d) throw notFound("监考安排不存在");
  return { ...d, schoolId: d.room?.schoolId ?? d.site.schoolId, certificateId: d.planSubject.subject.certificateLevel.certificateId, time: d.planSubject };
}

/** The org's certified people for a certificate, with their duties' times. */
async function peopleOf(ctx: ReadCtx<OrgScope>, certificateId: string, ids?: string[]) {
  const list = await ctx.db.invigilator.findMany({
    where: { ...(ids ? { id: { in: ids } } : {}), certificates: { some: { orgId: ctx.scope.orgId, certificateId, status: "CERTIFIED" } } },
    include: {
      teacher: { select: { name: true } },
      school: { select: { name: true } },
      certificates: { where: { orgId: ctx.scope.orgId, status: "CERTIFIED" }, select: { certificateId: true } },
      duties: { select: { id: true, planId: true, subjectId: true, planSubject: { select: { startsAt: true, endsAt: true } } } },
    },
    orderBy: [{ school: { name: "asc" } }, { id: "asc" }],
    take: 300,
  });
  return list.map((p) => ({
    ...p,
    person: (exclude: string[]): DutyPerson => ({
      schoolId: p.schoolId,
      certificateIds: p.certificates.map((c) => c.certificateId),
      busy: p.duties.filter((d) => !exclude.includes(d.id)).map((d) => d.planSubject),
    }),
  }));
}

export async function changeDuty({ ctx, input }: { ctx: UseCaseCtx<OrgScope>; input: z.infer<typeof changeDutySchema> }) {
  const d = await findDuty(ctx, input.dutyId);
  const window = schedulingWindowProblem(d.planSubject.plan, ctx.clock.now());
  if (window) throw badRequest(window);
  if (d.invigilatorId === input.invigilatorId) throw badRequest("请选择另一位监考人员");
  const [p] = await peopleOf(ctx, d.certificateId, [input.invigilatorId]);
  if (!p) throw badRequest("该人员未通过本证书的考评人员认证");
  // Already on this subject: the two swap duties.
  const theirs = p.duties.find((x) => x.planId === d.planId && x.subjectId === d.subjectId);
  const problem = dutyProblem(d, p.person(theirs ? [theirs.id] : []));
  if (problem) throw badRequest(problem);
  let other: Awaited<ReturnType<typeof findDuty>> | null = null;
  if (theirs) {
    other = await findDuty(ctx, theirs.id);
    const [old] = await peopleOf(ctx, d.certificateId, [d.invigilatorId]);
    const back = old ? dutyProblem(other, old.person([d.id])) : "原监考人员的认证已失效，不能对调";
    if (back) throw badRequest(`不能对调：${back}`);
  }
  return change(
    ctx,
    async (tx) => {
      if (other) {
        // One person, one duty per subject (a unique key): take theirs away, then put both back the other way.
        await tx.examDuty.delete({ where: { id: other.id } });
        await tx.examDuty.update({ where: { id: d.id }, data: { invigilatorId: input.invigilatorId } });
        await tx.examDuty.create({
          data: {
            planId: other.planId,
            subjectId: other.subjectId,
            invigilatorId: d.invigilatorId,
            role: other.role,
            roomId: other.roomId,
            siteId: other.siteId,
          },
        });
      } else await tx.examDuty.update({ where: { id: d.id }, data: { invigilatorId: input.invigilatorId } });
    },
    {
      action: "scheduling.duty",
      targetType: "ExamDuty",
      targetId: d.id,
      summary: `${other ? "对调" : "更换"}${d.role === "PATROL" ? "巡考" : "监考"}（${d.planSubject.subject.name}，${d.room?.name ?? d.site.name}）：${d.invigilator.teacher.name} → ${p.teacher.name}`,
    },
    { unique: "该人员在本科目已有安排，请刷新后重试" },
  );
}

/** Who could take a duty: the org's certified people for the certificate, each with why not when they cannot. */
export async function dutyCandidates({ ctx, input }: { ctx: ReadCtx<OrgScope>; input: { id: string } }) {
  const d = await findDuty(ctx, input.id);
  const people = await peopleOf(ctx, d.certificateId);
  return people
    .filter((p) => p.id !== d.invigilatorId)
    .map((p) => {
      const theirs = p.duties.find((x) => x.planId === d.planId && x.subjectId === d.subjectId);
      return {
        id: p.id,
        name: p.teacher.name,
        school: p.school.name,
        swap: !!theirs,
        problem: dutyProblem(d, p.person(theirs ? [theirs.id] : [])),
      };
    });
}
