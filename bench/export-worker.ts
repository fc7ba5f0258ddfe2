// One measured phase of the export benchmark, in a fresh process so peak RSS belongs to that phase alone.
// argv: platform|bare <database url> <storage dir> <user id>
import { permissionsOf } from "../src/domain/auth/permissions";
import { actorOf, mintScope } from "../src/server/tenancy";
import { OutboxSmsGateway } from "../src/server/sms/gateway";
import path from "node:path";
import ExcelJS from "exceljs";

const [mode, url, dir, userId] = process.argv.slice(2);
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00";
process.env.APP_MODE = "test";
// The kernel's high-water mark: exact, and no sampling timer competing with the measured work.
const peakRss = () => process.resourceUsage().maxRSS * 1024;

const { createDb } = await import("../src/server/db");
const db = createDb(url);
let ms = 0;
let rows = 0;
if (mode === "platform") {
  const { requestExport } = await import("../src/server/exports/create-export");
  const { runQueuedJobs } = await import("../src/server/jobs/worker");
  const { LISTS } = await import("../src/server/lists/registry");
  const { LocalStorage } = await import("../src/server/storage");
  const { keyedHash } = await import("../src/server/crypto");
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const session = {
    sid: "00000000-0000-0000-0000-000000000000",
    id: user.id,
    account: user.account,
    name: user.name,
    role: "ADMIN" as const,
    portal: "admin" as const,
    schoolId: null,
    orgId: null,
    departmentId: null,
    departmentLevel: null,
    schoolStatus: null,
    regionPrefix: null,
    certificateLevelIds: null,
    permissions: permissionsOf({ role: "ADMIN" }),
    mustChangePassword: false,
    needsBinding: false,
  };
  await db.smsCode.create({
    data: {
      phone: user.phone!,
      purpose: "EXPORT",
      userId: user.id,
      codeHash: keyedHash(`${user.phone}:EXPORT:123456`),
      expiresAt: new Date(Date.now() + 300_000),
    },
  });
  const t = performance.now();
  // The whole path: the request (checks, count, queue) and the worker's job that writes the file.
  const storage = new LocalStorage(dir);
  const { exportId } = await requestExport({
    ctx: {
      db,
      clock: { now: () => new Date() },
      sms: new OutboxSmsGateway(db),
      scope: mintScope(session),
      actor: actorOf(session),
      meta: { ip: null, userAgent: null },
    },
    input: { list: "schools", def: LISTS.schools as never, filter: {}, smsCode: "123456" },
  });
  await runQueuedJobs(db, { clock: { now: () => new Date() }, storage }, ["export"]);
  ms = performance.now() - t;
  rows = (await db.exportRecord.findUniqueOrThrow({ where: { id: exportId } })).processed;
} else {
  // The bare library as one would use it naively: every row loaded, then written with the streaming writer.
  const t = performance.now();
  const all = await db.school.findMany({ include: { region: { select: { name: true } } }, orderBy: { id: "asc" } });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(dir, "bare.xlsx"), useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet("试点院校信息");
  ws.addRow(["试点院校信息"]).commit();
  ws.addRow(["序号", "院校代码", "院校名称", "院校属性", "院校类型", "所在地区", "院校状态"]).commit();
  all.forEach((r, i) => ws.addRow([i + 1, r.code, r.name, r.attribute, r.type, r.region.name, r.status]).commit());
  ws.commit();
  await wb.commit();
  ms = performance.now() - t;
  rows = all.length;
}
const peak = peakRss();
if (process.env.BENCH_TRACE) {
  // What is still held after a full collection (peak RSS minus this is garbage the collector had not reclaimed).
  (await import("node:v8")).setFlagsFromString("--expose-gc");
  (await import("node:vm")).runInNewContext("gc")();
  console.error(JSON.stringify({ mode, after: process.memoryUsage(), peak }));
}
await db.$disconnect();
console.log(JSON.stringify({ ms, rows, peak }));
