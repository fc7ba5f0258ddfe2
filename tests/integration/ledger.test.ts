// The ledger on PostgreSQL: batched appends under one lock (also when transactions race), the stored tree equal to
// RFC 6962's definition, every proof served over the HTTP handler verifying against a signed head, the database
// refusing any change; certificate-definition changes recorded with the change, and 上链信息 checkable by the browser.
import { beforeAll, describe, expect, it } from "vitest";
import { hexToBytes } from "@noble/hashes/utils.js";
import { useTestDb } from "../support/db";
import { caller, login } from "../support/trpc";
import { makeOrg, makeUser, PASSWORD } from "../support/factories";
import { fixedClock } from "@/server/clock";
import { sqlOf } from "@/server/db";
import { appendLeaves, type LeafInput } from "@/server/ledger/append";
import { ledgerHttp } from "@/server/ledger/http";
import { leafHash, rootOf, verifyConsistency, verifyInclusion } from "@/domain/ledger/merkle";
import { verifyTreeHead } from "@/domain/ledger/tree-head";
import { checkEntry } from "@/domain/ledger/verify";
import type { SessionUser } from "@/server/session-user";

const t = useTestDb();
const clock = fixedClock("2026-06-10T02:00:00Z");
const s: Record<string, SessionUser> = {};
const leaves = (n: number, tag: string): LeafInput[] =>
  Array.from({ length: n }, (_, i) => ({ kind: "CERTIFICATE_ISSUED", subjectId: crypto.randomUUID(), value: { test: tag, i } }));
const http = async (path: string, q: Record<string, string> = {}) => ledgerHttp(t.db, path.split("/"), new URLSearchParams(q));
const body = async <T>(path: string, q: Record<string, string> = {}) => {
  const r = await http(path, q);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as T;
};
type Head = { treeSize: number; timestamp: number; rootHash: string; signature: string; keyId: string; publicKey: string };
const headOk = (h: Head) =>
  verifyTreeHead(
    { size: h.treeSize, timestamp: h.timestamp, root: hexToBytes(h.rootHash), signature: hexToBytes(h.signature), keyId: h.keyId },
    hexToBytes(h.publicKey),
  );

beforeAll(async () => {
  const org = await makeOrg(t.db);
  const other = await makeOrg(t.db);
  for (const [k, u] of Object.entries({ org: await makeUser(t.db, "ORG", { orgId: org.id }), other: await makeUser(t.db, "ORG", { orgId: other.id }) })) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
}, 60_000);

