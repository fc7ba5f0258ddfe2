import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { demoInboxEnabled } from "@/server/env";
import { notFound } from "@/server/errors";

// The demo SMS inbox: what the local gateway "sent". Never available in production mode.
export const demoRouter = createTRPCRouter({
  smsInbox: publicProcedure
    .input(z.strictObject({ phone: z.string().trim().max(11).optional() }))
    .query(async ({ ctx, input }) => {
      if (!demoInboxEnabled()) throw notFound("页面不存在");
      return ctx.db.smsOutbox.findMany({
        where: input.phone ? { phone: input.phone } : {},
        orderBy: { createdAt: "desc" },
        take: 50,
      });
    }),
});
