// Long work runs as jobs in PostgreSQL (pg-boss): the request only queues; a worker process runs the job;
// a worker that died leaves a record the clean-up job reports as interrupted; queries never write.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, importer, lastSmsCode, login, runJobs } from "../support/trpc";
import { makeSchool, makeUser, PASSWORD } from "../support/factories";
import { fixedClock, systemClock } from "@/server/clock";
import type { SessionUser } from "@/server/session-user";
import { LocalStorage, newKey } from "@/server/storage";
import { beginImport, STALE_MS, templateOf } from "@/server/imports/pipeline";
import { candidateImport } from "@/server/candidates/import-candidates";
import { enqueue } from "@/server/jobs/queue";
import { cleanUp, IMPORT_SOURCE_RETENTION_MS, type ImportJob } from "@/server/jobs/handlers";
import { startWorker } from "@/server/jobs/worker";
import { withIdCheck } from "@/domain/identifiers/id-number";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
const storage = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), "vslc-jobs-")));
let principal: SessionUser;
let other: SessionUser;

beforeAll(async () => {
  const school = await makeSchool(t.db);
  const otherSchool = await makeSchool(t.db);
  const a = await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: school.id });
  const b = await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: otherSchool.id });
  principal = await login(t.db, clock, a.account, PASSWORD);
  clock.advance(61_000);
  other = await login(t.db, clock, b.account, PASSWORD);
}, 60_000);

async function template(ids: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await templateOf(candidateImport.columns, candidateImport.title)) as never);
  const ws = wb.worksheets[0];
  ids.forEach((id, i) => {
    const row = ws.getRow(3 + i);
    [String(i + 1), "院校考生", "王小明", "", "男", "居民身份证", id, "13600000003", "2024", "高职专科", "510201"].forEach((v, j) => {
      row.getCell(j + 1).value = v;
    });
    row.commit();
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("background jobs", () => {
  it("an import queued as the upload route does runs in the job and fills its record", async () => {
    const bytes = await template([withIdCheck("11010820050301901"), withIdCheck("11010820050301903")]);
    const rec = await beginImport({ db: t.db, clock, storage }, importer(principal), "CANDIDATES", { name: "考生.xlsx", bytes });
    expect(rec.sourceFileId).toBeTruthy();
    const job: ImportJob = { recordId: rec.id, importKind: "candidates", who: importer(principal) };
    await enqueue(t.db, "import", job);
    // Before the worker runs, reading the records changes nothing.
    const api = caller(t.db, { clock, session: principal });
    expect((await api.imports.status({ id: rec.id })).status).toBe("RUNNING");
    expect(await runJobs(t.db, clock, storage)).toBe(1);
    expect(await api.imports.status({ id: rec.id })).toMatchObject({ status: "DONE", succeeded: 2, failed: 0 });
    expect(await t.db.candidate.count({ where: { schoolId: principal.schoolId! } })).toBe(2);
    await expect(caller(t.db, { clock, session: other }).imports.status({ id: rec.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a record whose worker died is reported as interrupted by the clean-up job, not by a query", async () => {
    const bytes = await template([withIdCheck("11010820050301905")]);
    const rec = await beginImport({ db: t.db, clock, storage }, importer(principal), "CANDIDATES", { name: "中断.xlsx", bytes });
    const later = fixedClock(new Date(clock.now().getTime() + STALE_MS + 1000));
    const api = caller(t.db, { clock: later, session: principal });
    await api.imports.records({ kinds: ["CANDIDATES"], page: 1, pageSize: 10 });
    expect((await t.db.importRecord.findUniqueOrThrow({ where: { id: rec.id } })).status).toBe("RUNNING");
    const swept = await cleanUp({ db: t.db, clock: later, storage });
    expect(swept.staleImports).toBe(1);
    const r = await t.db.importRecord.findUniqueOrThrow({ where: { id: rec.id } });
    expect([r.status, r.message]).toEqual(["FAILED", "导入中断（服务重启），本次未写入任何数据，请重新导入"]);
  });

  it("clean-up removes expired exports and, after the retention period, the sources of failed imports", async () => {
    const bytes = Buffer.from("not a workbook");
    const rec = await beginImport({ db: t.db, clock, storage }, importer(principal), "CANDIDATES", { name: "坏文件.xlsx", bytes });
    await t.db.importRecord.update({ where: { id: rec.id }, data: { status: "FAILED", message: "文件无法读取", finishedAt: clock.now() } });
    const source = await t.db.storedFile.findUniqueOrThrow({ where: { id: rec.sourceFileId! } });
    const exp = await t.db.storedFile.create({
      data: {
        key: newKey("export", "xlsx", clock.now()),
        purpose: "EXPORT",
        filename: "x.xlsx",
        contentType: "x",
        size: 1,
        ownerUserId: principal.id,
        expiresAt: clock.now(),
      },
    });
    await storage.put(exp.key, Buffer.from("x"));
    await cleanUp({ db: t.db, clock: fixedClock(new Date(clock.now().getTime() + 1000)), storage });
    expect(await t.db.storedFile.count({ where: { id: exp.id } })).toBe(0);
    await expect(storage.readBuffer(exp.key)).rejects.toThrow();
    expect(await t.db.storedFile.count({ where: { id: source.id } })).toBe(1); // still inside the retention period
    await cleanUp({ db: t.db, clock: fixedClock(new Date(clock.now().getTime() + IMPORT_SOURCE_RETENTION_MS + 1000)), storage });
    expect(await t.db.storedFile.count({ where: { id: source.id } })).toBe(0);
    expect((await t.db.importRecord.findUniqueOrThrow({ where: { id: rec.id } })).sourceFileId).toBeNull();
  });

  it("the worker process picks an export up from the queue and the owner downloads the finished file", async () => {
    const worker = await startWorker(t.url, { db: t.db, clock: systemClock, storage });
    try {
      const api = caller(t.db, { clock: systemClock, session: principal });
      await api.auth.sendOwnCode({ purpose: "EXPORT" });
      const phone = (await t.db.user.findUniqueOrThrow({ where: { id: principal.id } })).phone!;
      const { exportId, total } = await api.exports.create({ list: "schools", filter: {}, smsCode: await lastSmsCode(t.db, phone) });
      expect(total).toBe(1);
      let st = await api.exports.status({ id: exportId });
      for (let i = 0; i < 300 && st.status === "RUNNING"; i++) {
        await new Promise((r) => setTimeout(r, 100));
        st = await api.exports.status({ id: exportId });
      }
      expect(st).toMatchObject({ status: "DONE", processed: 1 });
      const file = await t.db.storedFile.findUniqueOrThrow({ where: { id: st.fileId! } });
      expect(file).toMatchObject({ purpose: "EXPORT", ownerUserId: principal.id, rowCount: 1 });
      await expect(caller(t.db, { clock: systemClock, session: other }).exports.status({ id: exportId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      await worker.stop();
    }
  }, 60_000);
});
