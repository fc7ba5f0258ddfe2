import { z } from "zod";
import { searchMajors } from "@/server/catalogue/search-majors";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { applicableNow } from "@/server/applications/queries";
import { savePilotApplication } from "@/server/applications/save-application";
import { applicationDetail } from "@/server/applications/detail";
import { deleteApplication } from "@/server/applications/delete-application";
import { approveMany, decideApplication } from "@/server/applications/review-application";

const count = z.number().int().min(0).max(1_000_000);
const school = permissionProcedure("school.applications");

export const applicationsRouter = createTRPCRouter({
  applicable: school.query(({ ctx }) => applicableNow({ ctx })),
  majors: school
    .input(z.strictObject({ q: z.string().trim().max(30).optional() }))
    .query(({ ctx, input }) => searchMajors({ ctx, input: { q: input.q, take: 30 } })),
  save: school
    .input(
      z.strictObject({
        id: z.uuid().optional(),
        planId: z.uuid("申报计划不存在"),
        certificateLevelId: z.uuid("请选择试点证书"),
        lines: z
          .array(z.strictObject({ majorId: z.uuid("请选择专业"), students: count, teachers: count, requested: count }))
          .max(100)
          .default([]),
        requestedTotal: count.nullish(),
        teacherSituation: z.string().max(5000),
        siteSituation: z.string().max(5000),
        evidenceFileId: z.uuid().nullish(),
        submit: z.boolean(),
      }),
    )
    .mutation(({ ctx, input }) => savePilotApplication({ ctx, input })),
  /** 删除: a 未提交 application of the school's own. */
  delete: school.input(z.strictObject({ id: z.uuid("申报记录不存在") })).mutation(({ ctx, input }) => deleteApplication({ ctx, input })),
  /** The detail page: the school its own, departments their region's submitted ones. */
  detail: permissionProcedure("school.applications", "edu.applications", "admin.schools")
    .input(z.strictObject({ id: z.uuid("申报记录不存在") }))
    .query(({ ctx, input }) => applicationDetail({ ctx, input })),
  decide: permissionProcedure("edu.applications")
    .input(
      z.strictObject({
        id: z.uuid("申报记录不存在"),
        approve: z.boolean(),
        reason: z.string().max(500).optional(),
        lines: z
          .array(z.strictObject({ majorId: z.uuid(), approved: count }))
          .max(100)
          .optional(),
        approvedTotal: count.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => decideApplication({ ctx, input })),
  approveMany: permissionProcedure("edu.applications")
    .input(z.strictObject({ ids: z.array(z.uuid()).min(1, "请先勾选申报").max(200, "一次最多审核 200 条") }))
    .mutation(({ ctx, input }) => approveMany({ ctx, input })),
});
