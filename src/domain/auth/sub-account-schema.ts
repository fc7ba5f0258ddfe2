// 新增用户 / 修改用户 (manual 001 §1.9, 002 §8.1), shared by the dialogs and the use cases: a sub-account has a
// maintained role; 证书负责人 = 是 limits it to the certificates chosen (at least one), 否 to none.
import { z } from "zod";

const levels = z.array(z.uuid()).max(100);
const ownerRule = (v: { certificateOwner?: boolean; certificateLevelIds?: string[] }, c: z.RefinementCtx) => {
  if (v.certificateOwner && !v.certificateLevelIds?.length) c.addIssue({ code: "custom", path: ["certificateLevelIds"], message: "请选择负责的证书" });
};
/** 否 means no certificate limit, whatever the picker still holds. */
const ownerLevels = <T extends { certificateOwner?: boolean; certificateLevelIds?: string[] }>(v: T) =>
  v.certificateOwner === undefined ? v : { ...v, certificateLevelIds: v.certificateOwner ? [...new Set(v.certificateLevelIds)] : [] };

export const subAccountCreateSchema = z
  .strictObject({
    account: z.string().trim().min(1, "请输入账号").max(32),
    name: z.string().trim().min(1, "请输入姓名").max(30),
    accessRoleId: z.uuid("请选择角色"),
    certificateOwner: z.boolean(),
    certificateLevelIds: levels.default([]),
    smsCode: z.string().trim().max(10),
  })
  .superRefine(ownerRule)
  .transform(ownerLevels);

export const managedUserUpdateSchema = z
  .strictObject({
    userId: z.uuid("账号不存在"),
    name: z.string().trim().min(1, "请输入姓名").max(30),
    /** Sub-accounts only: their role and certificate scope. */
    accessRoleId: z.uuid("请选择角色").optional(),
    certificateOwner: z.boolean().optional(),
    certificateLevelIds: levels.optional(),
    smsCode: z.string().trim().max(10),
  })
  .superRefine(ownerRule)
  .transform(ownerLevels);

export type SubAccountCreate = z.output<typeof subAccountCreateSchema>;
export type ManagedUserUpdate = z.output<typeof managedUserUpdateSchema>;
