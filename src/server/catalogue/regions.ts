// Regions for the address pickers: public reference data.
import type { PublicCtx } from "@/server/use-case";

/** Provinces, or the children of one region. */
export async function listRegions({ ctx, input }: { ctx: PublicCtx; input: { parentCode?: string | null } }) {
  return ctx.db.region.findMany({
    where: input.parentCode ? { parentCode: input.parentCode } : { level: "PROVINCE" },
    orderBy: { code: "asc" },
    select: { code: true, name: true, level: true },
  });
}
