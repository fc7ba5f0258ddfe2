// The admin's announcement edit form (the list is announcementList). Announcements are platform-wide.
import type { ReadCtx } from "@/server/use-case";
import type { AdminScope } from "@/server/tenancy";
import { notFound } from "@/server/errors";

export async function announcementForEdit({ ctx, input }: { ctx: ReadCtx<AdminScope>; input: { id: string } }) {
  const a = await ctx.db.announcement.findUnique({
    where: { id: input.id },
    include: { attachments: { include: { file: { select: { id: true, filename: true } } } } },
  });
  if (!a) throw notFound();
  return { ...a, attachments: a.attachments.map((x) => x.file) };
}
