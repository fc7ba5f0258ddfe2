// The majors picker: the national major catalogue (reference data, any signed-in user), searchable by name or code.
import type { PublicCtx } from "@/server/use-case";
import type { MajorLevel } from "@/generated/prisma/enums";

export async function searchMajors({ ctx, input }: { ctx: PublicCtx; input: { q?: string; level?: MajorLevel; take: number } }) {
  return ctx.db.major.findMany({
    where: {
      ...(input.q ? { OR: [{ name: { contains: input.q } }, { code: { startsWith: input.q } }] } : {}),
      ...(input.level ? { level: input.level } : {}),
    },
    orderBy: [{ catalogVersion: "desc" }, { code: "asc" }],
    take: input.take,
  });
}
