// npm run backup -- [目录]                      back up the database and the stored files (default backups/<time>)
// npm run restore -- <目录> [--database 名称]   restore into an empty database: DATABASE_URL's, or a new database of
//                                               that name on the embedded server (npm start's, default vslc_restored)
// Without DATABASE_URL both use npm start's embedded PostgreSQL (.data/pg), running or not; files go through the
// configured storage (STORAGE_DRIVER / STORAGE_DIR, as the platform's own).
import path from "node:path";
import net from "node:net";
import pg from "pg";
import { ROOT } from "./app";
import { startEmbeddedPg, type PgHandle } from "./pg";

const [mode, ...args] = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const dbName = flag("--database");
const dirArg = args[0];
process.env.STORAGE_DIR ??= path.join(ROOT, ".data", "storage");

const up = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });

/** The server to use: DATABASE_URL's, or npm start's embedded one (started here if it is not running). */
async function server(): Promise<{ url: (db: string) => string; handle?: PgHandle; external: boolean }> {
  if (process.env.DATABASE_URL) return { url: () => process.env.DATABASE_URL!, external: true };
  const port = Number(process.env.PG_PORT ?? 54329);
  if (await up(port)) return { url: (db) => `postgresql://postgres:postgres@127.0.0.1:${port}/${db}`, external: false };
  const handle = await startEmbeddedPg({ dataDir: path.join(ROOT, ".data", "pg"), port, quiet: true });
  return { url: handle.url, handle, external: false };
}

const { getStorage } = await import("../src/server/storage");
const s = await server();
const progress = (m: string) => console.log(`  ${m}`);
try {
  if (mode === "backup") {
    const { backup } = await import("../src/server/backup/backup");
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
    const dir = path.resolve(dirArg ?? path.join(ROOT, "backups", stamp));
    console.log(`备份到 ${dir}`);
    const m = await backup({ url: s.url("vslc"), storage: getStorage(), dir, progress });
    const rows = m.tables.reduce((a, t) => a + t.rows, 0);
    console.log(
      `完成：${m.tables.length} 张表 ${rows} 行，文件 ${m.files.keys.length} 个，证书账本 ${m.ledger.size} 条（根 ${m.ledger.root.slice(0, 16)}…），迁移 ${m.migrations.at(-1)}`,
    );
    if (m.files.missing.length) console.log(`注意：${m.files.missing.length} 个文件记录在存储中已找不到（已列入 manifest.json）`);
  } else if (mode === "restore") {
    if (!dirArg) throw new Error("用法：npm run restore -- <备份目录> [--database 名称]");
    const { restore } = await import("../src/server/backup/restore");
    let url = s.url("");
    if (!s.external) {
      const name = dbName ?? "vslc_restored";
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error("数据库名称只能包含小写字母、数字和下划线");
      const admin = new pg.Client({ connectionString: s.url("postgres") });
      await admin.connect();
      const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount;
      if (!exists) await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      url = s.url(name);
      console.log(`恢复到内置数据库 ${name}`);
    }
    const r = await restore({ url, storage: getStorage(), dir: path.resolve(dirArg), progress });
    console.log(
      `完成：${r.tables} 张表 ${r.rows} 行（行数与备份一致），文件 ${r.files} 个；证书账本 ${r.ledger.size} 条，根哈希与备份一致，最新签名树头校验通过` +
        (r.migrationsAfter.length ? `；随后应用了 ${r.migrationsAfter.length} 个新迁移` : ""),
    );
  } else {
    throw new Error("用法：npm run backup -- [目录] ｜ npm run restore -- <备份目录> [--database 名称]");
  }
} catch (e) {
  console.error(`失败：${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await s.handle?.stop();
}
