import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { deleteInvigilators, saveInvigilator } from "@/server/invigilators/save-invigilator";
import { decideCertifications } from "@/server/invigilators/certify";
import { invigilatorCertificates, invigilatorDetail } from "@/server/invigilators/queries";
import { certificationDecisionSchema, invigilatorInputSchema } from "@/domain/invigilators/rules";

const school = permissionProcedure("school.invigilators");

export const invigilatorsRouter = createTRPCRouter({
  save: school.input(invigilatorInputSchema).mutation(({ ctx, input }) => saveInvigilator({ ctx, input })),
  delete: school
    .input(z.strictObject({ ids: z.array(z.uuid()).min(1, "请先勾选监考人员").max(200) }))
    .mutation(({ ctx, input }) => deleteInvigilators({ ctx, input })),
  detail: school.input(z.strictObject({ id: z.uuid("监考人员不存在") })).query(({ ctx, input }) => invigilatorDetail({ ctx, input })),
  certificates: school.query(({ ctx }) => invigilatorCertificates({ ctx })),
  /** 认证 / 批量认证, 不通过 with a reason (org). */
  decide: permissionProcedure("org.invigilators")
    .input(certificationDecisionSchema)
    .mutation(({ ctx, input }) => decideCertifications({ ctx, input })),
});
