import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { createStandard, setStandardStatus, updateStandard } from "@/server/standards/manage-standards";

const kind = z.enum(["skill", "site"]);
const org = permissionProcedure("org.standards");

export const standardsRouter = createTRPCRouter({
  create: org
    .input(
      z.strictObject({
        kind,
        code: z.string().trim().min(1, "请填写标准代码").max(20),
        name: z.string().trim().min(1, "请填写标准名称").max(100),
        version: z.string().trim().max(10),
        attachmentFileId: z.uuid().nullish(),
      }),
    )
    .mutation(({ ctx, input }) => createStandard({ ctx, input })),
  update: org
    .input(
      z.strictObject({
        kind,
        id: z.uuid("标准不存在"),
        name: z.string().trim().min(1, "请填写标准名称").max(100),
        version: z.string().trim().max(10),
        attachmentFileId: z.uuid().nullish(),
      }),
    )
    .mutation(({ ctx, input }) => updateStandard({ ctx, input })),
  enable: org
    .input(z.strictObject({ kind, id: z.uuid("标准不存在") }))
    .mutation(({ ctx, input }) => setStandardStatus({ ctx, input: { ...input, enabled: true } })),
  disable: org
    .input(z.strictObject({ kind, id: z.uuid("标准不存在") }))
    .mutation(({ ctx, input }) => setStandardStatus({ ctx, input: { ...input, enabled: false } })),
});
