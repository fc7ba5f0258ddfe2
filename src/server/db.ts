import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Raw SQL as a tagged template (values become $1, $2, …): for bulk statements where Prisma's per-value work shows. */
export type Sql = <R = Record<string, unknown>>(strings: TemplateStringsArray, ...values: unknown[]) => Promise<R[]>;

const textOf = (strings: TemplateStringsArray) => strings.reduce((a, s, i) => `${a}$${i}${s}`);

/** Sql through Prisma (small statements, or where no transaction connection is at hand). */
export const sqlOf =
  (db: Db | Tx): Sql =>
  (strings, ...values) =>
    db.$queryRawUnsafe(textOf(strings), ...values);

const sqlOnClient =
  (client: pg.PoolClient): Sql =>
  async (strings, ...values) =>
    (await client.query({ text: textOf(strings), values })).rows;

// Per process, not per module copy: the web process's own lookup path and Next's bundle share one client (getDb).
const pools = ((globalThis as unknown as { __vslcPools?: WeakMap<Db, pg.Pool> }).__vslcPools ??= new WeakMap<Db, pg.Pool>());

/**
 * Sql straight on the pool, outside any transaction (an import's checks run beside its writing transaction; the hot
 * public paths skip Prisma's per-query compilation). `name` makes it a prepared statement, parsed and planned once per
 * connection: one fixed text per name. A transaction client (not a pool's) gets Sql through Prisma, in its transaction.
 */
export function poolSql(db: Db | Tx, name?: string): Sql {
  const pool = pools.get(db as Db);
  if (!pool) return sqlOf(db);
  return async (strings, ...values) => (await pool.query({ name, text: textOf(strings), values })).rows;
}

// Which pool connection a Prisma transaction took: the adapter asks the pool for it inside the caller's async context.
const txConnection = new AsyncLocalStorage<{ client?: pg.PoolClient }>();

export function createDb(connectionString: string): Db {
  // Sessions in UTC, whatever the server's default: the driver adapter writes a Date as UTC digits without an
  // offset and reads timestamptz by dropping the offset, so under another session time zone (our embedded
  // PostgreSQL defaults to Asia/Shanghai) every stored instant would be 8 hours off for SQL's now() and for
  // any other reader, while the app itself never noticed (found by the lockout e2e comparing with now()).
  const pool = new pg.Pool({ connectionString, max: Number(process.env.DB_POOL_MAX ?? 10), options: "-c TimeZone=UTC" });
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => Promise<pg.PoolClient>;
  pool.connect = ((...args: unknown[]) => {
    const holder = txConnection.getStore();
    if (!holder || holder.client || args.length) return connect(...args);
    return connect().then((c) => (holder.client = c));
  }) as typeof pool.connect;
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

/**
 * A Prisma transaction that also hands out its own connection as Sql, so bulk statements (imports) skip Prisma's
 * per-value compilation (~20 ms per 13,000 values, measured) yet stay in the same transaction as the Prisma writes.
 */
export async function transactionWithSql<T>(db: Db, fn: (tx: Tx, sql: Sql) => Promise<T>, options: { timeout: number; maxWait: number }): Promise<T> {
  const holder: { client?: pg.PoolClient } = {};
  return txConnection.run(holder, () =>
    db.$transaction(async (tx) => {
      if (!holder.client) throw new Error("transactionWithSql: the transaction's connection was not captured");
      const sql = sqlOnClient(holder.client);
      // The same backend, or the bulk statements would run outside this transaction.
      const [[a], [b]] = await Promise.all([
        tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`,
        sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`,
      ]);
      if (a.pid !== b.pid) throw new Error("transactionWithSql: captured connection is not the transaction's");
      return fn(tx, sql);
    }, options),
  );
}

const g = globalThis as unknown as { __vslcDb?: Db; __vslcReadDb?: Db };

/** The process-wide client (one per instance; state lives in PostgreSQL, never here). */
export function getDb(): Db {
  if (!g.__vslcDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL 未设置");
    g.__vslcDb = createDb(url);
  }
  return g.__vslcDb;
}

/**
 * Where the heavy reads go (public lookups, list pages): DATABASE_REPLICA_URL's streaming replica when set, else the
 * primary. A replica may lag by a moment, so nothing that reads its own write right after uses it.
 */
export function getReadDb(): Db {
  const url = process.env.DATABASE_REPLICA_URL;
  if (!url) return getDb();
  g.__vslcReadDb ??= createDb(url);
  return g.__vslcReadDb;
}
