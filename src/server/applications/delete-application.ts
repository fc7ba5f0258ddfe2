// 删除 an application the school has not submitted (001 §2.1.3, §2.2.2: "对未提交的信息可以修改、删除").
import { badRequest, forbidden, notFound } from "@/server/errors";
import type { SchoolScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { canDeleteApplication } from "@/domain/pilots/application";

export async function deleteApplication({ ctx, input }: { ctx: UseCaseCtx<SchoolScope>; input: { id: string } }) {
  const { schoolId, certificateLevelIds } = ctx.scope;
  const a = await ctx.db.pilotApplication.findFirst({
    where: { id: input.id, schoolId },
    include: { certificateLevel: { select: { certificate: { select: { name: true } } } } },
  });
  if (!a) throw notFound("申报记录不存在");
  if (certificateLevelIds && !certificateLevelIds.includes(a.certificateLevelId)) throw forbidden("该账号无权操作此证书的申报");
  if (!canDeleteApplication(a.status)) throw badRequest("只能删除未提交的申报");
  return change(
    ctx,
    async (tx) => {
      // Only while still 未提交: a submit that raced this delete wins.
      const r = await tx.pilotApplication.deleteMany({ where: { id: a.id, status: "DRAFT" } });
      if (r.count === 0) throw badRequest("只能删除未提交的申报");
      return { id: a.id };
    },
    () => ({
      action: "application.delete",
      targetType: "PilotApplication",
      targetId: a.id,
      summary: `删除未提交的证书试点申报 ${a.year}年${a.batch} ${a.certificateLevel.certificate.name}`,
    }),
  );
}
