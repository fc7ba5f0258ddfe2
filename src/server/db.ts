import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(connectionString: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: Number(process.env.DB_POOL_MAX ?? 10) }) });
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
