// 新增监考人员 / 编辑 / 删除 (school): a teacher of the roster with the certificates (ones the school pilots) they
// will invigilate; each goes to its org for certification.
import { badRequest, conflict, notFound } from "@/server/errors";
import type { Db, Tx } from "@/server/db";
import type { SchoolScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { pilotCertificatesWhere } from "@/server/catalogue/pilots";
import { canDeleteInvigilator, certificateChanges, type InvigilatorInput } from "@/domain/invigilators/rules";

/** The certificates of these ids the school (this account) pilots, with their orgs. */
export async function pilotedCertificates(db: Db | Tx, scope: SchoolScope, ids: string[]) {
  return db.certificate.findMany({ where: { AND: [{ id: { in: ids } }, pilotCertificatesWhere(scope)] }, select: { id: true, name: true, orgId: true } });
}

export async function saveInvigilator({ ctx, input }: { ctx: UseCaseCtx<SchoolScope>; input: InvigilatorInput }) {
  const { db, scope } = ctx;
  const existing = input.id
    ? await db.invigilator.findFirst({
        where: { id: input.id, schoolId: scope.schoolId },
        include: { certificates: { include: { certificate: { select: { name: true } } } } },
      })
    : null;
  if (input.id && !existing) throw notFound("监考人员不存在");
  if (existing && existing.teacherId !== input.teacherId) throw badRequest("不能更换监考人员对应的教师，请删除后重新添加");
  const teacher = await db.teacher.findFirst({ where: { id: input.teacherId, schoolId: scope.schoolId }, select: { id: true, name: true } });
  if (!teacher) throw notFound("教师不存在");
  const wanted = [...new Set(input.certificateIds)];
  const certs = await pilotedCertificates(db, scope, wanted);
  if (certs.length !== wanted.length) throw badRequest("监考证书须为本校已获批试点的证书");
  const changes = certificateChanges(
    (existing?.certificates ?? []).map((c) => ({ certificateId: c.certificateId, status: c.status, name: c.certificate.name })),
    wanted,
  );
  if (!changes.ok) throw badRequest(changes.error);
  const { add, remove, resubmit } = changes.plan;
  return change(
    ctx,
    async (tx) => {
      const id = existing?.id ?? (await tx.invigilator.create({ data: { schoolId: scope.schoolId, teacherId: teacher.id } })).id;
      if (remove.length) {
        const gone = await tx.invigilatorCertificate.deleteMany({ where: { invigilatorId: id, certificateId: { in: remove }, status: { not: "CERTIFIED" } } });
        if (gone.count !== remove.length) throw conflict("监考证书已被认证，请刷新后查看");
      }
      if (resubmit.length)
        await tx.invigilatorCertificate.updateMany({
          where: { invigilatorId: id, certificateId: { in: resubmit }, status: "REJECTED" },
          data: { status: "PENDING", reason: null, decidedAt: null, decidedById: null },
        });
      await tx.invigilatorCertificate.createMany({
        data: add.map((certificateId) => ({ invigilatorId: id, certificateId, orgId: certs.find((c) => c.id === certificateId)!.orgId })),
      });
      return { id };
    },
    ({ id }) => ({
      action: "invigilator.save",
      targetType: "Invigilator",
      targetId: id,
      summary: `${existing ? "编辑" : "新增"}监考人员 ${teacher.name}：${certs.map((c) => c.name).join("、")}`,
    }),
    { unique: `${teacher.name}已是监考人员，请在列表中编辑` },
  );
}

export async function deleteInvigilators({ ctx, input: { ids } }: { ctx: UseCaseCtx<SchoolScope>; input: { ids: string[] } }) {
  const { schoolId } = ctx.scope;
  const rows = await ctx.db.invigilator.findMany({
    where: { id: { in: ids }, schoolId },
    include: { teacher: { select: { name: true } }, certificates: { select: { status: true } } },
  });
  if (rows.length !== new Set(ids).size) throw notFound("监考人员不存在");
  const locked = rows.find((r) => !canDeleteInvigilator(r.certificates));
  if (locked) throw badRequest(`${locked.teacher.name}有已认证的监考证书，不能删除`);
  await change(
    ctx,
    async (tx) => {
      const gone = await tx.invigilator.deleteMany({ where: { id: { in: rows.map((r) => r.id) }, schoolId, certificates: { none: { status: "CERTIFIED" } } } });
      if (gone.count !== rows.length) throw conflict("监考证书已被认证，请刷新后查看");
    },
    {
      action: "invigilator.delete",
      targetType: "Invigilator",
      summary: `删除监考人员 ${rows.length} 名：${rows
        .slice(0, 5)
        .map((r) => r.teacher.name)
        .join("、")}`,
    },
  );
  return { deleted: rows.length };
}
