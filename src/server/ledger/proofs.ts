// Reading the ledger (through Prisma, outside any write): the latest signed tree head, a leaf, and inclusion and consistency proofs built from the stored
// subtree hashes (every hash a proof needs in one query). What the public endpoints and the 上链信息 dialogs serve.
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import { badRequest, notFound } from "@/server/errors";
import { consistencyRanges, inclusionRanges, nodesOf, rangeHash, type NodeKey, type Range } from "@/domain/ledger/merkle";

export type SignedHeadJson = { treeSize: number; timestamp: number; rootHash: string; signature: string; keyId: string; publicKey: string };
export type LedgerEntryJson = {
  index: number;
  blockHeight: number;
  kind: string;
  subjectId: string;
  leaf: string;
  leafHash: string;
  rootHash: string;
  createdAt: Date;
};

/** The hashes of each list of ranges, from one read of the stored nodes they all need. */
async function hashesOf(db: Tx, lists: Range[][]): Promise<string[][]> {
  const keys = nodesOf(lists.flat());
  if (keys.length === 0) return lists.map(() => []);
  const rows = await db.$queryRaw<{ level: number; idx: string; hash: string }[]>`
    SELECT level, idx::text AS idx, encode(hash, 'hex') AS hash FROM "LedgerNode"
     WHERE (level, idx) IN (SELECT * FROM unnest(${keys.map((k) => k[0])}::int[], ${keys.map((k) => String(k[1]))}::bigint[]))`;
  const byKey = new Map(rows.map((r) => [`${r.level}:${r.idx}`, r.hash]));
  const node = (k: NodeKey) => {
    const h = byKey.get(`${k[0]}:${k[1]}`);
    if (!h) throw notFound("上链数据不完整");
    return hexToBytes(h);
  };
  return lists.map((ranges) => ranges.map((r) => bytesToHex(rangeHash(r, node))));
}

type HeadRow = { size: string; ts: string; root: string; sig: string; keyId: string; pub: string };

async function headWhere(db: Tx, where: Prisma.Sql): Promise<SignedHeadJson | null> {
  const [h] = await db.$queryRaw<HeadRow[]>`
    SELECT h.size::text AS size, h."timestampMs"::text AS ts, encode(h."rootHash", 'hex') AS root, encode(h.signature, 'hex') AS sig,
           h."keyId", encode(k."publicKey", 'hex') AS pub
      FROM "LedgerHead" h JOIN "LedgerKey" k ON k."keyId" = h."keyId"
     WHERE ${where} ORDER BY h.size DESC LIMIT 1`;
  return h ? { treeSize: Number(h.size), timestamp: Number(h.ts), rootHash: h.root, signature: h.sig, keyId: h.keyId, publicKey: h.pub } : null;
}

/** The newest signed tree head with its public key; null while the log is empty. */
export const latestHead = (db: Tx) => headWhere(db, Prisma.sql`true`);

/** The signed head of an earlier size (what a verifier compares a consistency proof against). */
export async function headAt(db: Tx, size: number): Promise<SignedHeadJson> {
  const h = await headWhere(db, Prisma.sql`h.size = ${String(size)}::bigint`);
  if (!h) throw notFound("该大小的签名树头不存在");
  return h;
}

export async function currentSize(db: Tx): Promise<number> {
  const [{ size }] = await db.$queryRaw<{ size: string }[]>`SELECT coalesce(max("index") + 1, 0)::text AS size FROM "LedgerEntry"`;
  return Number(size);
}

const ENTRY = Prisma.raw(`"index"::text AS index, kind::text AS kind, "subjectId"::text AS "subjectId", leaf,
  encode("leafHash", 'hex') AS "leafHash", encode("rootHash", 'hex') AS "rootHash", "createdAt"`);
type EntryRow = Omit<LedgerEntryJson, "index" | "blockHeight"> & { index: string };
const entryJson = (r: EntryRow): LedgerEntryJson => ({ ...r, index: Number(r.index), blockHeight: Number(r.index) + 1 });

/** A leaf by its index or its hash (交易哈希). */
export async function ledgerEntry(db: Tx, by: { index: number } | { leafHash: string }): Promise<LedgerEntryJson> {
  const where = "index" in by ? Prisma.sql`"index" = ${String(by.index)}::bigint` : Prisma.sql`"leafHash" = decode(${by.leafHash.toLowerCase()}, 'hex')`;
  const [row] = await db.$queryRaw<EntryRow[]>`SELECT ${ENTRY} FROM "LedgerEntry" WHERE ${where} ORDER BY "index" LIMIT 1`;
  if (!row) throw notFound("上链记录不存在");
  return entryJson(row);
}

/** Every leaf about one subject, oldest first (a certificate's issue, then any revocation). */
export async function entriesOf(db: Tx, subjectId: string): Promise<LedgerEntryJson[]> {
  const rows = await db.$queryRaw<EntryRow[]>`SELECT ${ENTRY} FROM "LedgerEntry" WHERE "subjectId" = ${subjectId}::uuid ORDER BY "index"`;
  return rows.map(entryJson);
}

/** The newest leaf about each subject (a certificate's latest 上链信息). */
export async function latestEntries(db: Tx, subjectIds: string[]): Promise<Map<string, LedgerEntryJson>> {
  if (subjectIds.length === 0) return new Map();
  const rows = await db.$queryRaw<EntryRow[]>`
    SELECT DISTINCT ON ("subjectId") ${ENTRY} FROM "LedgerEntry" WHERE "subjectId" = ANY(${subjectIds}::uuid[]) ORDER BY "subjectId", "index" DESC`;
  return new Map(rows.map((r) => [r.subjectId, entryJson(r)]));
}

/** RFC 6962 audit path of leaf `index` in the tree of `treeSize` leaves (default: the latest). */
export async function inclusionProof(db: Tx, index: number, treeSize?: number) {
  const size = treeSize ?? (await currentSize(db));
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) throw badRequest("叶子序号超出树的大小");
  if (treeSize !== undefined && treeSize > (await currentSize(db))) throw badRequest("树的大小超过当前日志");
  const [auditPath] = await hashesOf(db, [inclusionRanges(index, size)]);
  return { leafIndex: index, treeSize: size, auditPath };
}

/** Audit paths of many leaves in one tree size, from one read (a batch just appended, a page of certificates). */
export async function inclusionProofs(db: Tx, indices: number[], treeSize: number) {
  for (const i of indices) if (!Number.isSafeInteger(i) || i < 0 || i >= treeSize) throw badRequest("叶子序号超出树的大小");
  const paths = await hashesOf(
    db,
    indices.map((i) => inclusionRanges(i, treeSize)),
  );
  return indices.map((leafIndex, k) => ({ leafIndex, treeSize, auditPath: paths[k] }));
}

/** RFC 6962 consistency proof between two tree sizes. */
export async function consistencyProof(db: Tx, first: number, second: number) {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second) throw badRequest("一致性证明的树大小不正确");
  if (second > (await currentSize(db))) throw badRequest("树的大小超过当前日志");
  const [consistency] = await hashesOf(db, [consistencyRanges(first, second)]);
  return { first, second, consistency };
}
