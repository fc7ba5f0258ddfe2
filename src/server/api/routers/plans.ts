import { z } from "zod";
import { enabledCertificateOptions } from "@/server/catalogue/certificate-options";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { canManagePlans, deletePlan, savePlan } from "@/server/plans/manage-plans";
import { proposedBatch } from "@/server/plans/next-batch";

const readers = permissionProcedure("school.plans", "edu.plans");
const edu = permissionProcedure("edu.plans");

export const plansRouter = createTRPCRouter({
  /** Whether the reader may publish plans and sees 申报统计 (the list itself is lists.plans). */
  access: readers.query(({ ctx }) => ({
    canManage: canManagePlans(ctx.scope),
    withStats: ctx.scope.kind === "department",
    // A school that may apply gets 立即申报 on open plans (002 §4.3); the application's own checks still decide.
    canApply: ctx.scope.kind === "school" && ctx.scope.permissions.includes("school.applications"),
  })),
  save: edu
    .input(
      z.strictObject({
        id: z.uuid().optional(),
        year: z.number().int(),
        batch: z.string().trim().max(10),
        startsAt: z.date(),
        endsAt: z.date(),
        byMajor: z.boolean(),
        cityReviewFirst: z.boolean(),
        scope: z.enum(["ALL", "PARTIAL"]),
        certificateIds: z.array(z.uuid()).max(500).default([]),
      }),
    )
    .mutation(({ ctx, input }) => savePlan({ ctx, input })),
  delete: edu.input(z.strictObject({ id: z.uuid("申报计划不存在") })).mutation(({ ctx, input }) => deletePlan({ ctx, input })),
  /** The next unused 申报批次 of the year, the form's default. */
  nextBatch: edu.input(z.strictObject({ year: z.number().int().min(2019).max(2100) })).query(({ ctx, input }) => proposedBatch({ ctx, input })),
  /** Enabled certificates for the 开放证书范围 picker. */
  certificateOptions: edu.query(({ ctx }) => enabledCertificateOptions({ ctx })),
});
