// The platform admin manages evaluation organizations: create, edit while stopped, enable and disable.
import type { Actor } from "@/server/tenancy";
import type { UseCaseCtx } from "@/server/use-case";
import { writeAudit } from "@/server/audit/write";
import { badRequest, conflict, forbidden, notFound } from "@/server/errors";
import { isValidUscc } from "@/domain/identifiers/uscc";
import { PHONE_RE } from "@/domain/auth/mask";

export type OrgInput = {
  code?: string;
  name: string;
  uscc: string;
  address?: string | null;
  website?: string | null;
  intro?: string | null;
  contactName: string;
  contactPhone: string;
  contactEmail?: string | null;
};

function check(u: Actor, input: OrgInput) {
  if (u.role !== "ADMIN") throw forbidden();
  const name = input.name.trim();
  if (name.length < 2 || name.length > 100) throw badRequest("请填写机构名称");
  const uscc = input.uscc.trim().toUpperCase();
  if (!isValidUscc(uscc)) throw badRequest("统一社会信用代码不正确（18 位，末位校验码不符）");
  if (input.code !== undefined && !/^\d{1,10}$/.test(input.code.trim())) throw badRequest("机构代码为 1–10 位数字");
  if (!PHONE_RE.test(input.contactPhone.trim())) throw badRequest("联系人手机号格式不正确");
  if (input.website && !/^https?:\/\/\S+$/i.test(input.website)) throw badRequest("网址须以 http:// 或 https:// 开头");
  return {
    name,
    uscc,
    address: input.address?.trim() || null,
    website: input.website?.trim() || null,
    intro: input.intro?.trim() || null,
    contactName: input.contactName.trim(),
    contactPhone: input.contactPhone.trim(),
    contactEmail: input.contactEmail?.trim() || null,
  };
}

export async function createOrg({ ctx: deps, input }: { ctx: UseCaseCtx; input: OrgInput & { code: string } }) {
  const u = deps.actor;
  const meta = deps.meta;
  const { db } = deps;
  const v = check(u, input);
  const code = input.code.trim();
  const clash = await db.evaluationOrg.findFirst({ where: { OR: [{ code }, { name: v.name }, { uscc: v.uscc }] }, select: { code: true, name: true } });
  if (clash) throw conflict(clash.code === code ? "机构代码已存在" : clash.name === v.name ? "机构名称已存在" : "统一社会信用代码已被使用");
  return db.$transaction(async (tx) => {
    const org = await tx.evaluationOrg.create({ data: { code, ...v } });
    await writeAudit(tx, {
      actor: u,
      action: "org.create",
      targetType: "EvaluationOrg",
      targetId: org.id,
      summary: `新增培训评价组织 ${code} ${v.name}`,
      ip: meta.ip,
    });
    return { id: org.id };
  });
}

export async function updateOrg({ ctx: deps, input }: { ctx: UseCaseCtx; input: OrgInput & { id: string } }) {
  const u = deps.actor;
  const meta = deps.meta;
  const { db } = deps;
  const v = check(u, input);
  const org = await db.evaluationOrg.findUnique({ where: { id: input.id } });
  if (!org) throw notFound();
  if (org.status !== "DISABLED") throw badRequest("请先停用该机构，再进行修改");
  const clash = await db.evaluationOrg.findFirst({ where: { id: { not: org.id }, OR: [{ name: v.name }, { uscc: v.uscc }] }, select: { id: true } });
  if (clash) throw conflict("机构名称或统一社会信用代码已被其他机构使用");
  await db.$transaction(async (tx) => {
    await tx.evaluationOrg.update({ where: { id: org.id }, data: v });
    await writeAudit(tx, {
      actor: u,
      action: "org.update",
      targetType: "EvaluationOrg",
      targetId: org.id,
      summary: `修改培训评价组织 ${org.code}`,
      ip: meta.ip,
    });
  });
  return { ok: true };
}

/** Disabling an organization also ends its accounts' sessions. */
export async function setOrgStatus({ ctx: deps, input }: { ctx: UseCaseCtx; input: { id: string; enabled: boolean } }) {
  const u = deps.actor;
  const meta = deps.meta;
  const { db } = deps;
  if (u.role !== "ADMIN") throw forbidden();
  const org = await db.evaluationOrg.findUnique({ where: { id: input.id } });
  if (!org) throw notFound();
  const want = input.enabled ? "REGISTERED" : "DISABLED";
  if (org.status === want) throw badRequest(input.enabled ? "该机构已是启用状态" : "该机构已是停用状态");
  await db.$transaction(async (tx) => {
    const r = await tx.evaluationOrg.updateMany({ where: { id: org.id, status: org.status }, data: { status: want } });
    if (r.count === 0) throw conflict("机构状态已被他人修改，请刷新后重试");
    if (!input.enabled) await tx.user.updateMany({ where: { orgId: org.id }, data: { sessionVersion: { increment: 1 } } });
    await writeAudit(tx, {
      actor: u,
      action: input.enabled ? "org.enable" : "org.disable",
      targetType: "EvaluationOrg",
      targetId: org.id,
      summary: `${input.enabled ? "启用" : "停用"}培训评价组织 ${org.code} ${org.name}`,
      ip: meta.ip,
    });
  });
  return { ok: true };
}
