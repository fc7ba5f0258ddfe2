import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { saveAnnouncement, setAnnouncementStatus } from "@/server/announcements/manage";
import { announcementForEdit } from "@/server/announcements/queries";

const admin = permissionProcedure("admin.announcements");
const body = {
  title: z.string().trim().min(1, "请填写标题").max(120),
  category: z.enum(["POLICY", "NOTICE"]),
  body: z.string().max(20000),
  attachmentFileIds: z.array(z.uuid()).max(10).default([]),
};

export const announcementsRouter = createTRPCRouter({
  get: admin.input(z.strictObject({ id: z.uuid() })).query(({ ctx, input }) => announcementForEdit({ ctx, input })),
  save: admin.input(z.strictObject({ id: z.uuid().optional(), ...body })).mutation(({ ctx, input }) => saveAnnouncement({ ctx, input })),
  publish: admin.input(z.strictObject({ id: z.uuid() })).mutation(({ ctx, input }) => setAnnouncementStatus({ ctx, input: { id: input.id, publish: true } })),
  withdraw: admin.input(z.strictObject({ id: z.uuid() })).mutation(({ ctx, input }) => setAnnouncementStatus({ ctx, input: { id: input.id, publish: false } })),
});
