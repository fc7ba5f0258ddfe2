// Restores a backup (./backup.ts) into an empty database and the configured storage, then proves it: every table's row
// count against the manifest, the ledger's Merkle root recomputed from the restored leaves against the one taken at
// backup time, and the newest signed tree head's root and Ed25519 signature. A damaged table file is found before
// anything is written; the tables load in one transaction (all or nothing), then the code's newer migrations run as
// on any upgrade.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Storage } from "@/server/storage";
import { migrate, MIGRATIONS_DIR } from "@/server/db/migrate";
import { ensureJobSchema } from "@/server/jobs/queue";
import { verifyTreeHead } from "@/domain/ledger/tree-head";
import { BACKUP_FORMAT, dataTables, ledgerState, type Manifest } from "./backup";

export type RestoreReport = {
  tables: number;
  rows: number;
  files: number;
  ledger: { size: number; root: string; rootMatches: boolean; headSigned: boolean };
  migrationsAfter: string[];
};

export class RestoreError extends Error {}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function readManifest(dir: string): Promise<Manifest> {
  const text = await fs.readFile(path.join(dir, "manifest.json"), "utf8").catch(() => null);
  if (!text) throw new RestoreError(`${dir} 不是完整的备份（缺少 manifest.json）`);
  const m = JSON.parse(text) as Manifest;
  if (m.format !== BACKUP_FORMAT) throw new RestoreError(`备份格式 ${String(m.format)} 无法识别`);
  return m;
}

type Fk = { name: string; child: string; parent: string; deferrable: boolean };

/**
 * Tables in an order where every foreign key points to a table loaded before it; where keys form a cycle (a school
 * and its principal's account), the key closing the cycle is returned to be checked at the end instead. A
 * self-reference needs neither: one COPY checks its rows after the last.
 */
