// 删除 / 批量删除报考数据 (002 §5.2.6): only 未排考, unpaid, off any payment order and inside the 报考 window; all or
// nothing. The delete itself is conditional, so a schedule or an order made meanwhile keeps the row.
import { z } from "zod";
import { badRequest, conflict, notFound } from "@/server/errors";
import type { SchoolScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { registrationDeleteProblem, registrationStatus } from "@/domain/registrations/rules";
import { registrationsWhere } from "./scope";

export const deleteRegistrationsSchema = z.strictObject({ ids: z.array(z.uuid()).min(1, "请先勾选报考信息").max(500, "一次最多删除 500 条") });

export async function deleteRegistrations({ ctx, input }: { ctx: UseCaseCtx<SchoolScope>; input: z.infer<typeof deleteRegistrationsSchema> }) {
  const { db, scope, clock } = ctx;
  const now = clock.now();
  const ids = [...new Set(input.ids)];
  const rows = await db.registration.findMany({
    where: { AND: [{ id: { in: ids } }, registrationsWhere(scope)] },
    select: {
      id: true,
      name: true,
      paidAt: true,
      paymentOrderId: true,
      plan: { select: { registrationStartsAt: true, registrationEndsAt: true } },
      subjects: { select: { scheduledAt: true, planSubject: { select: { startsAt: true, endsAt: true } } } },
    },
  });
  if (rows.length !== ids.length) throw notFound("报考信息不存在");
  for (const r of rows) {
    const status = registrationStatus(
      r.subjects.map((s) => ({ scheduled: !!s.scheduledAt, ...s.planSubject })),
      now,
    );
    const problem = registrationDeleteProblem({ status, paid: !!r.paidAt, onOrder: !!r.paymentOrderId }, { ...r.plan, includesSchool: true }, now);
    if (problem) throw badRequest(rows.length > 1 ? `${r.name}：${problem}` : problem);
  }
  return change(
    ctx,
    async (tx) => {
      const done = await tx.registration.deleteMany({
        where: {
          id: { in: ids },
          schoolId: scope.schoolId,
          paidAt: null,
          paymentOrderId: null,
          // Stricter than the status the school sees: a seat the org has given but not yet published also keeps it.
          subjects: { none: { scheduledAt: { not: null } } },
          plan: { registrationStartsAt: { lte: now }, registrationEndsAt: { gt: now } },
        },
      });
      if (done.count !== ids.length) throw conflict("报考信息刚被排考或生成缴费申请单，未删除，请刷新后重试");
      return { deleted: done.count };
    },
    {
      action: "registration.delete",
      targetType: "Registration",
      summary: `删除报考信息 ${rows.length} 条：${rows
        .slice(0, 5)
        .map((r) => r.name)
        .join("、")}${rows.length > 5 ? "等" : ""}`,
    },
  );
}
