import { z } from "zod";
import { listRegions } from "@/server/catalogue/regions";
import { createTRPCRouter, permissionProcedure, protectedProcedure } from "@/server/api/trpc";
import { mySchool, schoolEditSchema, setSignature, updateMySchool } from "@/server/schools/my-school";

export const schoolRouter = createTRPCRouter({
  mine: permissionProcedure("school.info", "school.schools").query(({ ctx }) => mySchool({ ctx })),
  update: permissionProcedure("school.profile")
    .input(schoolEditSchema)
    .mutation(({ ctx, input }) => updateMySchool({ ctx, input })),
  setSignature: permissionProcedure("school.signature")
    .input(z.strictObject({ fileId: z.uuid("请先上传签章图片"), agreed: z.boolean() }))
    .mutation(({ ctx, input }) => setSignature({ ctx, input })),
  /** Regions for the address pickers (public reference data, any signed-in user). */
  regions: protectedProcedure
    .input(
      z.strictObject({
        parentCode: z
          .string()
          .regex(/^\d{6}$/)
          .nullish(),
      }),
    )
    .query(({ ctx, input }) => listRegions({ ctx, input })),
});
