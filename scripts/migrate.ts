// npm run db:migrate: applies prisma/migrations to DATABASE_URL, or to the embedded PostgreSQL under .data/pg.
import path from "node:path";
import { ROOT, ensureDatabase } from "./app";
import { migrate } from "../src/server/db/migrate";
import { ensureJobSchema } from "../src/server/jobs/queue";

const db = await ensureDatabase({ dataDir: path.join(ROOT, ".data", "pg"), port: Number(process.env.PG_PORT ?? 54329), dbName: "vslc" });
try {
  const applied = await migrate(db.url, { log: (m) => console.log(`  ${m}`) });
  console.log(applied.length ? `已应用 ${applied.length} 个迁移` : "数据库结构已是最新");
  await ensureJobSchema(db.url);
} finally {
  await db.pg?.stop();
}
