// The admin's announcement list and edit form. Announcements are platform-wide: the admin scope sees all.
import type { ReadCtx } from "@/server/use-case";
import type { AdminScope } from "@/server/tenancy";
import { notFound } from "@/server/errors";

type ListInput = { status?: "DRAFT" | "PUBLISHED" | "WITHDRAWN"; q?: string; page: number; pageSize: number };

export async function listAnnouncements({ ctx, input }: { ctx: ReadCtx<AdminScope>; input: ListInput }) {
  const { db } = ctx;
  const where = { ...(input.status ? { status: input.status } : {}), ...(input.q ? { title: { contains: input.q } } : {}) };
  const [rows, total, counts] = await Promise.all([
    db.announcement.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { id: true, title: true, category: true, status: true, publishedAt: true, createdAt: true },
    }),
    db.announcement.count({ where }),
    db.announcement.groupBy({ by: ["status"], _count: { _all: true }, where: input.q ? { title: { contains: input.q } } : {} }),
  ]);
  return { rows, total, counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number> };
}

export async function announcementForEdit({ ctx, input }: { ctx: ReadCtx<AdminScope>; input: { id: string } }) {
  const a = await ctx.db.announcement.findUnique({
    where: { id: input.id },
    include: { attachments: { include: { file: { select: { id: true, filename: true } } } } },
  });
  if (!a) throw notFound();
  return { ...a, attachments: a.attachments.map((x) => x.file) };
}
