// The one import pipeline (candidates now; rooms, registrations, invigilators and scores later). One streaming
// pass over the file, so memory stays flat whatever its size: each row is cleaned and checked with the form's
// rules, good rows go in batches through the database checks and the write, all in ONE transaction, so a bad
// file (even at its last row) or a killed worker writes nothing. Each batch runs under a savepoint: when it
// clashes with someone else's rows it is retried row by row and only the clashing rows fail. The next batch
// is read while PostgreSQL writes the last. Progress and the 导入记录 are kept in PostgreSQL; failed rows come
// back as an .xlsx with a 失败原因 column.
import ExcelJS from "exceljs";
import { poolSql, transactionWithSql, type Db, type Sql, type Tx } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { Actor, OrgScope, Requester, SchoolScope } from "@/server/tenancy";
import type { ImportKind } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/server/audit/write";
import { badRequest } from "@/server/errors";
import { getStorage, newKey, type Storage } from "@/server/storage";
import { safeCell, writeXlsx, type ExportColumn } from "@/server/excel/export";
import { sheetRows, SheetError } from "./read-sheet";

export type ImportColumn = { key: string; header: string; width?: number; example: string; options?: string[]; text?: boolean; note?: string };
/** Who imports: the minted scope (a school's, or an org's for 科目成绩) and the actor (never the session; the job carries both). */
export type ImportScope = SchoolScope | OrgScope;
export type Importer<S extends ImportScope = SchoolScope> = Requester<S>;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };
/** The import's transaction, through Prisma and as raw Sql on the same connection (for the bulk statements). */
export type BatchTx = { tx: Tx; sql: Sql };
/** Where a batch's checks read: beside the transaction (committed rows), or inside it when a batch is retried. */
export type CheckDb = { db: Db | Tx; sql: Sql };

/** T: a row after the form's rules; W: what the database checks made of it, ready to write. */
export type ImportSpec<T, C, W = T, S extends ImportScope = SchoolScope> = {
  kind: ImportKind;
  title: string;
  columns: ImportColumn[];
  /**
   * Loaded once per import (the school, lookups), from what the importer chose before uploading (`params`, as
   * the route stored them); a SheetError here refuses the whole file with its message.
   */
  context: (db: Db, who: Importer<S>, params: unknown, now: Date) => Promise<C>;
  /** One row alone: the same cleaning and rules as the form. */
  check: (cells: Record<string, string>, ctx: C, now: Date) => Checked<T>;
  /** Same value twice in one file (e.g. an ID number): the later row fails. */
  key?: (value: T) => string;
  /**
   * Rules needing the database, for a batch: per row an error or the value to write. They read committed rows
   * while the previous batch writes; a row someone else takes meanwhile makes the write fail and the batch is
   * retried row by row with the checks inside the transaction. Duplicates within the file are `key`'s job.
   */
  checkBatch: (on: CheckDb, rows: T[], ctx: C, now: Date) => Promise<Checked<W>[]>;
  /**
   * Writes a batch inside the transaction it is given. A rule only the write can decide (a quota counted under
   * its lock) refuses rows by returning their index with the reason; the rest are written.
   */
  write: (on: BatchTx, rows: W[], ctx: C, now: Date, importId: string) => Promise<void | Map<number, string>>;
};

type Deps = { db: Db; clock: Clock; storage?: Storage };
const BATCH = 1000;
export const STALE_MS = 2 * 60 * 1000;

