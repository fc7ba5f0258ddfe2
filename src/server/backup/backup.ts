// A logical backup of the whole platform: every table of the public schema from one consistent snapshot (COPY, text
// format, gzip), the migrations it was at, the ledger's size and Merkle root, and every stored file (uploads, photos,
// certificates, exports) read through the storage interface, so a local directory and an S3 bucket back up alike.
// Not pg_dump: the embedded PostgreSQL ships none and Debian 12's (15) refuses a 17 server; this needs only a
// connection, works against a managed database as its owner, and its restore checks what it restored.
//
// Layout of a backup directory:
//   manifest.json           written last: a directory without it is not a backup
//   tables/<Table>.copy.gz  COPY … TO STDOUT, gzip; the manifest keeps each one's rows and SHA-256
//   files/<storage key>     the stored files' bytes
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Storage } from "@/server/storage";
import { bytesToHex } from "@/domain/ledger/tree-head";
import { EMPTY_ROOT, rootOf } from "@/domain/ledger/merkle";

export const BACKUP_FORMAT = "vslc-backup/1";

export type TableEntry = { name: string; rows: number; bytes: number; sha256: string };
export type Manifest = {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  server: string;
  migrations: string[];
  tables: TableEntry[];
  files: { keys: string[]; bytes: number; missing: string[] };
  ledger: { size: number; root: string; headSize: number; headRoot: string | null };
};

/** Tables that are the platform's data (the migrations' own record is rebuilt by the restore's migrate). */
export async function dataTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  return rows.map((r) => r.name);
}

/** The ledger as the database holds it: its size, the RFC 6962 root of all its leaves, and the newest signed head. */
export async function ledgerState(client: pg.ClientBase): Promise<Manifest["ledger"]> {
  const { rows } = await client.query<{ h: Buffer }>(`SELECT "leafHash" AS h FROM "LedgerEntry" ORDER BY index`);
  const root = rows.length ? rootOf(rows.map((r) => new Uint8Array(r.h))) : EMPTY_ROOT;
  const head = await client.query<{ size: string; root: Buffer }>(`SELECT size::text, "rootHash" AS root FROM "LedgerHead" ORDER BY size DESC LIMIT 1`);
  return {
    size: rows.length,
    root: bytesToHex(root),
    headSize: head.rows[0] ? Number(head.rows[0].size) : 0,
    headRoot: head.rows[0] ? head.rows[0].root.toString("hex") : null,
  };
}

/** Counts rows of a COPY text stream (one line per row; newlines inside values are escaped) and hashes what it writes. */
function counter() {
  let rows = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
      done(null, chunk);
    },
  });
  return { t, rows: () => rows };
}

function hasher() {
  const hash = createHash("sha256");
  let bytes = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { t, digest: () => hash.digest("hex"), bytes: () => bytes };
}

export async function backup(opts: { url: string; storage: Storage; dir: string; progress?: (m: string) => void }): Promise<Manifest> {
  const { dir, storage } = opts;
  await fs.mkdir(path.join(dir, "tables"), { recursive: true });
  if (await fs.stat(path.join(dir, "manifest.json")).catch(() => null)) throw new Error(`备份目录 ${dir} 中已有备份，请换一个目录`);
  const client = new pg.Client({ connectionString: opts.url, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    // One snapshot for every table, the ledger and the list of files: what the backup holds is one moment's state.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const server = (await client.query<{ v: string }>("SHOW server_version")).rows[0].v;
    const migrations = (
      await client.query<{ name: string }>(
        `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows.map((r) => r.name);
    const tables: TableEntry[] = [];
    for (const name of await dataTables(client)) {
      const c = counter();
      const h = hasher();
      await pipeline(client.query(copyTo(`COPY "${name}" TO STDOUT`)), c.t, createGzip(), h.t, createWriteStream(path.join(dir, "tables", `${name}.copy.gz`)));
      tables.push({ name, rows: c.rows(), bytes: h.bytes(), sha256: h.digest() });
      opts.progress?.(`表 ${name}：${c.rows()} 行`);
    }
    const ledger = await ledgerState(client);
    const keys = (await client.query<{ key: string }>(`SELECT key FROM "StoredFile" ORDER BY key`)).rows.map((r) => r.key);
    await client.query("COMMIT");
    let bytes = 0;
    const missing: string[] = [];
    const stored: string[] = [];
    for (const key of keys) {
      const target = path.join(dir, "files", key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      try {
        await pipeline(await storage.read(key), createWriteStream(target));
        bytes += (await fs.stat(target)).size;
        stored.push(key);
      } catch {
        // A record whose bytes are gone (a failed upload's leftover) is listed, not fatal.
        await fs.rm(target, { force: true });
        missing.push(key);
      }
    }
    opts.progress?.(`文件 ${stored.length} 个（${(bytes / 1048576).toFixed(1)} MB）${missing.length ? `，缺失 ${missing.length} 个` : ""}`);
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      server,
      migrations,
      tables,
      files: { keys: stored, bytes, missing },
      ledger,
    };
    await fs.writeFile(path.join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
    return manifest;
  } finally {
    await client.end();
  }
}
