// The log against RFC 6962's published test vectors (the eight-leaf tree of the reference implementation, as
// transparency-dev/merkle's proof/verify_test.go carries them), then property tests: for any size every inclusion and
// consistency proof built from stored subtrees verifies, the stored tree equals the definition, and any altered byte,
// index, size, leaf or head fails.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { ed25519 } from "@noble/curves/ed25519.js";
import {
  append,
  consistencyRanges,
  EMPTY_ROOT,
  inclusionRanges,
  leafHash,
  nodesOf,
  rangeHash,
  rangeNodes,
  rootFromInclusion,
  rootOf,
  verifyConsistency,
  verifyInclusion,
  type Hash,
  type NodeKey,
} from "./merkle";
import { canonicalJson } from "./canonical";
import { signTreeHead, treeHeadBytes, verifyTreeHead } from "./tree-head";

const h = hexToBytes;
const LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map(h);
const ROOTS = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
// [leaf (1-based), tree size, path]
const INCLUSION: [number, number, string[]][] = [
  [1, 1, []],
  [
    1,
    8,
    [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  ],
  [
    6,
    8,
    [
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  ],
  [3, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]],
  [
    2,
    5,
    [
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
  ],
];
const CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [
    1,
    8,
    [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  ],
  [
    6,
    8,
    [
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  ],
  [2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]],
  [
    6,
    7,
    [
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  ],
];

/** A store as the database keeps it: every complete subtree's hash, built by append() in batches. */
function storeOf(leaves: Hash[], batches: number[] = [leaves.length]) {
  const nodes = new Map<string, Hash>();
  let size = 0;
  let edge: Hash[] = [];
  let root = EMPTY_ROOT;
  for (const b of batches) {
    const r = append(size, edge, leaves.slice(size, size + b));
    for (const n of r.nodes) nodes.set(`${n.key[0]}:${n.key[1]}`, n.hash);
    size += b;
    edge = r.edge;
    root = r.root;
  }
  const node = (k: NodeKey) => {
    const v = nodes.get(`${k[0]}:${k[1]}`);
    if (!v) throw new Error(`missing node ${k}`);
    return v;
  };
  return { node, root, edge, nodes };
}
const proofOf = (ranges: ReturnType<typeof inclusionRanges>, node: (k: NodeKey) => Hash) => ranges.map((r) => rangeHash(r, node));
const flip = (b: Uint8Array, i = 0) => {
  const c = b.slice();
  c[i % c.length] ^= 16;
  return c;
};

describe("RFC 6962 test vectors", () => {
  const hashes = LEAVES.map(leafHash);
  it("tree hashes of the first 1..8 leaves, by definition and from the stored subtrees", () => {
    expect(bytesToHex(EMPTY_ROOT)).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    for (let n = 1; n <= 8; n++) {
      expect(bytesToHex(rootOf(hashes.slice(0, n)))).toBe(ROOTS[n - 1]);
      expect(bytesToHex(storeOf(hashes.slice(0, n)).root)).toBe(ROOTS[n - 1]);
      expect(bytesToHex(rangeHash([0, n], storeOf(hashes).node))).toBe(ROOTS[n - 1]);
    }
  });

  it("inclusion proofs: built as the vectors, and verified", () => {
    const { node } = storeOf(hashes);
    for (const [leaf, size, path] of INCLUSION) {
      expect(proofOf(inclusionRanges(leaf - 1, size), node).map(bytesToHex)).toEqual(path);
      expect(verifyInclusion(leaf - 1, size, hashes[leaf - 1], path.map(h), h(ROOTS[size - 1]))).toBe(true);
    }
  });

  it("consistency proofs: built as the vectors, and verified", () => {
    const { node } = storeOf(hashes);
    for (const [m, n, path] of CONSISTENCY) {
      expect(proofOf(consistencyRanges(m, n), node).map(bytesToHex)).toEqual(path);
      expect(verifyConsistency(m, n, path.map(h), h(ROOTS[m - 1]), h(ROOTS[n - 1]))).toBe(true);
    }
  });

  it("corrupted inclusion proofs fail (the reference's probes)", () => {
    for (const [leaf, size, hex] of INCLUSION.slice(1)) {
      const [i, proof, root, lh] = [leaf - 1, hex.map(h), h(ROOTS[size - 1]), hashes[leaf - 1]];
      const probes: [number, number, Hash, Hash[], Hash][] = [
        [i - 1, size, lh, proof, root],
        [i + 1, size, lh, proof, root],
        [i ^ 2, size, lh, proof, root],
        [i, size * 2, lh, proof, root],
        [i, Math.floor(size / 2), lh, proof, root],
        [i, size, new TextEncoder().encode("WrongLeaf"), proof, root],
        [i, size, lh, proof, EMPTY_ROOT],
        [i, size, lh, [...proof, new Uint8Array()], root],
        [i, size, lh, [...proof, root], root],
        [i, size, lh, [new Uint8Array(), ...proof], root],
        [i, size, lh, [root, ...proof], root],
        ...proof.map((_, k): [number, number, Hash, Hash[], Hash] => [i, size, lh, proof.map((p, j) => (j === k ? flip(p) : p)), root]),
        [i, size, lh, proof.slice(0, -1), root],
      ];
      for (const p of probes) expect(verifyInclusion(...p), `leaf ${leaf} of ${size}`).toBe(false);
    }
  });

  it("corrupted consistency proofs fail (the reference's probes)", () => {
    for (const [m, n, hex] of CONSISTENCY.filter((c) => c[2].length > 0)) {
      const [proof, r1, r2] = [hex.map(h), h(ROOTS[m - 1]), h(ROOTS[n - 1])];
      const probes: [number, number, Hash[], Hash, Hash][] = [
        [m - 1, n, proof, r1, r2],
        [m + 1, n, proof, r1, r2],
        [m ^ 2, n, proof, r1, r2],
        [m, n * 2, proof, r1, r2],
        [m, Math.floor(n / 2), proof, r1, r2],
        [m, n, proof, new TextEncoder().encode("WrongRoot"), r2],
        [m, n, proof, r1, new TextEncoder().encode("WrongRoot")],
        [m, n, proof, r2, r1],
        [m, n, [], r1, r2],
        [m, n, [...proof, new Uint8Array()], r1, r2],
        [m, n, [...proof, r1], r1, r2],
        [m, n, [...proof, r2], r1, r2],
        [m, n, [new Uint8Array(), ...proof], r1, r2],
        [m, n, [r1, ...proof], r1, r2],
        [m, n, [r2, ...proof], r1, r2],
        [m, n, [proof[0], ...proof], r1, r2],
        [m, n, proof.slice(0, -1), r1, r2],
        ...proof.map((_, k): [number, number, Hash[], Hash, Hash] => [m, n, proof.map((p, j) => (j === k ? flip(p) : p)), r1, r2]),
      ];
      for (const p of probes) expect(verifyConsistency(...p), `${m} → ${n}`).toBe(false);
    }
  });

  it("edge sizes: empty trees, time travel and non-empty proofs where none belong", () => {
    const r = h(ROOTS[0]);
    expect(verifyConsistency(0, 0, [], EMPTY_ROOT, EMPTY_ROOT)).toBe(true);
    expect(verifyConsistency(0, 1, [], EMPTY_ROOT, r)).toBe(true);
    expect(verifyConsistency(1, 0, [], r, EMPTY_ROOT)).toBe(false);
    expect(verifyConsistency(1, 1, [EMPTY_ROOT], r, r)).toBe(false);
    expect(verifyConsistency(1, 2, [], r, r)).toBe(false);
    for (const [i, n] of [
      [0, 0],
      [1, 0],
      [2, 1],
    ])
      expect(rootFromInclusion(i, n, r, [])).toBeNull();
    expect(() => inclusionRanges(3, 3)).toThrow();
  });
});

describe("the stored tree (property tests)", () => {
  const leafArb = fc.uint8Array({ maxLength: 12 });
  const treeArb = fc
    .array(leafArb, { minLength: 1, maxLength: 70 })
    .chain((leaves) => fc.tuple(fc.constant(leaves), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 20 })));
  /** Batch sizes that add up to n. */
  const batchesOf = (n: number, sizes: number[]) => {
    const out: number[] = [];
    let left = n;
    for (let i = 0; left > 0; i++) {
      const b = Math.min(left, sizes[i % sizes.length]);
      out.push(b);
      left -= b;
    }
    return out;
  };

  it("appending in any batches gives the root of the definition; every node a proof needs is stored", () => {
    fc.assert(
      fc.property(treeArb, ([leaves, sizes]) => {
        const hashes = leaves.map(leafHash);
        const s = storeOf(hashes, batchesOf(hashes.length, sizes));
        expect(bytesToHex(s.root)).toBe(bytesToHex(rootOf(hashes)));
        expect(s.edge.map(bytesToHex)).toEqual(rangeNodes([0, hashes.length]).map((k) => bytesToHex(s.node(k))));
        for (let i = 0; i < hashes.length; i++) for (const k of nodesOf(inclusionRanges(i, hashes.length))) s.node(k);
      }),
      { numRuns: 150 },
    );
  });

  it("every inclusion proof of every leaf, in every earlier tree size, verifies; a flipped byte never does", () => {
    fc.assert(
      // Distinct leaves: two equal leaves may well swap places.
      fc.property(fc.uniqueArray(leafArb, { minLength: 1, maxLength: 40, selector: bytesToHex }), fc.nat(), (leaves, pick) => {
        const hashes = leaves.map(leafHash);
        const { node } = storeOf(hashes);
        for (let n = 1; n <= hashes.length; n++) {
          const root = rootOf(hashes.slice(0, n));
          for (let i = 0; i < n; i++) {
            const proof = proofOf(inclusionRanges(i, n), node);
            expect(verifyInclusion(i, n, hashes[i], proof, root)).toBe(true);
            expect(verifyInclusion(i, n, flip(hashes[i], pick), proof, root)).toBe(false);
            expect(verifyInclusion(i, n, hashes[i], proof, flip(root, pick))).toBe(false);
            if (proof.length)
              expect(
                verifyInclusion(
                  i,
                  n,
                  hashes[i],
                  proof.map((p, k) => (k === pick % proof.length ? flip(p, pick) : p)),
                  root,
                ),
              ).toBe(false);
            if (n > 1) expect(verifyInclusion((i + 1) % n, n, hashes[i], proof, root)).toBe(false);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it("every consistency proof between two sizes verifies; altered proofs, roots or sizes fail", () => {
    fc.assert(
      fc.property(fc.array(leafArb, { minLength: 2, maxLength: 40 }), fc.nat(), (leaves, pick) => {
        const hashes = leaves.map(leafHash);
        const { node } = storeOf(hashes);
        const roots = [EMPTY_ROOT, ...hashes.map((_, n) => rootOf(hashes.slice(0, n + 1)))];
        for (let m = 0; m <= hashes.length; m++)
          for (let n = m; n <= hashes.length; n++) {
            const proof = proofOf(consistencyRanges(m, n), node);
            expect(verifyConsistency(m, n, proof, roots[m], roots[n])).toBe(true);
            if (m > 0 && m < n) {
              expect(verifyConsistency(m, n, proof, flip(roots[m], pick), roots[n])).toBe(false);
              expect(verifyConsistency(m, n, proof, roots[m], flip(roots[n], pick))).toBe(false);
              expect(
                verifyConsistency(
                  m,
                  n,
                  proof.map((p, k) => (k === pick % proof.length ? flip(p, pick) : p)),
                  roots[m],
                  roots[n],
                ),
              ).toBe(false);
            }
          }
      }),
      { numRuns: 25 },
    );
  });
});

describe("leaves and signed tree heads", () => {
  it("canonical JSON: sorted keys, no whitespace, undefined left out", () => {
    expect(canonicalJson({ b: [1, "二", null, true], a: { d: 1.5, c: undefined }, "€": 0, "\u0080": 1 })).toBe(
      '{"a":{"d":1.5},"b":[1,"二",null,true],"\u0080":1,"€":0}',
    );
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });

  it("a head is RFC 6962's TreeHeadSignature bytes, signed with Ed25519; any changed field fails", () => {
    const secret = ed25519.utils.randomSecretKey();
    const pub = ed25519.getPublicKey(secret);
    const head = { size: 8, timestamp: 1764547200000, root: h(ROOTS[7]) };
    expect(bytesToHex(treeHeadBytes(head))).toBe(`0001${"0000019ad7358400"}${"0000000000000008"}${ROOTS[7]}`);
    const sth = signTreeHead(head, secret);
    expect(verifyTreeHead(sth, pub)).toBe(true);
    expect(verifyTreeHead({ ...sth, size: 9 }, pub)).toBe(false);
    expect(verifyTreeHead({ ...sth, timestamp: sth.timestamp + 1 }, pub)).toBe(false);
    expect(verifyTreeHead({ ...sth, root: flip(sth.root) }, pub)).toBe(false);
    expect(verifyTreeHead({ ...sth, signature: flip(sth.signature) }, pub)).toBe(false);
    expect(verifyTreeHead(sth, ed25519.getPublicKey(ed25519.utils.randomSecretKey()))).toBe(false);
  });
});
