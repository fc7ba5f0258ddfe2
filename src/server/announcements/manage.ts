// 通知公告 published by the platform admin: drafts, publish, withdraw, edit, attachments (PDF/Word).
import type { Db } from "@/server/db";
import type { Actor } from "@/server/tenancy";
import type { UseCaseCtx } from "@/server/use-case";
import { writeAudit } from "@/server/audit/write";
import { badRequest, conflict, forbidden, notFound } from "@/server/errors";

export type AnnouncementInput = { title: string; category: "POLICY" | "NOTICE"; body: string; attachmentFileIds: string[] };

function check(u: Actor, input: AnnouncementInput) {
  if (u.role !== "ADMIN") throw forbidden();
  const title = input.title.trim();
  const body = input.body.trim();
  if (title.length < 4 || title.length > 120) throw badRequest("标题为 4–120 个字");
  if (body.length < 10) throw badRequest("正文至少 10 个字");
  if (body.length > 20000) throw badRequest("正文不能超过 20000 个字");
  return { title, body };
}

async function checkFiles(db: Db, u: Actor, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length > 10) throw badRequest("附件最多 10 个");
  const n = await db.storedFile.count({ where: { id: { in: unique }, purpose: "ANNOUNCEMENT_ATTACHMENT", ownerUserId: u.id } });
  if (n !== unique.length) throw badRequest("附件不存在，请重新上传");
  return unique;
}

export async function saveAnnouncement({ ctx: deps, input }: { ctx: UseCaseCtx; input: AnnouncementInput & { id?: string } }) {
  const u = deps.actor;
  const meta = deps.meta;
  const { db } = deps;
  const v = check(u, input);
  const files = await checkFiles(db, u, input.attachmentFileIds);
  return db.$transaction(async (tx) => {
    let id = input.id;
    if (id) {
      const cur = await tx.announcement.findUnique({ where: { id } });
      if (!cur) throw notFound();
      if (cur.status === "PUBLISHED") throw badRequest("已发布的公告请先撤回再修改");
      await tx.announcement.update({ where: { id }, data: { title: v.title, body: v.body, category: input.category } });
      await tx.announcementAttachment.deleteMany({ where: { announcementId: id } });
    } else {
      id = (await tx.announcement.create({ data: { title: v.title, body: v.body, category: input.category, createdById: u.id } })).id;
    }
    if (files.length) await tx.announcementAttachment.createMany({ data: files.map((fileId) => ({ announcementId: id!, fileId })) });
    await writeAudit(tx, {
      actor: u,
      action: input.id ? "announcement.update" : "announcement.create",
      targetType: "Announcement",
      targetId: id,
      summary: `${input.id ? "修改" : "新建"}公告《${v.title}》`,
      ip: meta.ip,
    });
    return { id };
  });
}

export async function setAnnouncementStatus({ ctx: deps, input }: { ctx: UseCaseCtx; input: { id: string; publish: boolean } }) {
  const u = deps.actor;
  const meta = deps.meta;
  const { db, clock } = deps;
  if (u.role !== "ADMIN") throw forbidden();
  const cur = await db.announcement.findUnique({ where: { id: input.id } });
  if (!cur) throw notFound();
  if (input.publish && cur.status === "PUBLISHED") throw badRequest("该公告已发布");
  if (!input.publish && cur.status !== "PUBLISHED") throw badRequest("只有已发布的公告可以撤回");
  await db.$transaction(async (tx) => {
    const r = await tx.announcement.updateMany({
      where: { id: cur.id, status: cur.status },
      data: input.publish ? { status: "PUBLISHED", publishedAt: clock.now() } : { status: "WITHDRAWN" },
    });
    if (r.count === 0) throw conflict("公告状态已被他人修改，请刷新后重试");
    await writeAudit(tx, {
      actor: u,
      action: input.publish ? "announcement.publish" : "announcement.withdraw",
      targetType: "Announcement",
      targetId: cur.id,
      summary: `${input.publish ? "发布" : "撤回"}公告《${cur.title}》`,
      ip: meta.ip,
    });
  });
  return { ok: true };
}
