import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { workbenchItems } from "@/server/workbench/items";

export const workbenchRouter = createTRPCRouter({
  get: protectedProcedure.query(({ ctx }) => workbenchItems({ ctx })),
});
