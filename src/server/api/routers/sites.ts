import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { deleteSites, saveSite, withdrawSite } from "@/server/sites/save-site";
import { approveSites, decideSite, setSiteEnabled } from "@/server/sites/review-site";
import { allocateSite, allocationInputSchema, removeAllocation } from "@/server/sites/allocate-site";
import { allocationOptions, siteDetail, siteFormOptions } from "@/server/sites/queries";
import { siteInputSchema, siteReturnSchema } from "@/domain/sites/rules";

const school = permissionProcedure("school.sites");
const org = permissionProcedure("org.sites");
const id = z.strictObject({ id: z.uuid("考核站点不存在") });
const ids = z.strictObject({ ids: z.array(z.uuid()).min(1, "请先勾选考核站点").max(200) });

export const sitesRouter = createTRPCRouter({
  /** 申报考核站点 / 编辑: 保存 (未提交) or 提交并保存 (待审核). */
  save: school.input(siteInputSchema).mutation(({ ctx, input }) => saveSite({ ctx, input })),
  delete: school.input(ids).mutation(({ ctx, input }) => deleteSites({ ctx, input })),
  withdraw: school.input(id).mutation(({ ctx, input }) => withdrawSite({ ctx, input })),
  /** 申报对象 with the certificate levels the school pilots. */
  options: school.query(({ ctx }) => siteFormOptions({ ctx })),
  /** 申报信息 and 审核信息, for the school that applied and the org it is addressed to. */
  detail: permissionProcedure("school.sites", "org.sites")
    .input(id)
    .query(({ ctx, input }) => siteDetail({ ctx, input })),
  approve: org.input(id).mutation(({ ctx, input }) => decideSite({ ctx, input: { id: input.id, approve: true } })),
  return: org.input(siteReturnSchema).mutation(({ ctx, input }) => decideSite({ ctx, input: { ...input, approve: false } })),
  approveMany: org.input(ids).mutation(({ ctx, input }) => approveSites({ ctx, input })),
  setEnabled: org.input(z.strictObject({ id: z.uuid("考核站点不存在"), enabled: z.boolean() })).mutation(({ ctx, input }) => setSiteEnabled({ ctx, input })),
  allocationOptions: org.query(({ ctx }) => allocationOptions({ ctx })),
  allocate: org.input(allocationInputSchema).mutation(({ ctx, input }) => allocateSite({ ctx, input })),
  unallocate: org.input(z.strictObject({ id: z.uuid("分配记录不存在") })).mutation(({ ctx, input }) => removeAllocation({ ctx, input })),
});
