// What a verifier checks about one leaf, in the browser or anywhere: the leaf's bytes hash to its 交易哈希, the audit
// path leads from it to the signed head's root, and the head carries the log's Ed25519 signature.
import { hexToBytes } from "@noble/hashes/utils.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { leafHash, verifyInclusion } from "./merkle";
import { verifyTreeHead } from "./tree-head";

export type EntryToCheck = { index: number; leaf: string; leafHash: string };
export type ProofToCheck = { leafIndex: number; treeSize: number; auditPath: string[] };
export type HeadToCheck = { treeSize: number; timestamp: number; rootHash: string; signature: string; keyId: string; publicKey: string };
export type EntryCheck = { leaf: boolean; inclusion: boolean; signature: boolean; ok: boolean };

const isHex = (s: string) => /^([0-9a-f]{2})*$/i.test(s);

export function checkEntry(entry: EntryToCheck, proof: ProofToCheck, head: HeadToCheck): EntryCheck {
  const hexes = [entry.leafHash, head.rootHash, head.signature, head.publicKey, ...proof.auditPath];
  if (!hexes.every(isHex)) return { leaf: false, inclusion: false, signature: false, ok: false };
  const computed = leafHash(new TextEncoder().encode(entry.leaf));
  const leaf = bytesToHex(computed) === entry.leafHash.toLowerCase();
  const inclusion =
    leaf &&
    proof.leafIndex === entry.index &&
    proof.treeSize === head.treeSize &&
    verifyInclusion(entry.index, head.treeSize, computed, proof.auditPath.map(hexToBytes), hexToBytes(head.rootHash));
  const signature = verifyTreeHead(
    { size: head.treeSize, timestamp: head.timestamp, root: hexToBytes(head.rootHash), signature: hexToBytes(head.signature), keyId: head.keyId },
    hexToBytes(head.publicKey),
  );
  return { leaf, inclusion, signature, ok: leaf && inclusion && signature };
}
