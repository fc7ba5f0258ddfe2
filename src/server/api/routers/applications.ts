import { z } from "zod";
import { createTRPCRouter, pageInput, portalProcedure } from "@/server/api/trpc";
import { applicableNow, myApplications } from "@/server/applications/queries";
import { savePilotApplication } from "@/server/applications/save-application";

const count = z.number().int().min(0).max(1_000_000);

export const applicationsRouter = createTRPCRouter({
  mine: portalProcedure("school")
    .input(z.strictObject({ status: z.enum(["DRAFT", "IN_REVIEW", "APPROVED", "RETURNED"]).optional(), ...pageInput }))
    .query(({ ctx, input }) => myApplications(ctx.db, ctx.session, input)),
  applicable: portalProcedure("school").query(({ ctx }) => applicableNow(ctx, ctx.session)),
  majors: portalProcedure("school").input(z.strictObject({ q: z.string().trim().max(30).optional() })).query(({ ctx, input }) =>
    ctx.db.major.findMany({ where: input.q ? { OR: [{ name: { contains: input.q } }, { code: { startsWith: input.q } }] } : {}, orderBy: [{ catalogVersion: "desc" }, { code: "asc" }], take: 30 }),
  ),
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
