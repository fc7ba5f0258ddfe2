// Scoped reads of one school's candidates.
import { notFound } from "@/server/errors";
import type { ReadCtx } from "@/server/use-case";
import { maskIdNumber } from "@/domain/candidates/identity";
import { candidatesWhere } from "./scope";

/** One candidate for the edit form; the ID number in full only here, to the school that holds it. */
export async function candidateDetail({ ctx: { db, scope }, input }: { ctx: ReadCtx; input: { id: string } }) {
  const c = await db.candidate.findFirst({
    where: { AND: [{ id: input.id }, candidatesWhere(scope)] },
    include: { major: { select: { code: true, name: true } } },
  });
  if (!c) throw notFound("考生不存在");
  return { ...c, idNumberMasked: maskIdNumber(c.idNumber) };
}
