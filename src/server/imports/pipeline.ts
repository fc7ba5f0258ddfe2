// The one import pipeline (candidates now; rooms, registrations, invigilators and scores later):
// read the whole sheet first (a bad file writes nothing), clean and check every row with the form's rules,
// then write the good rows in batches, each batch in one transaction, keeping progress and the 导入记录 in
// PostgreSQL. Failed rows come back as an .xlsx with a 失败原因 column.
import ExcelJS from "exceljs";
import type { Db, Tx } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { SessionUser } from "@/server/session-user";
import type { ImportKind } from "@/generated/prisma/enums";
import { writeAudit } from "@/server/audit/write";
import { badRequest } from "@/server/errors";
import { getStorage, newKey, type Storage } from "@/server/storage";
import { safeCell, writeXlsx, type ExportColumn } from "@/server/excel/export";
import { readSheet, SheetError } from "./read-sheet";

export type ImportColumn = { key: string; header: string; width?: number; example: string; options?: string[]; text?: boolean; note?: string };
type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export type ImportSpec<T, C> = {
  kind: ImportKind;
  title: string;
  columns: ImportColumn[];
  /** Loaded once per import (the school, lookups). */
  context: (db: Db, user: SessionUser) => Promise<C>;
  /** One row alone: the same cleaning and rules as the form. */
  check: (cells: Record<string, string>, ctx: C, now: Date) => Checked<T>;
  /** Same value twice in one file (e.g. an ID number): the later row fails. */
  key?: (value: T) => string;
  /** Rules needing the database, for a batch: an error per row or null. */
  checkBatch: (db: Db, rows: T[], ctx: C) => Promise<(string | null)[]>;
  /** Writes a batch inside the transaction it is given. */
  write: (tx: Tx, rows: T[], ctx: C, now: Date, importId: string) => Promise<void>;
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
export async function beginImport(deps: Deps, user: SessionUser, kind: ImportKind, file: { name: string; bytes: Buffer }) {
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
        ownerUserId: user.id,
        createdAt: now,
      },
    });
    return tx.importRecord.create({
      data: { kind, userId: user.id, schoolId: user.schoolId, filename: file.name.slice(0, 200), sourceFileId: source.id, createdAt: now, heartbeatAt: now },
    });
  });
}

export async function runImport<T, C>(deps: Deps, user: SessionUser, spec: ImportSpec<T, C>, recordId: string, bytes: Buffer) {
  const { db, clock } = deps;
  const fail = async (message: string) => {
    await db.importRecord.update({ where: { id: recordId }, data: { status: "FAILED", message, finishedAt: clock.now() } });
  };
  let sheet;
  try {
    sheet = await readSheet(bytes, spec.columns);
  } catch (e) {
    await fail(e instanceof SheetError ? e.message : "文件无法读取");
    throw badRequest(e instanceof SheetError ? e.message : "文件无法读取");
  }
  if (sheet.length === 0) {
    await fail("文件中没有数据行");
    throw badRequest("文件中没有数据行");
  }
  const ctx = await spec.context(db, user);
  const failed: { line: number; cells: Record<string, string>; reason: string }[] = [];
  const good: { line: number; cells: Record<string, string>; value: T }[] = [];
  const seen = new Map<string, number>();
  const now = clock.now();
  for (const r of sheet) {
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
    good.push({ ...r, value: c.value });
  }
  await db.importRecord.update({
    where: { id: recordId },
    data: { total: sheet.length, processed: failed.length, failed: failed.length, heartbeatAt: clock.now() },
  });
  let succeeded = 0;
  for (let i = 0; i < good.length; i += BATCH) {
    const batch = good.slice(i, i + BATCH);
    const errors = await spec.checkBatch(
      db,
      batch.map((b) => b.value),
      ctx,
    );
    const ok = batch.filter((b, j) => {
      if (errors[j]) failed.push({ ...b, reason: errors[j]! });
      return !errors[j];
    });
    try {
      await db.$transaction(
        (tx) =>
          spec.write(
            tx,
            ok.map((b) => b.value),
            ctx,
            now,
            recordId,
          ),
        { timeout: 60_000 },
      );
      succeeded += ok.length;
    } catch {
      // Someone else wrote the same keys meanwhile: retry row by row so only the clashing rows fail.
      for (const b of ok) {
        try {
          const again = await spec.checkBatch(db, [b.value], ctx);
          if (again[0]) {
            failed.push({ ...b, reason: again[0] });
            continue;
          }
          await db.$transaction((tx) => spec.write(tx, [b.value], ctx, now, recordId));
          succeeded++;
        } catch {
          failed.push({ ...b, reason: "写入失败，请稍后重试" });
        }
      }
    }
    await db.importRecord.update({
      where: { id: recordId },
      data: { processed: failed.length + succeeded, succeeded, failed: failed.length, heartbeatAt: clock.now() },
    });
  }
  const failedFileId = failed.length
    ? await failedRowsFile(
        deps,
        user,
        spec,
        failed.sort((a, b) => a.line - b.line),
      )
    : null;
  return db.$transaction(async (tx) => {
    const rec = await tx.importRecord.update({
      where: { id: recordId },
      data: { status: "DONE", succeeded, failed: failed.length, processed: sheet.length, failedFileId, finishedAt: clock.now(), heartbeatAt: clock.now() },
    });
    await writeAudit(tx, {
      actor: user,
      action: `import.${spec.kind.toLowerCase()}`,
      targetType: "ImportRecord",
      targetId: recordId,
      summary: `${spec.title}：成功 ${succeeded} 条，失败 ${failed.length} 条（${rec.filename}）`,
    });
    return rec;
  });
}

async function failedRowsFile<T, C>(
  deps: Deps,
  user: SessionUser,
  spec: ImportSpec<T, C>,
  rows: { line: number; cells: Record<string, string>; reason: string }[],
) {
  // Same columns as the template (fix and re-import), plus the row number and the reason.
  return writeFailedFile(
    deps,
    user,
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
export async function writeFailedFile<R>(deps: Deps, user: SessionUser, title: string, columns: ExportColumn<R>[], rows: R[]): Promise<string> {
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
      ownerUserId: user.id,
      rowCount: rows.length,
      createdAt: now,
    },
  });
  return f.id;
}