export async function loadOrder(client: pg.ClientBase, tables: string[]): Promise<{ order: string[]; deferred: Fk[] }> {
  const { rows } = await client.query<Fk>(
    `SELECT c.conname AS name, cl.relname AS child, pl.relname AS parent, c.condeferrable AS deferrable
       FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class pl ON pl.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public' AND c.conrelid <> c.confrelid
      ORDER BY cl.relname, c.conname`,
  );
  const keys = new Map(tables.map((t) => [t, [] as Fk[]]));
  for (const r of rows) keys.get(r.child)?.push(r);
  const order: string[] = [];
  const deferred: Fk[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (t: string) => {
    state.set(t, "visiting");
    for (const k of keys.get(t) ?? []) {
      if (!keys.has(k.parent) || state.get(k.parent) === "done") continue;
      if (state.get(k.parent) === "visiting") deferred.push(k);
      else visit(k.parent);
    }
    state.set(t, "done");
    order.push(t);
  };
  for (const t of tables) if (!state.has(t)) visit(t);
  return { order, deferred };
}

export async function restore(opts: { url: string; storage: Storage; dir: string; progress?: (m: string) => void }): Promise<RestoreReport> {
  const { dir, storage } = opts;
  const manifest = await readManifest(dir);
  // Every table file as it was written, before the database is touched.
  for (const t of manifest.tables) {
    const file = path.join(dir, "tables", `${t.name}.copy.gz`);
    if (!(await fs.stat(file).catch(() => null))) throw new RestoreError(`备份缺少表 ${t.name} 的数据文件`);
    if ((await sha256Of(file)) !== t.sha256) throw new RestoreError(`表 ${t.name} 的数据文件已损坏（校验值不符），未恢复任何数据`);
  }
  const known = (await fs.readdir(MIGRATIONS_DIR)).sort();
  const unknown = manifest.migrations.filter((m) => !known.includes(m));
  if (unknown.length) throw new RestoreError(`备份来自更新的版本（迁移 ${unknown[0]} 本版本没有），请用该版本或更新的版本恢复`);

  const client = new pg.Client({ connectionString: opts.url, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    const { rows: present } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    if (present[0].n > 0) throw new RestoreError("目标数据库不是空库，为免覆盖现有数据，请恢复到新建的空数据库");
    // The schema exactly as the backup had it; the code's later migrations run after the data is in.
    const last = manifest.migrations.at(-1);
    const next = last ? known.find((m) => m > last) : known[0];
    await migrate(opts.url, { before: next });
    const tables = await dataTables(client);
    const missing = manifest.tables.filter((t) => !tables.includes(t.name));
    if (missing.length) throw new RestoreError(`备份中的表 ${missing[0].name} 在该版本的数据库结构中不存在`);

    await client.query("BEGIN");
    try {
      // The guards (final states, locked scores, an append-only ledger and audit log) are for the application, not for
      // its own rows coming back; foreign keys and checks stay on. Rows a migration wrote itself give way to the backup's.
      for (const name of tables) await client.query(`ALTER TABLE "${name}" DISABLE TRIGGER USER`);
      if (tables.length) await client.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(", ")}`);
      const entries = new Map(manifest.tables.map((t) => [t.name, t]));
      const { order, deferred } = await loadOrder(client, [...entries.keys()]);
      const altered = deferred.filter((k) => !k.deferrable);
      for (const k of altered) await client.query(`ALTER TABLE "${k.child}" ALTER CONSTRAINT "${k.name}" DEFERRABLE INITIALLY DEFERRED`);
      await client.query("SET CONSTRAINTS ALL DEFERRED");
      for (const name of order) {
        await pipeline(createReadStream(path.join(dir, "tables", `${name}.copy.gz`)), createGunzip(), client.query(copyFrom(`COPY "${name}" FROM STDIN`)));
        opts.progress?.(`表 ${name}：${entries.get(name)!.rows} 行`);
      }
      // The keys that closed a cycle are checked now, then made as they were.
      await client.query("SET CONSTRAINTS ALL IMMEDIATE");
      for (const k of altered) await client.query(`ALTER TABLE "${k.child}" ALTER CONSTRAINT "${k.name}" NOT DEFERRABLE`);
      for (const name of tables) await client.query(`ALTER TABLE "${name}" ENABLE TRIGGER USER`);
      // Sequences (serial and identity columns) continue after the restored rows.
      const { rows: seqs } = await client.query<{ tbl: string; col: string; seq: string }>(
        `SELECT c.table_name AS tbl, c.column_name AS col, pg_get_serial_sequence(format('%I', c.table_name), c.column_name) AS seq
           FROM information_schema.columns c
          WHERE c.table_schema = 'public' AND pg_get_serial_sequence(format('%I', c.table_name), c.column_name) IS NOT NULL`,
      );
      for (const s of seqs) await client.query(`SELECT setval($1, coalesce((SELECT max("${s.col}") FROM "${s.tbl}"), 0) + 1, false)`, [s.seq]);
      // Counted inside the transaction: a short table means nothing is kept.
      for (const t of manifest.tables) {
        const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${t.name}"`);
        if (Number(rows[0].n) !== t.rows) throw new RestoreError(`表 ${t.name} 恢复了 ${rows[0].n} 行，备份中为 ${t.rows} 行`);
      }
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK");
      throw e;
    }

    const ledger = await ledgerState(client);
    const rootMatches = ledger.size === manifest.ledger.size && ledger.root === manifest.ledger.root;
    let headSigned = ledger.headSize === 0;
    if (ledger.headSize) {
      const { rows } = await client.query<{ size: string; ts: string; root: Buffer; sig: Buffer; keyId: string; pub: Buffer }>(
        `SELECT h.size::text, h."timestampMs"::text AS ts, h."rootHash" AS root, h.signature AS sig, h."keyId", k."publicKey" AS pub
           FROM "LedgerHead" h JOIN "LedgerKey" k ON k."keyId" = h."keyId" ORDER BY h.size DESC LIMIT 1`,
      );
      const h = rows[0];
      headSigned =
        Number(h.size) === ledger.size &&
        h.root.toString("hex") === ledger.root &&
        verifyTreeHead(
          { size: Number(h.size), timestamp: Number(h.ts), root: new Uint8Array(h.root), signature: new Uint8Array(h.sig), keyId: h.keyId },
          new Uint8Array(h.pub),
        );
    }
    if (!rootMatches) throw new RestoreError(`证书账本的根哈希与备份时不符（${ledger.root} ≠ ${manifest.ledger.root}）`);
    if (!headSigned) throw new RestoreError("证书账本最新的签名树头与恢复的账本不符或签名无效");

    let files = 0;
    for (const key of manifest.files.keys) {
      await storage.put(key, createReadStream(path.join(dir, "files", key)));
      files++;
    }
    opts.progress?.(`文件 ${files} 个`);
    const migrationsAfter = await migrate(opts.url);
    await ensureJobSchema(opts.url);
    return {
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((a, t) => a + t.rows, 0),
      files,
      ledger: { size: ledger.size, root: ledger.root, rootMatches, headSigned },
      migrationsAfter,
    };
  } finally {
    await client.end();
  }
}
