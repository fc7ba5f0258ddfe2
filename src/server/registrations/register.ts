// 报考 one candidate from the page: the same checks and the same quota lock as the imports, in one transaction
// with its audit row.
import { z } from "zod";
import { sqlOf } from "@/server/db";
import { badRequest, conflict, notFound } from "@/server/errors";
import type { SchoolScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { registrationContext } from "./context";
import { ALREADY_REGISTERED, checkRegistrationRows, placeRegistrations } from "./place";

const BUSY = "本校该证书正在导入报考，请稍后重试";

export const registerInputSchema = z.strictObject({
  planId: z.uuid("请选择考试计划"),
  candidateId: z.uuid("请选择考生"),
  certificateLevelId: z.uuid("请选择考核证书"),
  /** 按科目报考: the chosen subjects' codes. */
  subjectCodes: z.array(z.string().trim().max(30)).max(20).default([]),
  /** 参考对象, for a subject of a named direction. */
  targetGroup: z.string().trim().max(30).nullish(),
});
export type RegisterInput = z.infer<typeof registerInputSchema>;

export async function registerCandidate({ ctx, input }: { ctx: UseCaseCtx<SchoolScope>; input: RegisterInput }) {
  const { db, scope, clock, actor } = ctx;
  const now = clock.now();
  const c = await registrationContext(db, scope, actor.id, input.planId, now);
  if (!c.ok) throw badRequest(c.error);
  const level = c.value.levels.find((l) => l.id === input.certificateLevelId);
  if (!level) throw badRequest("请选择该考试计划中的考核证书");
  const candidate = await db.candidate.findFirst({ where: { id: input.candidateId, schoolId: scope.schoolId }, select: { name: true, idNumber: true } });
  if (!candidate) throw notFound("考生不存在");
  const row = {
    name: candidate.name,
    idNumber: candidate.idNumber,
    levelCode: level.code,
    subjectCodes: input.subjectCodes,
    declared: input.targetGroup || null,
  };
  return change(
    ctx,
    async (tx) => {
      const sql = sqlOf(tx);
      const [checked] = await checkRegistrationRows(sql, [row], c.value);
      if (!checked.ok) throw checked.error === ALREADY_REGISTERED ? conflict(checked.error) : badRequest(checked.error);
      // Behind a running import of the same level the quota's lock may be held for seconds: wait a little, then say so.
      await sql`SET LOCAL lock_timeout = '4s'`;
      const refused = await placeRegistrations(sql, [checked.value], c.value, { now, importId: null, createdById: actor.id }).catch((e) => {
        throw (e as { code?: string }).code === "55P03" || /lock timeout/.test(String(e)) ? conflict(BUSY) : e;
      });
      if (refused.size) throw badRequest(refused.get(0)!);
      const r = await tx.registration.findUniqueOrThrow({
        where: { candidateId_planId_certificateLevelId: { candidateId: input.candidateId, planId: c.value.plan.id, certificateLevelId: level.id } },
        select: { id: true },
      });
      return { id: r.id, name: candidate.name, level: level.label, plan: c.value.plan.name };
    },
    (r) => ({ action: "registration.create", targetType: "Registration", targetId: r.id, summary: `报考：${r.name} ${r.level}（${r.plan}）` }),
    { unique: ALREADY_REGISTERED },
  );
}
