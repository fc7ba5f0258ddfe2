// 上链信息 of a certificate (002 §4.1): its latest definition leaf (区块高度, 块哈希, 交易哈希), how many times it was
// recorded, the latest signed tree head and the audit path from the leaf to it, for the browser to check.
import type { PublicCtx } from "@/server/use-case";
import { notFound } from "@/server/errors";
import { inclusionProof, latestEntries, latestHead } from "./proofs";

export async function certificateLedger({ ctx: { db }, input: { id } }: { ctx: PublicCtx; input: { id: string } }) {
  const c = await db.certificate.findUnique({ where: { id }, select: { id: true, code: true, name: true } });
  if (!c) throw notFound("证书不存在");
  const entry = (await latestEntries(db, [id])).get(id) ?? null;
  if (!entry) return { certificate: c, entry: null, versions: 0, head: null, proof: null };
  const [head, versions] = await Promise.all([latestHead(db), db.ledgerEntry.count({ where: { subjectId: id } })]);
  // The head is at least as new as the entry (both were read after it was appended).
  const proof = head ? await inclusionProof(db, entry.index, head.treeSize) : null;
  return { certificate: c, entry, versions, head, proof };
}
