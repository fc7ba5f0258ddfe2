import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(connectionString: string): Db {
  // Sessions in UTC, whatever the server's default: the driver adapter writes a Date as UTC digits without an
  // offset and reads timestamptz by dropping the offset, so under another session time zone (our embedded
  // PostgreSQL defaults to Asia/Shanghai) every stored instant would be 8 hours off for SQL's now() and for
  // any other reader, while the app itself never noticed (found by the lockout e2e comparing with now()).
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: Number(process.env.DB_POOL_MAX ?? 10), options: "-c TimeZone=UTC" }) });
}

const g = globalThis as unknown as { __vslcDb?: Db };

/** The process-wide client (one per instance; state lives in PostgreSQL, never here). */
export function getDb(): Db {
  if (!g.__vslcDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL 未设置");
    g.__vslcDb = createDb(url);
  }
  return g.__vslcDb;
}
