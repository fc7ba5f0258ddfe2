// Orgs maintain their own 职业技能等级标准 and 考核站点建设标准: create (stopped until enabled), edit while
// stopped, enable, disable, and attach the standard's PDF. The org comes from the session.
import type { Db, Tx } from "@/server/db";
import type { Actor } from "@/server/tenancy";
import type { UseCaseCtx } from "@/server/use-case";
import { writeAudit } from "@/server/audit/write";
import { badRequest, conflict, notFound } from "@/server/errors";
import { scopeFor } from "@/server/tenancy";

export type StandardKind = "skill" | "site";
const LABEL: Record<StandardKind, string> = { skill: "职业技能等级标准", site: "考核站点建设标准" };

/** Both tables have the same shape; one accessor keeps the use cases single. */
function table(db: Db | Tx, kind: StandardKind) {
  return (kind === "skill" ? db.skillStandard : db.siteStandard) as unknown as Db["skillStandard"];
}

async function checkAttachment(db: Db, u: Actor, fileId: string | null | undefined) {
  if (!fileId) return;
  const f = await db.storedFile.findFirst({ where: { id: fileId, purpose: "STANDARD_ATTACHMENT", ownerUserId: u.id } });
  if (!f) throw badRequest("附件不存在，请重新上传");
}

function clean(input: { code?: string; name: string; version: string }) {
  const name = input.name.trim();
  const version = input.version.trim();
  if (name.length < 2 || name.length > 100) throw badRequest("请填写标准名称（2–100 个字）");
  if (!/^\d{4}版$/.test(version)) throw badRequest("标准版本格式为“2021版”");
  const code = input.code?.trim();
  if (code !== undefined && !/^[A-Za-z0-9]{4,20}$/.test(code)) throw badRequest("标准代码为 4–20 位字母或数字");
  return { name, version, code };
}

export async function createStandard({
  ctx: deps,
  input,
}: {
  ctx: UseCaseCtx;
  input: { kind: StandardKind; code: string; name: string; version: string; attachmentFileId?: string | null };
}) {
  const u = deps.actor;
  const meta = deps.meta;
  const { db } = deps;
  const { orgId } = scopeFor(deps.scope, "org");
  const v = clean(input);
  await checkAttachment(db, u, input.attachmentFileId);
  if (await table(db, input.kind).findUnique({ where: { code: v.code! }, select: { id: true } })) throw conflict("标准代码已存在");
  return db.$transaction(async (tx) => {
    const row = await table(tx, input.kind).create({
      data: { code: v.code!, name: v.name, version: v.version, orgId, status: "DISABLED", attachmentFileId: input.attachmentFileId ?? null },
    });
    await writeAudit(tx, {
      actor: u,
      action: `standard.${input.kind}.create`,
      targetType: "Standard",
      targetId: row.id,
      summary: `新增${LABEL[input.kind]} ${v.code} ${v.name}`,
      ip: meta.ip,
    });
    return { id: row.id };
  });
}

async function ownStandard({ db, scope }: UseCaseCtx, kind: StandardKind, id: string) {
  const { orgId } = scopeFor(scope, "org");
  const row = await table(db, kind).findFirst({ where: { id, orgId } });
  if (!row) throw notFound("标准不存在或不属于本机构");
  return row;
}

export async function updateStandard({
  ctx: deps,
  input,
}: {
  ctx: UseCaseCtx;
  input: { kind: StandardKind; id: string; name: string; version: string; attachmentFileId?: string | null };
}) {
  const u = deps.actor;
  const meta = deps.meta;
  const { db } = deps;
  const row = await ownStandard(deps, input.kind, input.id);
  if (row.status !== "DISABLED") throw badRequest("请先停用该标准，再进行修改");
  const v = clean(input);
  await checkAttachment(db, u, input.attachmentFileId);
  await db.$transaction(async (tx) => {
    await table(tx, input.kind).update({
      where: { id: row.id },
      data: { name: v.name, version: v.version, ...(input.attachmentFileId !== undefined ? { attachmentFileId: input.attachmentFileId } : {}) },
    });
    await writeAudit(tx, {
      actor: u,
      action: `standard.${input.kind}.update`,
      targetType: "Standard",
      targetId: row.id,
      summary: `修改${LABEL[input.kind]} ${row.code}`,
      ip: meta.ip,
    });
  });
  return { ok: true };
}

export async function setStandardStatus({ ctx: deps, input }: { ctx: UseCaseCtx; input: { kind: StandardKind; id: string; enabled: boolean } }) {
  const u = deps.actor;
  const meta = deps.meta;
  const { db } = deps;
  const row = await ownStandard(deps, input.kind, input.id);
  const want = input.enabled ? "ENABLED" : "DISABLED";
  if (row.status === want) throw badRequest(input.enabled ? "该标准已是启用状态" : "该标准已是停用状态");
  // A conditional update: two clicks racing change it once.
  await db.$transaction(async (tx) => {
    const r = await table(tx, input.kind).updateMany({ where: { id: row.id, status: row.status }, data: { status: want } });
    if (r.count === 0) throw conflict("标准状态已被他人修改，请刷新后重试");
    await writeAudit(tx, {
      actor: u,
      action: `standard.${input.kind}.${input.enabled ? "enable" : "disable"}`,
      targetType: "Standard",
      targetId: row.id,
      summary: `${input.enabled ? "启用" : "停用"}${LABEL[input.kind]} ${row.code}`,
      ip: meta.ip,
    });
  });
  return { ok: true };
}
