import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { demoInbox } from "@/server/sms/demo-inbox";

export const demoRouter = createTRPCRouter({
  smsInbox: publicProcedure.input(z.strictObject({ phone: z.string().trim().max(11).optional() })).query(({ ctx, input }) => demoInbox({ ctx, input })),
});
