import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { createOrg, setOrgStatus, updateOrg } from "@/server/orgs/manage-orgs";

const admin = permissionProcedure("admin.orgs");
const fields = {
  name: z.string().trim().min(1, "请填写机构名称").max(100),
  uscc: z.string().trim().max(18),
  address: z.string().trim().max(200).nullish(),
  website: z.string().trim().max(200).nullish(),
  intro: z.string().trim().max(2000).nullish(),
  contactName: z.string().trim().min(1, "请填写联系人").max(30),
  contactPhone: z.string().trim().max(11),
  contactEmail: z.string().trim().max(100).nullish(),
};
const id = z.strictObject({ id: z.uuid("机构不存在") });

export const orgsRouter = createTRPCRouter({
  create: admin
    .input(z.strictObject({ code: z.string().trim().min(1, "请填写机构代码").max(10), ...fields }))
    .mutation(({ ctx, input }) => createOrg({ ctx, input })),
  update: admin.input(z.strictObject({ id: z.uuid("机构不存在"), ...fields })).mutation(({ ctx, input }) => updateOrg({ ctx, input })),
  enable: admin.input(id).mutation(({ ctx, input }) => setOrgStatus({ ctx, input: { id: input.id, enabled: true } })),
  disable: admin.input(id).mutation(({ ctx, input }) => setOrgStatus({ ctx, input: { id: input.id, enabled: false } })),
});
