// npm run db:migration -- <name>: writes the SQL that takes the last committed schema (HEAD's prisma/schema.prisma,
// which the drift check in npm test keeps equal to the migrations) to the working prisma/schema.prisma.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPg } from "./pg";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) throw new Error("usage: npm run db:migration -- <name>");
const dir = path.resolve("prisma", "migrations");
// One migration per commit: a migration folder not committed yet means HEAD's schema is not its starting point.
const pending = execFileSync("git", ["status", "--porcelain", "--", "prisma/migrations"], { encoding: "utf8" })
  .split("\n")
  .filter((l) => /^\?\?|^A /.test(l) && /migration\.sql|\/$/.test(l));
if (pending.length) throw new Error(`先提交上一个迁移再生成新的迁移：\n${pending.join("\n")}`);
const previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vslc-prev-")), "schema.prisma");
fs.writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" }));
// The CLI's adapter mode wants a reachable database even for a pure diff: lend it a throwaway one.
const pg = await startEmbeddedPg({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "vslc-diff-")), quiet: true });
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/dev/null", PRISMA_QUERY_ENGINE_LIBRARY: "/dev/null", DATABASE_URL: pg.url("postgres") };
const from = ["--from-schema-datamodel", previous];
let sql: string;
try {
  sql = execFileSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], { env, encoding: "utf8" });
} finally {
  await pg.stop();
}
if (/This is an empty migration/.test(sql)) {
  console.log("schema unchanged");
  process.exit(0);
}
const ts = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const target = path.join(dir, `${ts}_${name}`);
fs.mkdirSync(target, { recursive: true });
const extra = path.join(dir, `${name}.extra.sql`);
fs.writeFileSync(path.join(target, "migration.sql"), sql + (fs.existsSync(extra) ? "\n" + fs.readFileSync(extra, "utf8") : ""));
if (fs.existsSync(extra)) fs.rmSync(extra);
console.log(`wrote ${target}/migration.sql`);
