// Applies prisma/migrations/*/migration.sql in order and records them in a `_prisma_migrations`
// table shaped like Prisma's own, so `prisma migrate deploy` still works where its engine can run.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma", "migrations");

/** opts.before: stop before this migration (tests of a data migration build the data it finds first). */
export async function migrate(connectionString: string, opts: { log?: (m: string) => void; before?: string } = {}): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    // One instance migrates at a time; the others wait and then find nothing to do.
    await client.query("SELECT pg_advisory_lock(727170001)");
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      id VARCHAR(36) PRIMARY KEY, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,
      migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
      started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
    const done = new Map<string, string>(
      (await client.query(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)).rows.map(
        (r: { migration_name: string; checksum: string }) => [r.migration_name, r.checksum],
      ),
    );
    const names = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((d) => fs.existsSync(path.join(MIGRATIONS_DIR, d, "migration.sql")) && (!opts.before || d < opts.before))
      .sort();
    for (const name of names) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const prior = done.get(name);
      if (prior) {
        if (prior !== checksum) throw new Error(`迁移 ${name} 已应用后被修改（校验和不一致），请新建迁移而不是修改旧迁移`);
        continue;
      }
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1,$2,now(),$3,1)`, [
          id,
          checksum,
          name,
        ]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`迁移 ${name} 失败: ${(e as Error).message}`);
      }
      applied.push(name);
      opts.log?.(`applied ${name}`);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock(727170001)").catch(() => {});
    await client.end();
  }
  return applied;
}
