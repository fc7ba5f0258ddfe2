// A role in use cannot be deleted (the foreign key restricts it too): its accounts would lose every right.
import { change, type UseCaseCtx } from "@/server/use-case";
import { badRequest, notFound } from "@/server/errors";

export async function deleteAccessRole({ ctx, input }: { ctx: UseCaseCtx; input: { id: string } }) {
  if (ctx.scope.kind !== "admin") throw notFound();
  const role = await ctx.db.accessRole.findUnique({ where: { id: input.id }, include: { _count: { select: { users: true } } } });
  if (!role) throw notFound("角色不存在");
  if (role._count.users > 0) throw badRequest(`该角色已分配给 ${role._count.users} 个账号，请先为这些账号改换角色后再删除`);
  await change(ctx, (tx) => tx.accessRole.delete({ where: { id: role.id } }), {
    action: "role.delete",
    targetType: "AccessRole",
    targetId: role.id,
    summary: `删除角色 ${role.name}`,
  });
  return { ok: true };
}
