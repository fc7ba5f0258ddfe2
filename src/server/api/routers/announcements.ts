import { z } from "zod";
import { createTRPCRouter, pageInput, portalProcedure } from "@/server/api/trpc";
import { announcementForEdit, saveAnnouncement, setAnnouncementStatus } from "@/server/announcements/manage";

const admin = portalProcedure("admin");
const body = {
  title: z.string().trim().min(1, "请填写标题").max(120),
  category: z.enum(["POLICY", "NOTICE"]),
  body: z.string().max(20000),
  attachmentFileIds: z.array(z.uuid()).max(10).default([]),
};

export const announcementsRouter = createTRPCRouter({
  list: admin
    .input(z.strictObject({ status: z.enum(["DRAFT", "PUBLISHED", "WITHDRAWN"]).optional(), q: z.string().trim().max(50).optional(), ...pageInput }))
    .query(async ({ ctx, input }) => {
      const where = { ...(input.status ? { status: input.status } : {}), ...(input.q ? { title: { contains: input.q } } : {}) };
      const [rows, total, counts] = await Promise.all([
        ctx.db.announcement.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (input.page - 1) * input.pageSize, take: input.pageSize, select: { id: true, title: true, category: true, status: true, publishedAt: true, createdAt: true } }),
        ctx.db.announcement.count({ where }),
        ctx.db.announcement.groupBy({ by: ["status"], _count: { _all: true }, where: input.q ? { title: { contains: input.q } } : {} }),
      ]);
      return { rows, total, counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number> };
    }),
  get: admin.input(z.strictObject({ id: z.uuid() })).query(({ ctx, input }) => announcementForEdit(ctx.db, ctx.session, input.id)),
  save: admin.input(z.strictObject({ id: z.uuid().optional(), ...body })).mutation(({ ctx, input }) => saveAnnouncement(ctx, ctx.session, input, ctx.meta)),
  publish: admin.input(z.strictObject({ id: z.uuid() })).mutation(({ ctx, input }) => setAnnouncementStatus(ctx, ctx.session, { id: input.id, publish: true }, ctx.meta)),
  withdraw: admin.input(z.strictObject({ id: z.uuid() })).mutation(({ ctx, input }) => setAnnouncementStatus(ctx, ctx.session, { id: input.id, publish: false }, ctx.meta)),
});
