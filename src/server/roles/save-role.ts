// 角色管理 (manual 002 §8.1): the platform admin creates and edits a portal's roles. An edited role applies to
// its accounts on their next request (the session reads the role afresh every time).
import type { z } from "zod";
import { change, type UseCaseCtx } from "@/server/use-case";
import { badRequest, notFound } from "@/server/errors";
import type { accessRoleSchema } from "@/domain/auth/role-schema";
import { permissionLabel } from "@/domain/auth/permissions";

export async function saveAccessRole({ ctx, input }: { ctx: UseCaseCtx; input: z.output<typeof accessRoleSchema> }) {
  if (ctx.scope.kind !== "admin") throw notFound();
  const data = { name: input.name, description: input.description || null, permissions: input.permissions };
  const summary = `${input.name}：${input.permissions.map(permissionLabel).join("、")}`;
  const messages = { unique: "该平台已有同名角色，请换一个名称", notFound: "角色不存在" };
  if (!input.id) {
    const role = await change(
      ctx,
      (tx) => tx.accessRole.create({ data: { portal: input.portal, ...data } }),
      (r) => ({ action: "role.create", targetType: "AccessRole", targetId: r.id, summary: `新增角色 ${summary}` }),
      messages,
    );
    return { id: role.id };
  }
  const existing = await ctx.db.accessRole.findUnique({ where: { id: input.id }, select: { portal: true } });
  if (!existing) throw notFound("角色不存在");
  if (existing.portal !== input.portal) throw badRequest("角色的所属平台不能修改");
  await change(
    ctx,
    (tx) => tx.accessRole.update({ where: { id: input.id }, data }),
    { action: "role.update", targetType: "AccessRole", targetId: input.id, summary: `修改角色 ${summary}` },
    messages,
  );
  return { id: input.id };
}
