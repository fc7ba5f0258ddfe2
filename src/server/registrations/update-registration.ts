// The org's correction of a registration (004: 报考后院校对考生信息的修改不影响考试计划内的考生信息，只能联系培训评价
// 组织修改，且只能修改姓名拼音、手机号). The rest of the snapshot is refused by the database as well.
import { z } from "zod";
import { badRequest, notFound } from "@/server/errors";
import type { OrgScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import { cleanName, PHONE } from "@/domain/candidates/identity";

export const updateRegistrationSchema = z.strictObject({
  id: z.uuid("报考信息不存在"),
  pinyin: z.string().max(120),
  phone: z.string().max(20),
});

export async function updateRegistration({ ctx, input }: { ctx: UseCaseCtx<OrgScope>; input: z.infer<typeof updateRegistrationSchema> }) {
  const pinyin = cleanName(input.pinyin).toLowerCase();
  if (!pinyin) throw badRequest("请填写姓名拼音");
  if (!/^[a-z üv]+$/.test(pinyin)) throw badRequest("姓名拼音只能包含字母和空格");
  const phone = input.phone.trim();
  if (phone && !PHONE.test(phone)) throw badRequest("手机号格式不正确");
  const r = await ctx.db.registration.findFirst({
    where: { id: input.id, plan: { orgId: ctx.scope.orgId } },
    select: { id: true, name: true, pinyin: true, phone: true },
  });
  if (!r) throw notFound("报考信息不存在");
  return change(ctx, (tx) => tx.registration.update({ where: { id: r.id }, data: { pinyin, phone: phone || null }, select: { id: true } }), {
    action: "registration.update",
    targetType: "Registration",
    targetId: r.id,
    summary: `修改报考信息 ${r.name}：${[r.pinyin !== pinyin ? "姓名拼音" : "", (r.phone ?? "") !== phone ? "手机号" : ""].filter(Boolean).join("、") || "无变化"}`,
  });
}