/** A template to download: headers, one example row (序号 示例, skipped on import), list validations, text columns. */
export async function templateOf(columns: ImportColumn[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(title.slice(0, 31));
  const all = [{ key: "seq", header: "序号", width: 8, example: "示例" } as ImportColumn, ...columns];
  ws.columns = all.map((c) => ({ key: c.key, width: c.width ?? Math.max(12, c.header.length * 2 + 6), style: c.text ? { numFmt: "@" } : {} }));
  const head = ws.addRow(all.map((c) => c.header));
  head.font = { bold: true };
  head.eachCell((cell, i) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    const note = all[i - 1].note;
    if (note) cell.note = note;
  });
  const ex = ws.addRow(all.map((c) => c.example));
  ex.font = { italic: true, color: { argb: "FF64748B" } };
  all.forEach((c, i) => {
    const col = String.fromCharCode(65 + i);
    // Range validations exist at runtime in exceljs 4 but are missing from its typings.
    if (c.options)
      (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${col}3:${col}50002`, {
        type: "list",
        allowBlank: true,
        formulae: [`"${c.options.join(",")}"`],
        showErrorMessage: true,
        errorTitle: "输入有误",
        error: `请从下拉列表中选择：${c.options.join("、")}`,
      });
    if (c.text) for (let r = 3; r <= 1002; r++) ws.getCell(`${col}${r}`).numFmt = "@";
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Creates the 导入记录 and stores the source file; the work itself is runImport. */
export async function beginImport(
  deps: Deps,
  who: Importer<ImportScope>,
  kind: ImportKind,
  file: { name: string; bytes: Buffer },
  params?: Prisma.InputJsonValue,
) {
  const storage = deps.storage ?? getStorage();
  const now = deps.clock.now();
  const zip = /\.zip$/i.test(file.name);
  const key = newKey("import", zip ? "zip" : "xlsx", now);
  const size = await storage.put(key, file.bytes);
  return deps.db.$transaction(async (tx) => {
    const source = await tx.storedFile.create({
      data: {
        key,
        purpose: "IMPORT_SOURCE",
        filename: file.name.slice(0, 200),
        contentType: zip ? "application/zip" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        size,
        ownerUserId: who.actor.id,
        createdAt: now,
      },
    });
    return tx.importRecord.create({
      data: {
        kind,
        userId: who.actor.id,
        schoolId: who.scope.kind === "school" ? who.scope.schoolId : null,
        orgId: who.scope.kind === "org" ? who.scope.orgId : null,
        filename: file.name.slice(0, 200),
        sourceFileId: source.id,
        ...(params === undefined ? {} : { params }),
        createdAt: now,
        heartbeatAt: now,
      },
    });
  });
}

type Failed = { line: number; cells: Record<string, string>; reason: string };
type Row<T> = { line: number; cells: Record<string, string>; value: T };
/** An import is one transaction; this bounds it (50,000 rows take seconds). */
const IMPORT_TX_MS = 15 * 60_000;

export async function runImport<T, C, W, S extends ImportScope>(deps: Deps, who: Importer<S>, spec: ImportSpec<T, C, W, S>, recordId: string, bytes: Buffer) {
  const { db, clock } = deps;
  const now = clock.now();
  const failed: Failed[] = [];
  let total = 0;
  let succeeded = 0;
  try {
    const rec = await db.importRecord.findUniqueOrThrow({ where: { id: recordId }, select: { params: true } });
    const ctx = await spec.context(db, who, rec.params, now);
    return await transactionWithSql(
      db,
      async (tx, sql) => {
        // Measured (npm run bench -- import, runs 2 and 3): after the previous import's candidates and accounts
        // were deleted and the tables vacuumed, the next 50,000-row import took 102–135 s instead of 4.5, inside
        // its one INSERT per batch, and 4 s once sequential scans were off for it. Off for this transaction only,
        // with this connection's cached plans dropped so they are made again under that setting.
        await sql`SET LOCAL enable_seqscan = off; DISCARD PLANS; SAVEPOINT import_batch`;
        const seen = new Map<string, number>();
        let batch: Row<T>[] = [];
        let writing: Promise<void> = Promise.resolve();
        // Progress goes through another connection, off the transaction's path: each waits for the one before.
        let progress: Promise<unknown> = Promise.resolve();
        const beside = { db, sql: poolSql(db) };
        const write = async (rows: Row<T>[], checks?: Promise<Checked<W>[]>) => {
          succeeded += await writeBatch({ tx, sql }, spec, ctx, now, recordId, rows, failed, checks);
          const data = { processed: total, succeeded, failed: failed.length, heartbeatAt: clock.now() };
          progress = progress.then(() => db.importRecord.update({ where: { id: recordId }, data })).catch(() => undefined);
        };
        try {
          for await (const r of sheetRows(bytes, spec.columns)) {
            total++;
            // Give the event loop a turn now and then: the writing batch's next statement goes out only once the
            // last one's reply is handled, and parsing a sheet from memory rarely yields by itself.
            if (total % 20 === 0) await new Promise(setImmediate);
            if (r.problem) {
              failed.push({ line: r.line, cells: r.cells, reason: r.problem });
              continue;
            }
            const c = spec.check(r.cells, ctx, now);
            if (!c.ok) {
              failed.push({ ...r, reason: c.error });
              continue;
            }
            const k = spec.key?.(c.value);
            if (k && seen.has(k)) {
              failed.push({ ...r, reason: `与第 ${seen.get(k)} 行重复` });
              continue;
            }
            if (k) seen.set(k, r.line);
            batch.push({ ...r, value: c.value });
            if (batch.length === BATCH) {
              // This batch's checks run on another connection while the last batch writes; the next batch is read
              // while this one writes (one statement at a time on the transaction).
              const checks = spec.checkBatch(
                beside,
                batch.map((b) => b.value),
                ctx,
                now,
              );
              checks.catch(() => undefined); // awaited in write; this only keeps an early failure from going unhandled
              await writing;
              writing = write(batch, checks);
              batch = [];
            }
          }
        } finally {
          await writing.catch(() => undefined);
        }
        await writing;
        if (batch.length) await write(batch);
        await progress;
        if (total === 0) throw new SheetError("文件中没有数据行");
        const failedFileId = failed.length
          ? await failedRowsFile(
              deps,
              who.actor,
              spec,
              failed.sort((a, b) => a.line - b.line),
            )
          : null;
        const rec = await tx.importRecord.update({
          where: { id: recordId },
          data: { status: "DONE", total, succeeded, failed: failed.length, processed: total, failedFileId, finishedAt: clock.now(), heartbeatAt: clock.now() },
        });
        await writeAudit(tx, {
          actor: who.actor,
          action: `import.${spec.kind.toLowerCase()}`,
          targetType: "ImportRecord",
          targetId: recordId,
          summary: `${spec.title}：成功 ${succeeded} 条，失败 ${failed.length} 条（${rec.filename}）`,
        });
        return rec;
      },
      { timeout: IMPORT_TX_MS, maxWait: 60_000 },
    );
  } catch (e) {
    if (!(e instanceof SheetError)) throw e;
    // The transaction rolled back: nothing of this file was written.
    await db.importRecord.update({ where: { id: recordId }, data: { status: "FAILED", message: e.message, finishedAt: clock.now() } });
    throw badRequest(e.message);
  }
}

/**
 * One batch: its database checks (already under way beside the transaction, or run inside it), then its write
 * under a savepoint of the import's transaction. The savepoint is queued with the write, so the two go out back
 * to back: every round trip on the transaction otherwise waits for the reading thread's next turn.
 */
async function writeBatch<T, C, W, S extends ImportScope>(
  on: BatchTx,
  spec: ImportSpec<T, C, W, S>,
  ctx: C,
  now: Date,
  recordId: string,
  batch: Row<T>[],
  failed: Failed[],
  checks?: Promise<Checked<W>[]>,
): Promise<number> {
  // null: the write clashed and was rolled back (a failed check is a real error and ends the import).
  const attempt = async (rows: Row<T>[], checks?: Promise<Checked<W>[]>): Promise<number | null> => {
    const checked = await (checks ??
      spec.checkBatch(
        { db: on.tx, sql: on.sql },
        rows.map((b) => b.value),
        ctx,
        now,
      ));
    const ok: W[] = [];
    const okRows: Row<T>[] = [];
    const bad: Failed[] = [];
    checked.forEach((c, j) => {
      if (c.ok) {
        ok.push(c.value);
        okRows.push(rows[j]);
      } else bad.push({ line: rows[j].line, cells: rows[j].cells, reason: c.error });
    });
    let refused = 0;
    if (ok.length) {
      // Without parameters this is one simple-protocol message; the commit releases the last savepoint.
      const savepoint = on.sql`RELEASE SAVEPOINT import_batch; SAVEPOINT import_batch`;
      try {
        const [, refusals] = await Promise.all([savepoint, spec.write(on, ok, ctx, now, recordId)]);
        for (const [j, reason] of refusals ?? []) bad.push({ line: okRows[j].line, cells: okRows[j].cells, reason });
        refused = refusals?.size ?? 0;
      } catch {
        await on.sql`ROLLBACK TO SAVEPOINT import_batch`;
        return null;
      }
    }
    failed.push(...bad);
    return ok.length - refused;
  };
  const n = await attempt(batch, checks);
  if (n !== null) return n;
  // Someone else wrote the same keys meanwhile: retry row by row so only the clashing rows fail.
  let written = 0;
  for (const b of batch) {
    const one = await attempt([b]);
    if (one === null) failed.push({ line: b.line, cells: b.cells, reason: "写入失败，请稍后重试" });
    else written += one;
  }
  return written;
}

async function failedRowsFile<T, C, W, S extends ImportScope>(deps: Deps, owner: Actor, spec: ImportSpec<T, C, W, S>, rows: Failed[]) {
  // Same columns as the template (fix and re-import), plus the row number and the reason.
  return writeFailedFile(
    deps,
    owner,
    spec.title,
    [
      ...spec.columns.map((c) => ({ header: c.header, width: c.width, value: (r: (typeof rows)[number]) => safeCell(r.cells[c.key]) })),
      { header: "原行号", value: (r) => r.line },
      { header: "失败原因", width: 40, value: (r) => r.reason },
    ],
    rows,
  );
}

/** The failed rows (or files) of an import as an .xlsx the importer and the school may download. */
export async function writeFailedFile<R>(deps: Deps, owner: Actor, title: string, columns: ExportColumn<R>[], rows: R[]): Promise<string> {
  const storage = deps.storage ?? getStorage();
  const now = deps.clock.now();
  const key = newKey("import-failed", "xlsx", now);
  const { stream, done } = await storage.writer(key);
  await writeXlsx({
    stream,
    sheet: "失败数据",
    title: `${title}失败数据（修改后可重新导入）`,
    columns,
    batches: (async function* () {
      yield rows;
    })(),
  });
  const size = await done();
  const f = await deps.db.storedFile.create({
    data: {
      key,
      purpose: "IMPORT_FAILED_ROWS",
      filename: `${title}失败数据.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      size,
      ownerUserId: owner.id,
      rowCount: rows.length,
      createdAt: now,
    },
  });
  return f.id;
}
