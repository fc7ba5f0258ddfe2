import { z } from "zod";
import { createTRPCRouter, pageInput, portalProcedure, roleProcedure } from "@/server/api/trpc";
import { currentPeriod, deleteReport, reportDetail, saveReport, submitReport, withdrawReport } from "@/server/reports/manage-reports";
import { decideReport, getCadence, missingReports, setCadence } from "@/server/reports/review-reports";

const principal = roleProcedure(["SCHOOL_PRINCIPAL"]);
const id = z.strictObject({ id: z.uuid("周报不存在") });

export const reportsRouter = createTRPCRouter({
  current: principal.query(({ ctx }) => currentPeriod(ctx, ctx.session)),
  save: principal
    .input(
      z.strictObject({
        id: z.uuid().optional(),
        sections: z.record(z.string().max(20), z.string().max(5000)),
        scanFileId: z.uuid().nullish(),
        submit: z.boolean(),
      }),
    )
    .mutation(({ ctx, input }) => saveReport(ctx, ctx.session, input, ctx.meta)),
  submit: principal.input(id).mutation(({ ctx, input }) => submitReport(ctx, ctx.session, input.id, ctx.meta)),
  withdraw: principal.input(id).mutation(({ ctx, input }) => withdrawReport(ctx, ctx.session, input.id, ctx.meta)),
  delete: principal.input(id).mutation(({ ctx, input }) => deleteReport(ctx, ctx.session, input.id, ctx.meta)),
  detail: roleProcedure(["SCHOOL_PRINCIPAL", "EDU", "ADMIN"])
    .input(id)
    .query(({ ctx, input }) => reportDetail({ ctx, input })),
  decide: portalProcedure("edu")
    .input(z.strictObject({ id: z.uuid("周报不存在"), approve: z.boolean(), reason: z.string().max(500).optional() }))
    .mutation(({ ctx, input }) => decideReport(ctx, ctx.session, input, ctx.meta)),
  missing: portalProcedure("edu")
    .input(z.strictObject({ ...pageInput }))
    .query(({ ctx, input }) => missingReports(ctx, ctx.session, input)),
  cadence: portalProcedure("edu").query(({ ctx }) => getCadence(ctx, ctx.session)),
  setCadence: portalProcedure("edu")
    .input(z.strictObject({ cadence: z.enum(["WEEKLY", "HALF_MONTHLY"]) }))
    .mutation(({ ctx, input }) => setCadence(ctx, ctx.session, input.cadence, ctx.meta)),
});
