// Signed tree heads: the bytes signed are RFC 6962 §3.5's TreeHeadSignature (version v1, signature_type tree_hash,
// timestamp and tree_size as uint64 big-endian, the SHA-256 root), signed with Ed25519 (RFC 8032). Isomorphic: the
// verification page checks a head in the browser with the log's published public key.
import { ed25519 } from "@noble/curves/ed25519.js";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { sha256 } from "@noble/hashes/sha2.js";
import type { Hash } from "./merkle";

export type TreeHead = { size: number; timestamp: number; root: Hash };
export type SignedTreeHead = TreeHead & { signature: Uint8Array; keyId: string };

export function treeHeadBytes({ size, timestamp, root }: TreeHead): Uint8Array {
  if (root.length !== 32) throw new RangeError("树根哈希长度应为 32 字节");
  const out = new Uint8Array(2 + 8 + 8 + 32);
  const view = new DataView(out.buffer);
  out[0] = 0; // v1
  out[1] = 1; // tree_hash
  view.setBigUint64(2, BigInt(timestamp));
  view.setBigUint64(10, BigInt(size));
  out.set(root, 18);
  return out;
}

/** The key's id, as RFC 6962's LogID: SHA-256 of the public key. */
export const keyIdOf = (publicKey: Uint8Array) => bytesToHex(sha256(publicKey));

export const publicKeyOf = (secretKey: Uint8Array) => ed25519.getPublicKey(secretKey);

export function signTreeHead(head: TreeHead, secretKey: Uint8Array): SignedTreeHead {
  return { ...head, signature: ed25519.sign(treeHeadBytes(head), secretKey), keyId: keyIdOf(publicKeyOf(secretKey)) };
}

export function verifyTreeHead(head: SignedTreeHead, publicKey: Uint8Array): boolean {
  try {
    return head.keyId === keyIdOf(publicKey) && ed25519.verify(head.signature, treeHeadBytes(head), publicKey);
  } catch {
    return false;
  }
}

export { bytesToHex, hexToBytes };
