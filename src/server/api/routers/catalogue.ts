import { z } from "zod";
import { createTRPCRouter, permissionProcedure, protectedProcedure } from "@/server/api/trpc";
import { certificateDetail, orgDetail, schoolDetail, standardDetail } from "@/server/catalogue/queries";
import { certificateLedger } from "@/server/ledger/certificate-ledger";

const id = z.strictObject({ id: z.uuid("记录不存在") });

export const catalogueRouter = createTRPCRouter({
  certificate: protectedProcedure.input(id).query(({ ctx, input }) => certificateDetail({ ctx, input })),
  /** 上链信息: the certificate's latest ledger leaf with the proof and signed head to check it against. */
  certificateLedger: protectedProcedure.input(id).query(({ ctx, input }) => certificateLedger({ ctx, input })),
  org: permissionProcedure("school.orgs", "edu.orgs", "admin.orgs")
    .input(id)
    .query(({ ctx, input }) => orgDetail({ ctx, input })),
  school: permissionProcedure("school.schools", "edu.schools", "admin.schools")
    .input(id)
    .query(({ ctx, input }) => schoolDetail({ ctx, input })),
  standard: protectedProcedure
    .input(z.strictObject({ kind: z.enum(["skill", "site"]), id: z.uuid("记录不存在") }))
    .query(({ ctx, input }) => standardDetail({ ctx, input })),
});
