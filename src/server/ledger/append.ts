// Appending to the ledger (上链). One writer at a time across every instance: a transaction-scoped advisory lock in
// PostgreSQL, taken by the caller's own transaction, so a leaf lands with the change it records or not at all.
// A batch costs one read of the tree's right edge (≤ 63 nodes), two bulk inserts and one signature.
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import type { LedgerEntryKind } from "@/generated/prisma/enums";
import type { Sql } from "@/server/db";
import { append, leafHash, rangeNodes, type Hash } from "@/domain/ledger/merkle";
import { canonicalJson, type Json } from "@/domain/ledger/canonical";
import { signTreeHead } from "@/domain/ledger/tree-head";
import { ledgerSigner } from "./signer";
import { lockLedger } from "./lock";

export type LeafInput = { kind: LedgerEntryKind; subjectId: string; value: Json };
/** 区块高度 = size, 交易哈希 = leafHash, 块哈希 = rootHash. */
export type Appended = { index: number; size: number; subjectId: string; leafHash: string; rootHash: string };

/** Reads the tree's size and right edge. Call under the lock. */
async function edgeOf(sql: Sql): Promise<{ size: number; edge: Hash[] }> {
  const [{ size }] = await sql<{ size: string }>`SELECT coalesce(max("index") + 1, 0)::text AS size FROM "LedgerEntry"`;
  const n = Number(size);
  const keys = rangeNodes([0, n]);
  if (keys.length === 0) return { size: 0, edge: [] };
  const rows = await sql<{ level: number; idx: string; hash: string }>`
    SELECT level, idx::text AS idx, encode(hash, 'hex') AS hash FROM "LedgerNode"
     WHERE (level, idx) IN (SELECT * FROM unnest(${keys.map((k) => k[0])}::int[], ${keys.map((k) => String(k[1]))}::bigint[]))`;
  const byKey = new Map(rows.map((r) => [`${r.level}:${r.idx}`, r.hash]));
  const edge = keys.map((k) => {
    const h = byKey.get(`${k[0]}:${k[1]}`);
    if (!h) throw new Error(`ledger node ${k[0]}:${k[1]} is missing`);
    return hexToBytes(h);
  });
  return { size: n, edge };
}

/** Appends the leaves in order inside the caller's transaction and signs the new tree head. */
export async function appendLeaves(sql: Sql, items: LeafInput[], now: Date): Promise<Appended[]> {
  if (items.length === 0) return [];
  await lockLedger(sql);
  let { size, edge } = await edgeOf(sql);
  const start = size;
  const nodes: { level: number; idx: number; hash: string }[] = [];
  const out: Appended[] = [];
  const leaves = items.map((i) => canonicalJson(i.value));
  let root: Hash | undefined;
  for (let k = 0; k < items.length; k++) {
    const lh = leafHash(new TextEncoder().encode(leaves[k]));
    // One leaf at a time: each entry keeps the root right after it (its 块哈希).
    const r = append(size, edge, [lh]);
    for (const n of r.nodes) nodes.push({ level: n.key[0], idx: n.key[1], hash: bytesToHex(n.hash) });
    size += 1;
    edge = r.edge;
    root = r.root;
    out.push({ index: size - 1, size, subjectId: items[k].subjectId, leafHash: bytesToHex(lh), rootHash: bytesToHex(r.root) });
  }
  await sql`
    INSERT INTO "LedgerEntry" ("index", kind, "subjectId", leaf, "leafHash", "rootHash", "createdAt")
    SELECT i, k::"LedgerEntryKind", s, l, decode(lh, 'hex'), decode(rh, 'hex'), ${now}
      FROM unnest(${out.map((e) => String(e.index))}::bigint[], ${items.map((i) => i.kind)}::text[], ${items.map((i) => i.subjectId)}::uuid[],
                  ${leaves}::text[], ${out.map((e) => e.leafHash)}::text[], ${out.map((e) => e.rootHash)}::text[]) AS x(i, k, s, l, lh, rh)
     ORDER BY i`;
  await sql`
    INSERT INTO "LedgerNode" (level, idx, hash)
    SELECT lv, ix, decode(h, 'hex') FROM unnest(${nodes.map((n) => n.level)}::int[], ${nodes.map((n) => String(n.idx))}::bigint[], ${nodes.map((n) => n.hash)}::text[]) AS x(lv, ix, h)`;
  const signer = await ledgerSigner(sql);
  const head = signTreeHead({ size, timestamp: now.getTime(), root: root! }, signer.secretKey);
  await sql`
    INSERT INTO "LedgerHead" (size, "rootHash", "timestampMs", signature, "keyId")
    VALUES (${String(size)}::bigint, decode(${bytesToHex(head.root)}, 'hex'), ${String(head.timestamp)}::bigint, decode(${bytesToHex(head.signature)}, 'hex'), ${head.keyId})`;
  if (out[0].index !== start) throw new Error("ledger append out of order");
  return out;
}
