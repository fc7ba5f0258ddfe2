// 试点院校管理 for the school's own accounts: view (all of the school) and edit (the principal only).
import { z } from "zod";
import type { UseCaseCtx } from "@/server/use-case";
import { writeAudit } from "@/server/audit/write";
import { badRequest, forbidden } from "@/server/errors";
import { scopeFor, type SchoolScope } from "@/server/tenancy";
import type { ReadCtx } from "@/server/use-case";
import { isValidUscc } from "@/domain/identifiers/uscc";
import { PHONE_RE } from "@/domain/auth/mask";

export async function mySchool({ ctx: { db, scope } }: { ctx: ReadCtx<SchoolScope> }) {
  const s = await db.school.findUniqueOrThrow({ where: { id: scope.schoolId }, include: { region: true, supervisingDepartment: { select: { name: true } } } });
  const canEdit = scope.permissions.includes("school.profile");
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    uscc: s.uscc,
    type: s.type,
    regionCode: s.regionCode,
    address: s.address,
    website: s.website,
    intro: s.intro,
    contactName: s.contactName,
    contactPhone: s.contactPhone,
    contactEmail: s.contactEmail,
    logoFileId: s.logoFileId,
    canEdit,
    status: s.status,
    isPilot: s.isPilot,
    regionName: s.region.name,
    department: s.supervisingDepartment?.name ?? null,
    // The e-signature is for the principal's eyes only (manual 001 §4.1.1.1).
    signature: scope.permissions.includes("school.signature") ? { fileId: s.signatureFileId, agreedAt: s.signatureAgreedAt } : null,
  };
}

export const schoolEditSchema = z.strictObject({
  uscc: z.string().trim().toUpperCase().max(18),
  regionCode: z.string().regex(/^\d{6}$/, "请选择单位所在地"),
  address: z.string().trim().min(1, "请填写详细地址").max(200),
  website: z.string().trim().max(200).nullish(),
  intro: z.string().trim().max(2000).nullish(),
  contactName: z.string().trim().min(2, "请填写联系人姓名").max(30),
  contactPhone: z.string().trim().regex(PHONE_RE, "联系人手机号格式不正确"),
  contactEmail: z.string().trim().email("联系人邮箱格式不正确").max(100),
  logoFileId: z.uuid().nullish(),
});

export async function updateMySchool({ ctx: deps, input }: { ctx: UseCaseCtx; input: z.infer<typeof schoolEditSchema> }) {
  const u = deps.actor;
  const meta = deps.meta;
  const { db } = deps;
  if (!deps.scope.permissions.includes("school.profile")) throw forbidden("只有试点院校负责人账号可以修改院校信息");
  const { schoolId } = scopeFor(deps.scope, "school");
  if (!isValidUscc(input.uscc)) throw badRequest("统一社会信用代码不正确（18 位，末位校验码不符）");
  if (input.website && !/^https?:\/\/[^\s]+$/i.test(input.website)) throw badRequest("院校网址须以 http:// 或 https:// 开头");
  const region = await db.region.findUnique({ where: { code: input.regionCode } });
  if (!region) throw badRequest("单位所在地不存在");
  const current = await db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { logoFileId: true } });
  // 004: the LOGO is required (院校类型 is not the school's to change: it stays as registered).
  const logoFileId = input.logoFileId === undefined ? current.logoFileId : input.logoFileId;
  if (!logoFileId) throw badRequest("请上传院校 LOGO");
  if (logoFileId !== current.logoFileId) {
    const f = await db.storedFile.findFirst({ where: { id: logoFileId, purpose: "SCHOOL_LOGO", ownerUserId: u.id } });
    if (!f) throw badRequest("Logo 文件不存在，请重新上传");
  }
  const clash = await db.school.findFirst({ where: { uscc: input.uscc, id: { not: schoolId } }, select: { id: true } });
  if (clash) throw badRequest("该统一社会信用代码已被其他院校使用");
  await db.$transaction(async (tx) => {
    await tx.school.update({
      where: { id: schoolId },
      data: {
        uscc: input.uscc,
        regionCode: input.regionCode,
        address: input.address,
        website: input.website || null,
        intro: input.intro || null,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        contactEmail: input.contactEmail,
        logoFileId,
      },
    });
    await writeAudit(tx, { actor: u, action: "school.update", targetType: "School", targetId: schoolId, summary: "修改院校基本信息与联系人信息", ip: meta.ip });
  });
  return { ok: true };
}

/** 电子签章管理: one signature per school, principal only, after agreeing to the authorization letter. */
export async function setSignature({ ctx: deps, input }: { ctx: UseCaseCtx; input: { fileId: string; agreed: boolean } }) {
  const u = deps.actor;
  const meta = deps.meta;
  const { db, clock } = deps;
  if (!deps.scope.permissions.includes("school.signature")) throw forbidden("只有试点院校负责人账号可以上传和管理电子签章");
  const { schoolId } = scopeFor(deps.scope, "school");
  if (!input.agreed) throw badRequest("请阅读并勾选同意《电子签章使用授权委托书》");
  const f = await db.storedFile.findFirst({ where: { id: input.fileId, purpose: "SIGNATURE", ownerUserId: u.id } });
  if (!f) throw badRequest("签章文件不存在，请重新上传");
  await db.$transaction(async (tx) => {
    await tx.school.update({ where: { id: schoolId }, data: { signatureFileId: f.id, signatureAgreedAt: clock.now() } });
    await writeAudit(tx, {
      actor: u,
      action: "school.signature",
      targetType: "School",
      targetId: schoolId,
      summary: "上传考核站点负责人电子签章并同意《电子签章使用授权委托书》",
      ip: meta.ip,
    });
  });
  return { ok: true };
}
