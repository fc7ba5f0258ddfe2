import { z } from "zod";
import { createTRPCRouter, portalProcedure } from "@/server/api/trpc";
import { savePilotApplication } from "@/server/applications/save-application";

const count = z.number().int().min(0).max(1_000_000);

export const applicationsRouter = createTRPCRouter({
  save: portalProcedure("school")
    .input(z.strictObject({
      id: z.uuid().optional(),
      planId: z.uuid("申报计划不存在"),
      certificateLevelId: z.uuid("请选择试点证书"),
      lines: z.array(z.strictObject({ majorId: z.uuid("请选择专业"), students: count, teachers: count, requested: count })).max(100).default([]),
      requestedTotal: count.nullish(),
      teacherSituation: z.string().max(5000),
      siteSituation: z.string().max(5000),
      evidenceFileId: z.uuid().nullish(),
      submit: z.boolean(),
    }))
    .mutation(({ ctx, input }) => savePilotApplication(ctx, ctx.session, input, ctx.meta)),
});
