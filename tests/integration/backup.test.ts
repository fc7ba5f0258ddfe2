// The backup and restore drill on PostgreSQL: a database with issued and revoked certificates, locked scores, a signed
// ledger and stored files is backed up, restored into a new empty database and a new storage, and the copy has every
// table's rows, the same ledger root under a valid signed head, and the files' bytes. A damaged backup or a database
// that is not empty is refused in Chinese and nothing is written.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { useTestDb } from "../support/db";
import { makeCertificate, makeExamPlan, makeIssuedCertificate, makeOrg, makeResultFor, makeSchool } from "../support/factories";
import { sqlOf } from "@/server/db";
import { appendLeaves } from "@/server/ledger/append";
import { LocalStorage } from "@/server/storage";
import { backup, ledgerState, type Manifest } from "@/server/backup/backup";
import { restore } from "@/server/backup/restore";

const t = useTestDb();
const start = new Date("2026-03-02T00:00:00Z");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vslc-backup-"));
const source = new LocalStorage(path.join(tmp, "source"));
const dir = path.join(tmp, "backup");
const admin = () => inject("pgAdminUrl");
let manifest: Manifest;
const bytes = randomBytes(50_000);
let fileKey = "";

async function emptyDatabase(): Promise<string> {
  const name = `r_${randomBytes(6).toString("hex")}`;
  const c = new pg.Client({ connectionString: admin() });
  await c.connect();
  await c.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  await c.end();
  return admin().replace(/\/[^/]*$/, `/${name}`);
}

async function counts(url: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ t: string }>(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  const out: Record<string, number> = {};
  for (const { t: name } of rows) out[name] = Number((await c.query(`SELECT count(*) AS n FROM "${name}"`)).rows[0].n);
  await c.end();
  return out;
}

beforeAll(async () => {
  const org = await makeOrg(t.db);
  const cert = await makeCertificate(t.db, org.id);
  const level = cert.levels[0];
  const school = await makeSchool(t.db);
  const plan = await makeExamPlan(t.db, org.id, { start, schoolIds: [school.id], levelIds: [level.id] });
  const regId = await makeResultFor(t.db, { schoolId: school.id, planId: plan.id, levelId: level.id, outcome: "PASSED", at: start });
  await t.db.registrationSubject.create({ data: { registrationId: regId, planId: plan.id, subjectId: level.subjects[0].id } });
  await t.db.subjectScore.create({
    data: { registrationId: regId, subjectId: level.subjects[0].id, planId: plan.id, mark: "SCORED", score: 77, enteredAt: start, updatedAt: start },
  });
  const issued = await makeIssuedCertificate(t.db, regId, { at: start });
  const other = await makeResultFor(t.db, { schoolId: school.id, planId: plan.id, levelId: level.id, outcome: "PASSED", at: start });
  await makeIssuedCertificate(t.db, other, { at: start, revoked: "考核违纪" });
  // Final scores: the database refuses to insert them again, except on the way back from a backup.
  await t.db.examPlan.update({ where: { id: plan.id }, data: { scoresLockedAt: start } });
  await t.db.$transaction((tx) =>
    appendLeaves(
      sqlOf(tx),
      Array.from({ length: 7 }, (_, i) => ({ kind: "CERTIFICATE_ISSUED" as const, subjectId: issued.id, value: { drill: i } })),
      start,
    ),
  );
  fileKey = (await t.db.storedFile.findUniqueOrThrow({ where: { id: issued.certificateFileId! } })).key;
  await source.put(fileKey, bytes);
  manifest = await backup({ url: t.url, storage: source, dir });
}, 60_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("backup and restore", () => {
  it("restores every table's rows, the ledger's root under its signed head, and the files, into a new database", async () => {
    const before = await counts(t.url);
    expect(manifest.tables.map((x) => [x.name, x.rows])).toEqual(Object.entries(before));
    expect(manifest.ledger.size).toBeGreaterThanOrEqual(7);
    expect(manifest.ledger.headSize).toBe(manifest.ledger.size);
    expect(manifest.files.keys).toEqual([fileKey]);
    // The revoked certificate's record has no bytes in this storage: listed, not fatal.
    expect(manifest.files.missing).toHaveLength(1);

    const url = await emptyDatabase();
    const target = new LocalStorage(path.join(tmp, "target"));
    const report = await restore({ url, storage: target, dir });
    expect(report.ledger).toMatchObject({ size: manifest.ledger.size, root: manifest.ledger.root, rootMatches: true, headSigned: true });
    expect(await counts(url)).toEqual(before);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    expect(await ledgerState(c)).toEqual(
      await (async () => {
        const s = new pg.Client({ connectionString: t.url });
        await s.connect();
        const l = await ledgerState(s);
        await s.end();
        return l;
      })(),
    );
    // The schema is as migrated: every foreign key as deferrable as in the original.
    const fks = async (q: pg.Client) => (await q.query(`SELECT conname, condeferrable FROM pg_constraint WHERE contype = 'f' ORDER BY conname`)).rows;
    const src = new pg.Client({ connectionString: t.url });
    await src.connect();
    expect(await fks(c)).toEqual(await fks(src));
    await src.end();
    // The guards are back on: locked scores refuse a change in the restored copy as in the original.
    await expect(c.query(`UPDATE "SubjectScore" SET score = 99`)).rejects.toThrow("成绩已永久锁定");
    await c.end();
    expect(Buffer.compare(await target.readBuffer(fileKey), bytes)).toBe(0);
  });

  it("refuses a database that is not empty, and a damaged backup, and writes nothing", async () => {
    const before = await counts(t.url);
    await expect(restore({ url: t.url, storage: new LocalStorage(path.join(tmp, "x")), dir })).rejects.toThrow("目标数据库不是空库");
    expect(await counts(t.url)).toEqual(before);

    const damaged = path.join(tmp, "damaged");
    fs.cpSync(dir, damaged, { recursive: true });
    const file = path.join(damaged, "tables", "Issuance.copy.gz");
    const buf = fs.readFileSync(file);
    buf[buf.length >> 1] ^= 0xff;
    fs.writeFileSync(file, buf);
    const url = await emptyDatabase();
    await expect(restore({ url, storage: new LocalStorage(path.join(tmp, "y")), dir: damaged })).rejects.toThrow("Issuance 的数据文件已损坏");
    expect(await counts(url)).toEqual({});
    await expect(restore({ url, storage: new LocalStorage(path.join(tmp, "y")), dir: path.join(tmp, "nothing") })).rejects.toThrow("缺少 manifest.json");
  });
});
