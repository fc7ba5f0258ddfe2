// One writer at a time across every instance: the ledger's transaction-scoped advisory lock in PostgreSQL.
import type { Sql } from "@/server/db";

/** The ledger's lock (pg_advisory_xact_lock key). */
const LEDGER_LOCK = 727170017;

/** Takes the ledger's lock for the rest of the caller's transaction. */
export async function lockLedger(sql: Sql): Promise<void> {
  await sql`SELECT count(*)::int AS n FROM (SELECT pg_advisory_xact_lock(${LEDGER_LOCK})) AS lock`;
}
