// The Merkle tree of RFC 6962 §2.1 / RFC 9162 §2.1 (SHA-256, 0x00 leaf and 0x01 node prefixes): tree hashes,
// inclusion and consistency proofs and their verification. Pure and isomorphic: the server builds proofs from stored
// subtree hashes, the browser checks them. Proofs are described first as leaf ranges ([start, end) subtrees), so a
// store can fetch every hash a proof needs in one read.
import { sha256 } from "@noble/hashes/sha2.js";

export type Hash = Uint8Array;
/** A subtree by its leaves: [start, end). */
export type Range = readonly [number, number];
/** A complete subtree of 2^level leaves, the idx-th of its level (what a store keeps). */
export type NodeKey = readonly [level: number, idx: number];

const LEAF = new Uint8Array([0]);
const NODE = new Uint8Array([1]);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const leafHash = (leaf: Uint8Array): Hash => sha256(concat(LEAF, leaf));
export const nodeHash = (left: Hash, right: Hash): Hash => sha256(concat(NODE, left, right));
export const EMPTY_ROOT: Hash = sha256(new Uint8Array(0));

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

/** The largest power of two smaller than n (n ≥ 2): where RFC 6962 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over leaf hashes, straight from the definition (the reference the stored tree is tested against). */
export function rootOf(leaves: Hash[]): Hash {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0];
  const k = splitPoint(leaves.length);
  return nodeHash(rootOf(leaves.slice(0, k)), rootOf(leaves.slice(k)));
}

/** The complete subtrees that make up [start, end), left to right, largest first (start is aligned as in the tree). */
export function rangeNodes([start, end]: Range): NodeKey[] {
  const out: NodeKey[] = [];
  let at = start;
  while (at < end) {
    let level = 0;
    // The biggest aligned complete subtree starting here that fits.
    while (at % 2 ** (level + 1) === 0 && at + 2 ** (level + 1) <= end) level++;
    out.push([level, at / 2 ** level]);
    at += 2 ** level;
  }
  return out;
}

/** MTH of [start, end) from the hashes of its complete subtrees (folded right to left, as the tree nests them). */
export function rangeHash(range: Range, node: (key: NodeKey) => Hash): Hash {
  const keys = rangeNodes(range);
  if (keys.length === 0) return EMPTY_ROOT;
  let h = node(keys[keys.length - 1]);
  for (let i = keys.length - 2; i >= 0; i--) h = nodeHash(node(keys[i]), h);
  return h;
}

/** RFC 6962 §2.1.1 PATH(m, D[n]) as ranges: the audit path of leaf `index` in a tree of `size` leaves, leaf upwards. */
export function inclusionRanges(index: number, size: number): Range[] {
  if (!(index >= 0 && index < size)) throw new RangeError("叶子序号超出树的大小");
  const out: Range[] = [];
  const walk = (m: number, start: number, n: number) => {
    if (n <= 1) return;
    const k = splitPoint(n);
    if (m < k) {
      walk(m, start, k);
      out.push([start + k, start + n]);
    } else {
      walk(m - k, start + k, n - k);
      out.push([start, start + k]);
    }
  };
  walk(index, 0, size);
  return out;
}

/** RFC 6962 §2.1.2 PROOF(m, D[n]) as ranges: proves the tree of `first` leaves is a prefix of the tree of `second`. */
export function consistencyRanges(first: number, second: number): Range[] {
  if (!(first >= 0 && first <= second)) throw new RangeError("一致性证明的树大小不正确");
  if (first === 0 || first === second) return [];
  const out: Range[] = [];
  const sub = (m: number, start: number, n: number, whole: boolean) => {
    if (m === n) {
      if (!whole) out.push([start, start + n]);
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, start, k, whole);
      out.push([start + k, start + n]);
    } else {
      sub(m - k, start + k, n - k, false);
      out.push([start, start + k]);
    }
  };
  sub(first, 0, second, true);
  return out;
}

/** Every stored node the ranges need, once each. */
export function nodesOf(ranges: Range[]): NodeKey[] {
  const seen = new Map<string, NodeKey>();
  for (const r of ranges) for (const k of rangeNodes(r)) seen.set(`${k[0]}:${k[1]}`, k);
  return [...seen.values()];
}

/** RFC 9162's "right-shift fn and sn equally until LSB(fn) is set or fn is 0". */
function shiftWhileEven(fn: number, sn: number): [number, number] {
  while (fn % 2 === 0 && fn !== 0) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return [fn, sn];
}

/** RFC 9162 §2.1.3.2: the root an inclusion proof leads to, or null when the proof cannot be one. */
export function rootFromInclusion(index: number, size: number, leaf: Hash, proof: Hash[]): Hash | null {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) return null;
  if (leaf.length !== 32 || proof.some((p) => p.length !== 32)) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) [fn, sn] = shiftWhileEven(fn, sn);
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

export function verifyInclusion(index: number, size: number, leaf: Hash, proof: Hash[], root: Hash): boolean {
  const r = rootFromInclusion(index, size, leaf, proof);
  return r !== null && root.length === 32 && equalBytes(r, root);
}

/** RFC 9162 §2.1.4.2: does the proof show the tree of `first` leaves (root1) is a prefix of that of `second` (root2)? */
export function verifyConsistency(first: number, second: number, proof: Hash[], root1: Hash, root2: Hash): boolean {
  if (!(Number.isSafeInteger(first) && Number.isSafeInteger(second) && first >= 0 && first <= second)) return false;
  if (proof.some((p) => p.length !== 32)) return false;
  if (first === second) return proof.length === 0 && equalBytes(root1, root2);
  if (first === 0) return proof.length === 0;
  if (proof.length === 0 || root1.length !== 32 || root2.length !== 32) return false;
  // When first is a power of two its root is the proof's implicit first element.
  const path = (first & (first - 1)) === 0 ? [root1, ...proof] : proof;
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) [fn, sn] = shiftWhileEven(fn, sn);
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(fr, root1) && equalBytes(sr, root2);
}

/**
 * Appending leaves to a tree of `size` leaves whose right edge (the complete subtrees of size's binary form, largest
 * first: rangeNodes([0, size])) is `edge`: every new complete node with its key, and the new root.
 */
export function append(size: number, edge: Hash[], leaves: Hash[]): { nodes: { key: NodeKey; hash: Hash }[]; root: Hash; edge: Hash[] } {
  const keys = rangeNodes([0, size]);
  if (keys.length !== edge.length) throw new RangeError("树的右边缘与树的大小不符");
  // A stack of (level, hash) along the right edge, smallest on top.
  const stack = keys.map((k, i) => ({ level: k[0], hash: edge[i] }));
  const nodes: { key: NodeKey; hash: Hash }[] = [];
  let n = size;
  for (const leaf of leaves) {
    nodes.push({ key: [0, n], hash: leaf });
    let top = { level: 0, hash: leaf };
    let idx = n;
    while (stack.length > 0 && stack[stack.length - 1].level === top.level) {
      const left = stack.pop()!;
      idx = Math.floor(idx / 2);
      top = { level: top.level + 1, hash: nodeHash(left.hash, top.hash) };
      nodes.push({ key: [top.level, idx], hash: top.hash });
    }
    stack.push(top);
    n++;
  }
  const newEdge = stack.map((s) => s.hash);
  let root = newEdge.length === 0 ? EMPTY_ROOT : newEdge[newEdge.length - 1];
  for (let i = newEdge.length - 2; i >= 0; i--) root = nodeHash(newEdge[i], root);
  return { nodes, root, edge: newEdge };
}
