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

/** 北京市东城区: a region and its parents' names, province first. */
export async function regionPath(db: PublicCtx["db"], code: string | null | undefined): Promise<string> {
  if (!code) return "";
  const codes = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code];
  const rows = await db.region.findMany({ where: { code: { in: [...new Set(codes)] } }, select: { code: true, name: true } });
  return [...new Set(codes)].map((c) => rows.find((r) => r.code === c)?.name ?? "").join("");
}
