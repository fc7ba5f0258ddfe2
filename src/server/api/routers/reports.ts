import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { currentPeriod, deleteReport, reportDetail, saveReport, submitReport, withdrawReport } from "@/server/reports/manage-reports";
import { decideReport, getCadence, missingSummary, setCadence } from "@/server/reports/review-reports";
import { publishOutline, reportOutlines } from "@/server/reports/outlines";

const principal = permissionProcedure("school.reports");
const review = permissionProcedure("edu.reports");
const id = z.strictObject({ id: z.uuid("周报不存在") });

export const reportsRouter = createTRPCRouter({
  current: principal.query(({ ctx }) => currentPeriod({ ctx })),
  save: principal
    .input(
      z.strictObject({
        id: z.uuid().optional(),
        sections: z.record(z.string().max(20), z.string().max(5000)),
        scanFileId: z.uuid().nullish(),
        submit: z.boolean(),
      }),
    )
    .mutation(({ ctx, input }) => saveReport({ ctx, input })),
  submit: principal.input(id).mutation(({ ctx, input }) => submitReport({ ctx, input })),
  withdraw: principal.input(id).mutation(({ ctx, input }) => withdrawReport({ ctx, input })),
  delete: principal.input(id).mutation(({ ctx, input }) => deleteReport({ ctx, input })),
  detail: permissionProcedure("school.reports", "edu.reports", "admin.schools")
    .input(id)
    .query(({ ctx, input }) => reportDetail({ ctx, input })),
  decide: review
    .input(z.strictObject({ id: z.uuid("周报不存在"), approve: z.boolean(), reason: z.string().max(500).optional() }))
    .mutation(({ ctx, input }) => decideReport({ ctx, input })),
  /** The heading of 本期未提交院校 (the list itself is lists.missingReports). */
  missingSummary: review.query(({ ctx }) => missingSummary({ ctx })),
  cadence: review.query(({ ctx }) => getCadence({ ctx })),
  /** 周报提纲 of the caller's province (schools download, departments see what was published). */
  outlines: permissionProcedure("school.reports", "edu.reports").query(({ ctx }) => reportOutlines({ ctx })),
  publishOutline: review
    .input(z.strictObject({ cadence: z.enum(["WEEKLY", "HALF_MONTHLY"]), fileId: z.uuid("请上传提纲文件") }))
    .mutation(({ ctx, input }) => publishOutline({ ctx, input })),
  setCadence: review.input(z.strictObject({ cadence: z.enum(["WEEKLY", "HALF_MONTHLY"]) })).mutation(({ ctx, input }) => setCadence({ ctx, input })),
});
