import { z } from "zod";
import { createTRPCRouter, pageInput, portalProcedure } from "@/server/api/trpc";
import { searchAudit } from "@/server/audit/search";

export const auditRouter = createTRPCRouter({
  search: portalProcedure("admin")
    .input(
      z.strictObject({
        q: z.string().trim().max(50).optional(),
        action: z.string().trim().max(50).optional(),
        outcome: z.enum(["SUCCESS", "FAILURE"]).optional(),
        from: z.date().optional(),
        to: z.date().optional(),
        ...pageInput,
      }),
    )
    .query(({ ctx, input }) => searchAudit({ ctx, input })),
});
