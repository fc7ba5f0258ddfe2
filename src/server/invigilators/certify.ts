// 考评人员认证 (org): certify or reject (with a reason) the pending certificates addressed to it, one or many;
// each is a conditional update, so a certificate the school removed meanwhile is reported, not overwritten.
import { badRequest } from "@/server/errors";
import type { OrgScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { returnReasonProblem } from "@/domain/pilots/review";

export async function decideCertifications({ ctx, input }: { ctx: UseCaseCtx<OrgScope>; input: { ids: string[]; approve: boolean; reason?: string } }) {
  const { db, scope, clock, actor } = ctx;
  const reason = input.reason?.trim() ?? "";
  if (!input.approve) {
    const problem = returnReasonProblem(reason);
    if (problem) throw badRequest(problem.replace("退回", "不通过"));
  }
  const ids = [...new Set(input.ids)];
  const rows = await db.invigilatorCertificate.findMany({
    where: { id: { in: ids }, orgId: scope.orgId },
    include: { invigilator: { include: { teacher: { select: { name: true } } } }, certificate: { select: { name: true } } },
  });
  const pending = rows.filter((r) => r.status === "PENDING");
  const failed = ids
    .filter((id) => !pending.some((r) => r.id === id))
    .map((id) => ({ id, message: rows.some((r) => r.id === id) ? "该记录已认证过" : "记录不存在" }));
  if (pending.length === 0) throw badRequest(failed[0]?.message === "该记录已认证过" ? "所选记录均已认证过，不能重复认证" : "记录不存在");
  const now = clock.now();
  const done = await change(
    ctx,
    async (tx) => {
      const r = await tx.invigilatorCertificate.updateMany({
        where: { id: { in: pending.map((p) => p.id) }, orgId: scope.orgId, status: "PENDING" },
        data: { status: input.approve ? "CERTIFIED" : "REJECTED", reason: input.approve ? null : reason, decidedAt: now, decidedById: actor.id },
      });
      return r.count;
    },
    {
      action: input.approve ? "invigilator.certify" : "invigilator.reject",
      targetType: "InvigilatorCertificate",
      summary: `${input.approve ? "认证通过" : "认证不通过"}监考人员 ${pending.length} 条：${pending
        .slice(0, 3)
        .map((p) => `${p.invigilator.teacher.name}（${p.certificate.name}）`)
        .join("、")}${reason ? `，原因：${reason}` : ""}`,
    },
  );
  return { decided: done, failed };
}
