// Ledger benchmark: 20,000 issued-certificate leaves appended in batches of 500 (each batch one transaction under the
// ledger's lock: canonical JSON, leaf and node hashes, the entries, the nodes and a signed tree head), each batch then
// served its inclusion proofs (one read per batch). Beside it, in the same run: bare pg storing the same leaves with
// their SHA-256 in one INSERT per batch (no tree, no proof, no signature). Goal: ≥ 2,000 certificates a second.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import pg from "pg";
import { startEmbeddedPg } from "../scripts/pg";
import { migrate } from "../src/server/db/migrate";

process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00";
process.env.APP_MODE = "test";
const N = Number(process.env.BENCH_LEDGER_N ?? 20_000);
const BATCH = Number(process.env.BENCH_LEDGER_BATCH ?? 500);
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);

const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), "vslc-bench-ledger-"));
const pgh = await startEmbeddedPg({ dataDir: pgDir, quiet: true });
const url = pgh.url("postgres");
await migrate(url);
const { createDb, transactionWithSql } = await import("../src/server/db");
const { appendLeaves } = await import("../src/server/ledger/append");
const { inclusionProofs, latestHead } = await import("../src/server/ledger/proofs");
const { canonicalJson } = await import("../src/domain/ledger/canonical");
const { verifyInclusion } = await import("../src/domain/ledger/merkle");
const { hexToBytes } = await import("@noble/hashes/utils.js");
const db = createDb(url);

/** A realistic issued-certificate leaf (number, holder's masked name and ID commitment, certificate, level, org, date). */
const leafOf = (i: number) => ({
  kind: "CERTIFICATE_ISSUED" as const,
  subjectId: crypto.randomUUID(),
  value: {
    type: "certificate-issued",
    version: 1,
    number: `1560003101561${String(i).padStart(10, "0")}`,
    holder: { name: "张*", idCommitment: crypto.createHash("sha256").update(`salt${i}`).digest("hex") },
    certificate: { code: "6000001", name: "JAVA应用开发职业技能等级证书", level: "INTERMEDIATE", levelCode: "60000012" },
    org: { code: "125", name: "达内时代科技集团有限公司" },
    issuedAt: "2026-12-01",
    mode: "ELECTRONIC",
  },
});

// The platform: append + proofs per batch.
let checked = 0;
const t0 = performance.now();
for (let at = 0; at < N; at += BATCH) {
  const batch = Array.from({ length: Math.min(BATCH, N - at) }, (_, k) => leafOf(at + k));
  const appended = await transactionWithSql(db, (_tx, sql) => appendLeaves(sql, batch, new Date()), { timeout: 60_000, maxWait: 10_000 });
  const size = appended[appended.length - 1].size;
  const proofs = await inclusionProofs(
    db,
    appended.map((a) => a.index),
    size,
  );
  // Spot-check one proof per batch against the batch's root (outside the timing would hide nothing: it is cheap).
  const k = appended.length - 1;
  if (!verifyInclusion(appended[k].index, size, hexToBytes(appended[k].leafHash), proofs[k].auditPath.map(hexToBytes), hexToBytes(appended[k].rootHash)))
    throw new Error("a proof did not verify");
  checked++;
}
const ms = performance.now() - t0;
const head = await latestHead(db);
if (head?.treeSize !== N) throw new Error(`tree size ${head?.treeSize} ≠ ${N}`);

// The bare library: pg storing the same leaves and their hashes, one INSERT per batch in a transaction.
const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query(`CREATE TABLE bare_leaf (i bigint PRIMARY KEY, subject uuid NOT NULL, leaf text NOT NULL, hash bytea NOT NULL)`);
const b0 = performance.now();
for (let at = 0; at < N; at += BATCH) {
  const batch = Array.from({ length: Math.min(BATCH, N - at) }, (_, k) => leafOf(at + k));
  const texts = batch.map((b) => canonicalJson(b.value));
  const hashes = texts.map((x) =>
    crypto
      .createHash("sha256")
      .update(Buffer.concat([Buffer.from([0]), Buffer.from(x)]))
      .digest("hex"),
  );
  await client.query("BEGIN");
  await client.query(`INSERT INTO bare_leaf SELECT i, s, l, decode(h, 'hex') FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[]) AS x(i, s, l, h)`, [
    batch.map((_, k) => at + k),
    batch.map((b) => b.subjectId),
    texts,
    hashes,
  ]);
  await client.query("COMMIT");
}
const baseline = performance.now() - b0;
await client.end();
await db.$disconnect();
clearInterval(sampler);
await pgh.stop();
fs.rmSync(pgDir, { recursive: true, force: true });

const rate = Math.round(N / (ms / 1000));
console.log(`ledger: ${N} certificates in batches of ${BATCH}: ${ms.toFixed(0)} ms, ${rate} certificates/s with proofs (${checked} batches spot-checked)`);
console.log(`bare pg INSERT of the same leaves: ${baseline.toFixed(0)} ms, ${Math.round(N / (baseline / 1000))}/s`);
console.log(
  JSON.stringify({
    bench: "ledger",
    n: N,
    ms: Math.round(ms),
    baseline: "pg INSERT of the same leaves + sha256, same batches",
    baseline_ms: Math.round(baseline),
    ratio: Math.round((ms / baseline) * 100) / 100,
    peak_rss_mb: Math.round(peak / 1048576),
    certificates_per_s: rate,
    batch: BATCH,
  }),
);
