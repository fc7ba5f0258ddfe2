// Drift check: the database the migrations build and the one prisma/schema.prisma describes must be the same.
// Prisma's own drift tools do not work in adapter mode here (STACK.md), so: one database gets the migrations
// through the project's runner, another the SQL of `prisma migrate diff --from-empty --to-schema-datamodel`,
// and their catalogs are compared. What only the migrations may add (partial and trigram indexes, CHECK
// constraints written by hand) is declared below; anything else on either side fails.
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { migrate } from "@/server/db/migrate";

/** Hand-written SQL in the migrations that Prisma's schema language cannot express. */
const MIGRATION_ONLY = [
  "constraint AccessRole AccessRole_portal",
  "constraint ApplicationPlan ApplicationPlan_window",
  "constraint ExamPlan ExamPlan_windows",
  "constraint ExamRoom ExamRoom_seats_positive",
  "constraint ExamSubject ExamSubject_scores",
  "constraint ExamPlanSubject ExamPlanSubject_time",
  "constraint ExamFee ExamFee_one_target",
  "constraint PaymentOrder PaymentOrder_amounts",
  "constraint PaymentOrderLine PaymentOrderLine_amounts",
  "constraint RegistrationSubject RegistrationSubject_seat",
  "constraint ExamDuty ExamDuty_room_for_invigilators",
  "constraint SubjectScore SubjectScore_mark_score",
  "constraint ScoreCorrection ScoreCorrection_reason",
  "constraint LedgerEntry LedgerEntry_hashes",
  "constraint LedgerNode LedgerNode_hash",
  "constraint LedgerHead LedgerHead_signature",
  "constraint Issuance Issuance_signed_states",
  "constraint Issuance Issuance_certificate_states",
  "constraint IssueBatch IssueBatch_counts",
  "constraint CertificateSerial CertificateSerial_next",
  "constraint PilotApplication PilotApplication_totals",
  "constraint PilotApplicationMajor PilotApplicationMajor_approved_le_requested",
  "constraint PilotApplicationMajor PilotApplicationMajor_numbers",
  "constraint ReviewEvent ReviewEvent_one_subject",
  "constraint User User_failedLoginCount_nonneg",
  "constraint User User_access_role_for_sub_accounts",
  "constraint User User_tenant_matches_role",
  "constraint WeeklyReport WeeklyReport_period",
  "index User User_one_principal_per_school",
  "index Certificate Certificate_name_trgm",
  "index EvaluationOrg EvaluationOrg_name_trgm",
  "index School School_name_trgm",
  "index SchedulingRun SchedulingRun_one_running",
];

async function catalog(url: string): Promise<Set<string>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const out = new Set<string>();
    const cols = await c.query(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, datetime_precision
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    for (const r of cols.rows)
      out.add(`column ${r.table_name}.${r.column_name} ${r.udt_name} null=${r.is_nullable} default=${r.column_default ?? ""} p=${r.datetime_precision ?? ""}`);
    const idx = await c.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    for (const r of idx.rows) out.add(`index ${r.tablename} ${r.indexname} ${r.indexdef}`);
    const cons = await c.query(
      `SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')`,
    );
    for (const r of cons.rows) out.add(`constraint ${String(r.t).replace(/"/g, "")} ${r.conname} ${r.def}`);
    const enums = await c.query(
      // Labels as a set: a value added later is appended by ALTER TYPE, declared in place in the schema.
      `SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumlabel) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' GROUP BY t.typname`,
    );
    for (const r of enums.rows) out.add(`enum ${r.typname} ${r.labels}`);
    return out;
  } finally {
    await c.end();
  }
}

async function freshDb(adminUrl: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name}`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  return adminUrl.replace(/\/[^/]*$/, `/${name}`);
}

describe("schema drift", () => {
  it("the migrations build exactly what prisma/schema.prisma describes, plus the declared hand-written extras", async () => {
    const adminUrl = inject("pgAdminUrl");
    const fromMigrations = await freshDb(adminUrl, "drift_migrations");
    await migrate(fromMigrations);
    const fromSchema = await freshDb(adminUrl, "drift_schema");
    const root = path.resolve(__dirname, "../..");
    const sql = execFileSync("npx", ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/dev/null", PRISMA_QUERY_ENGINE_LIBRARY: "/dev/null", DATABASE_URL: adminUrl },
    });
    const c = new pg.Client({ connectionString: fromSchema });
    await c.connect();
    await c.query(sql);
    await c.end();
    const [m, s] = await Promise.all([catalog(fromMigrations), catalog(fromSchema)]);
    const onlySchema = [...s].filter((x) => !m.has(x)).sort();
    const onlyMigrations = [...m].filter((x) => !s.has(x)).sort();
    const undeclared = onlyMigrations.filter((x) => !MIGRATION_ONLY.some((d) => x.startsWith(d + " ")));
    // Either list names what to fix: write a migration (npm run db:migration -- <name>) or change the schema.
    expect({ onlySchema, undeclared }).toEqual({ onlySchema: [], undeclared: [] });
    const missingExtras = MIGRATION_ONLY.filter((d) => !onlyMigrations.some((x) => x.startsWith(d + " ")));
    expect(missingExtras).toEqual([]);
  }, 120_000);
});
