// The ledger over HTTP (public, read-only, JSON; in the spirit of RFC 6962 §4's get-sth / get-proof-by-hash /
// get-sth-consistency / get-entries):
//   GET /api/ledger/head                                   the latest signed tree head and its public key
//   GET /api/ledger/heads/<size>                           the signed head of an earlier size
//   GET /api/ledger/entries/<index>                        one leaf (its canonical JSON, 交易哈希, 块哈希)
//   GET /api/ledger/proof/inclusion?index=&treeSize=       the audit path of a leaf (or ?hash=<交易哈希>)
//   GET /api/ledger/proof/consistency?first=&second=       that the first tree is a prefix of the second
import type { Tx } from "@/server/db";
import { AppError, badRequest, notFound } from "@/server/errors";
import { consistencyProof, headAt, inclusionProof, latestHead, ledgerEntry } from "./proofs";

const count = (v: string | null | undefined, what: string) => {
  if (v == null || !/^\d{1,15}$/.test(v)) throw badRequest(`${what}应为非负整数`);
  return Number(v);
};
const STATUS: Record<string, number> = { BAD_REQUEST: 400, NOT_FOUND: 404 };

export async function ledgerHttp(db: Tx, path: string[], q: URLSearchParams): Promise<{ status: number; body: unknown }> {
  try {
    const [a, b] = path;
    if (a === "head" && !b) return { status: 200, body: (await latestHead(db)) ?? { treeSize: 0 } };
    if (a === "heads" && b) return { status: 200, body: await headAt(db, count(b, "树的大小")) };
    if (a === "entries" && b) {
      const { createdAt, ...e } = await ledgerEntry(db, { index: count(b, "叶子序号") });
      return { status: 200, body: { ...e, createdAt: createdAt.toISOString() } };
    }
    if (a === "proof" && b === "inclusion") {
      const treeSize = q.get("treeSize") ? count(q.get("treeSize"), "树的大小") : undefined;
      const hash = q.get("hash");
      if (hash && !/^[0-9a-fA-F]{64}$/.test(hash)) throw badRequest("交易哈希应为 64 位十六进制");
      const index = hash ? (await ledgerEntry(db, { leafHash: hash })).index : count(q.get("index"), "叶子序号");
      return { status: 200, body: await inclusionProof(db, index, treeSize) };
    }
    if (a === "proof" && b === "consistency")
      return { status: 200, body: await consistencyProof(db, count(q.get("first"), "first"), count(q.get("second"), "second")) };
    throw notFound("没有这个上链接口");
  } catch (e) {
    if (e instanceof AppError && STATUS[e.code]) return { status: STATUS[e.code], body: { error: e.message } };
    throw e;
  }
}