describe("the ledger", () => {
  it("appends in batches; the stored tree is RFC 6962's; every proof over HTTP verifies against a signed head", async () => {
    const heads: Head[] = [];
    for (const n of [1, 6, 1, 13]) {
      await t.db.$transaction((tx) => appendLeaves(sqlOf(tx), leaves(n, `batch${n}`), clock.now()));
      clock.advance(1000);
      heads.push(await body<Head>("head"));
    }
    expect(heads.map((h) => h.treeSize)).toEqual([1, 7, 8, 21]);
    expect(heads.every(headOk)).toBe(true);
    const entries = await t.db.ledgerEntry.findMany({ orderBy: { index: "asc" } });
    expect(entries.map((e) => Number(e.index))).toEqual([...Array(21).keys()]);
    const hashes = entries.map((e) => leafHash(new TextEncoder().encode(e.leaf)));
    // 块哈希 of each entry is the root right after it; 交易哈希 its leaf hash.
    entries.forEach((e, i) => {
      expect(Buffer.from(e.leafHash).equals(Buffer.from(hashes[i]))).toBe(true);
      expect(Buffer.from(e.rootHash).equals(Buffer.from(rootOf(hashes.slice(0, i + 1))))).toBe(true);
    });
    const last = heads[3];
    for (let i = 0; i < 21; i++) {
      const p = await body<{ auditPath: string[]; treeSize: number }>("proof/inclusion", { index: String(i), treeSize: "21" });
      expect(verifyInclusion(i, 21, hashes[i], p.auditPath.map(hexToBytes), hexToBytes(last.rootHash))).toBe(true);
    }
    // By 交易哈希, in an older tree.
    const byHash = await body<{ leafIndex: number; auditPath: string[] }>("proof/inclusion", { hash: Buffer.from(hashes[3]).toString("hex"), treeSize: "7" });
    expect(byHash.leafIndex).toBe(3);
    expect(verifyInclusion(3, 7, hashes[3], byHash.auditPath.map(hexToBytes), hexToBytes(heads[1].rootHash))).toBe(true);
    for (const [a, b] of [
      [0, 1],
      [1, 3],
      [0, 3],
      [2, 3],
    ]) {
      const [h1, h2] = [heads[a], heads[b]];
      const c = await body<{ consistency: string[] }>("proof/consistency", { first: String(h1.treeSize), second: String(h2.treeSize) });
      expect(verifyConsistency(h1.treeSize, h2.treeSize, c.consistency.map(hexToBytes), hexToBytes(h1.rootHash), hexToBytes(h2.rootHash))).toBe(true);
    }
    expect(await body<Head>("heads/7")).toEqual(heads[1]);
    const e = await body<{ blockHeight: number; leaf: string }>("entries/5");
    expect(e.blockHeight).toBe(6);
    expect(JSON.parse(e.leaf)).toEqual({ test: "batch6", i: 4 });
  });

  it("answers bad requests with a Chinese message and unknown ones with 404", async () => {
    expect(await http("proof/inclusion", { index: "-1" })).toMatchObject({ status: 400, body: { error: "叶子序号应为非负整数" } });
    expect(await http("proof/inclusion", { index: "999999" })).toMatchObject({ status: 400, body: { error: "叶子序号超出树的大小" } });
    expect(await http("proof/inclusion", { index: "0", treeSize: "999999" })).toMatchObject({ status: 400, body: { error: "树的大小超过当前日志" } });
    expect(await http("proof/inclusion", { hash: "zz" })).toMatchObject({ status: 400, body: { error: "交易哈希应为 64 位十六进制" } });
    expect(await http("proof/inclusion", { hash: "00".repeat(32) })).toMatchObject({ status: 404, body: { error: "上链记录不存在" } });
    expect(await http("proof/consistency", { first: "5", second: "2" })).toMatchObject({ status: 400 });
    expect(await http("entries/999999")).toMatchObject({ status: 404 });
    expect(await http("heads/999999")).toMatchObject({ status: 404 });
    expect(await http("nothing")).toMatchObject({ status: 404 });
  });

  it("racing transactions append one at a time: contiguous indices, one consistent tree", async () => {
    const before = (await body<Head>("head")).treeSize;
    await Promise.all(Array.from({ length: 8 }, (_, k) => t.db.$transaction((tx) => appendLeaves(sqlOf(tx), leaves(5, `race${k}`), clock.now()))));
    const entries = await t.db.ledgerEntry.findMany({ orderBy: { index: "asc" } });
    expect(entries.length).toBe(before + 40);
    const hashes = entries.map((e) => leafHash(new TextEncoder().encode(e.leaf)));
    const head = await body<Head>("head");
    expect(head.treeSize).toBe(before + 40);
    expect(Buffer.from(rootOf(hashes)).toString("hex")).toBe(head.rootHash);
    // Each racer's batch is contiguous (one writer at a time).
    for (let k = 0; k < 8; k++) {
      const idx = entries.filter((e) => JSON.parse(e.leaf).test === `race${k}`).map((e) => Number(e.index));
      expect(idx[4] - idx[0]).toBe(4);
    }
  });

  it("the database refuses any change, and a leaf out of order", async () => {
    for (const stmt of [
      `UPDATE "LedgerEntry" SET leaf = '{}' WHERE "index" = 0`,
      `DELETE FROM "LedgerEntry" WHERE "index" = 0`,
      `TRUNCATE "LedgerEntry"`,
      `UPDATE "LedgerNode" SET hash = hash WHERE level = 0 AND idx = 0`,
      `DELETE FROM "LedgerNode"`,
      `UPDATE "LedgerHead" SET "timestampMs" = 0`,
      `DELETE FROM "LedgerHead"`,
    ])
      await expect(t.db.$executeRawUnsafe(stmt), stmt).rejects.toThrow(/只能追加/);
    await expect(
      t.db.$executeRawUnsafe(
        `INSERT INTO "LedgerEntry" ("index", kind, "subjectId", leaf, "leafHash", "rootHash") VALUES (999, 'CERTIFICATE_ISSUED', gen_random_uuid(), '{}', decode(repeat('00', 32), 'hex'), decode(repeat('00', 32), 'hex'))`,
      ),
    ).rejects.toThrow(/上链序号不连续/);
  });

  it("a certificate's definition changes are recorded with the change; 上链信息 checks in the browser's code", async () => {
    const info = { batch: "第五批", category: "电子与信息大类", examModes: ["COMPUTER" as const], hours: 80, credits: 4 };
    const api = caller(t.db, { clock, session: s.org });
    const { id } = await api.certificates.create({ code: "6900017", name: "区块链存证应用职业技能等级证书", levels: ["JUNIOR"], ...info });
    await api.certificates.addLevel({ id, level: "SENIOR" });
    const rows = await t.db.ledgerEntry.findMany({ where: { subjectId: id }, orderBy: { index: "asc" } });
    expect(rows.map((r) => r.kind)).toEqual(["CERTIFICATE_DEFINITION", "CERTIFICATE_DEFINITION"]);
    const def = JSON.parse(rows[1].leaf);
    expect(def).toMatchObject({
      type: "certificate-definition",
      certificate: { code: "6900017", status: "DISABLED", levels: [{ level: "JUNIOR" }, { level: "SENIOR" }] },
    });
    // A refused change records nothing.
    await expect(api.certificates.addLevel({ id, level: "SENIOR" })).rejects.toThrow("该等级已存在");
    await expect(caller(t.db, { clock, session: s.other }).certificates.addLevel({ id, level: "INTERMEDIATE" })).rejects.toThrow("不属于本机构");
    expect(await t.db.ledgerEntry.count({ where: { subjectId: id } })).toBe(2);

    // Any signed-in user reads the catalogue's 上链信息 (public catalogue data); the check passes, a tampered copy fails.
    const info2 = await caller(t.db, { clock, session: s.other }).catalogue.certificateLedger({ id });
    expect(info2).toMatchObject({ versions: 2, entry: { blockHeight: Number(rows[1].index) + 1 } });
    const { entry, proof, head } = info2;
    expect(checkEntry(entry!, proof!, head!)).toEqual({ leaf: true, inclusion: true, signature: true, ok: true });
    expect(checkEntry({ ...entry!, leaf: entry!.leaf.replace("6900017", "6900018") }, proof!, head!).ok).toBe(false);
    expect(checkEntry(entry!, { ...proof!, auditPath: [...proof!.auditPath].reverse() }, head!).inclusion).toBe(proof!.auditPath.length < 2);
    expect(checkEntry(entry!, proof!, { ...head!, timestamp: head!.timestamp + 1 }).signature).toBe(false);
    await expect(caller(t.db, { clock }).catalogue.certificateLedger({ id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller(t.db, { clock, session: s.org }).catalogue.certificateLedger({ id: crypto.randomUUID() })).rejects.toThrow("证书不存在");
  });
});
