import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { passRateFilter, passRateOptions, passRateTotals } from "@/server/statistics/pass-rates";

const stats = permissionProcedure("school.statistics", "org.statistics", "edu.statistics");

export const statisticsRouter = createTRPCRouter({
  /** The years and plans the filters offer, within the caller's scope. */
  options: stats.query(({ ctx }) => passRateOptions({ ctx })),
  /** Totals over the filter: the summary above the chart. */
  totals: stats.input(passRateFilter).query(({ ctx, input }) => passRateTotals({ ctx, input })),
});
