// Ticket benchmark (issue 15): 1,000 准考证 for one site — the platform's document job (the scoped reads, 1,000
// photos from storage, a QR code each, the render) against bare @react-pdf/renderer rendering the same pages from
// data already in memory, in the same run. Goal: at most 2×.
import { createElement } from "react";
import sharp from "sharp";
import { benchDatabase, mb } from "./database";
import { median, report } from "./report";

const N = Number(process.env.BENCH_ROWS ?? 1000);
const ROOMS = Math.ceil(N / 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);

const { db, cleanup } = await benchDatabase();
const { sqlOf } = await import("../src/server/db");
const { getStorage, newKey } = await import("../src/server/storage");
const { readAndPlace, writeSchedule } = await import("../src/server/scheduling/run-scheduling");
const { buildDocument, ticketsOf } = await import("../src/server/scheduling/document-job");
const { sittingSelect } = await import("../src/server/scheduling/documents");
const { renderPdf } = await import("../src/server/pdf/toolkit");
const { TicketsDocument } = await import("../src/server/pdf/exam-documents");
const sql = sqlOf(db);
const one = async (q: TemplateStringsArray, ...v: unknown[]) => ((await sql(q, ...v)) as Record<string, string>[])[0];

const org = await one`INSERT INTO "EvaluationOrg" (id, code, name, "updatedAt") VALUES (gen_random_uuid(), 'b02', '基准评价组织', now()) RETURNING id`;
const cert = await one`INSERT INTO "Certificate" (id, code, name, "orgId", batch, category, "examModes", "updatedAt")
  VALUES (gen_random_uuid(), '7999998', 'JAVA应用开发职业技能等级证书', ${org.id}::uuid, '第一批', '电子与信息大类', '{COMPUTER}', now()) RETURNING id`;
const level =
  await one`INSERT INTO "CertificateLevel" (id, code, "certificateId", level) VALUES (gen_random_uuid(), '79999981', ${cert.id}::uuid, 'JUNIOR') RETURNING id`;
const subject = await one`INSERT INTO "ExamSubject" (id, code, name, "certificateLevelId", "examMode", "durationMinutes")
  VALUES (gen_random_uuid(), '799999811101', 'JAVA应用开发理论知识', ${level.id}::uuid, 'COMPUTER', 90) RETURNING id`;
const plan =
  await one`INSERT INTO "ExamPlan" (id, code, name, year, "orgId", "registrationStartsAt", "registrationEndsAt", "schedulingStartsAt", "schedulingEndsAt",
     "examStartsAt", "examEndsAt", "scoringStartsAt", "scoringEndsAt", "publicityStartsAt", "publicityEndsAt", "updatedAt")
   VALUES (gen_random_uuid(), '209912310002', '2026年12月基准考试计划', 2026, ${org.id}::uuid, now() - interval '6 day', now() + interval '4 day', now() - interval '1 day', now() + interval '6 day',
     now() + interval '8 day', now() + interval '8 day 3 hour', now() + interval '9 day', now() + interval '14 day', now() + interval '15 day', now() + interval '22 day', now())
   RETURNING id, "examStartsAt"`;
await sql`INSERT INTO "ExamPlanSubject" ("planId", "subjectId", "startsAt", "endsAt") VALUES (${plan.id}::uuid, ${subject.id}::uuid, ${plan.examStartsAt}::timestamptz, ${plan.examStartsAt}::timestamptz + interval '90 minute')`;
const school = await one`INSERT INTO "School" (id, code, name, type, "regionCode", "isPilot", "updatedAt")
  VALUES (gen_random_uuid(), '4900000001', '基准职业技术学院', 'HIGHER_VOCATIONAL', '110108', true, now()) RETURNING id`;
const site =
  await one`INSERT INTO "AssessmentSite" (id, code, name, "schoolId", "orgId", "regionCode", address, "contactName", "contactPhone", "contactEmail", intro, "reviewStatus", status, "updatedAt")
  VALUES (gen_random_uuid(), '110000999', '基准职业技术学院JAVA应用开发职业技能等级证书（初级）考核站点', ${school.id}::uuid, ${org.id}::uuid, '110108', '学院路 1 号实训楼', '李红', '13900000000', 'a@b.cn', '-', 'APPROVED', 'ENABLED', now()) RETURNING id`;
await sql`INSERT INTO "AssessmentSiteLevel" ("siteId", "certificateLevelId", "schoolId") VALUES (${site.id}::uuid, ${level.id}::uuid, ${school.id}::uuid)`;
await sql`INSERT INTO "ExamRoom" (id, "planId", "siteId", "certificateLevelId", "schoolId", name, type, seats, address, "updatedAt")
  SELECT gen_random_uuid(), ${plan.id}::uuid, ${site.id}::uuid, ${level.id}::uuid, ${school.id}::uuid, k || ' 号机房', 'COMPUTER', 50, '学院路 1 号实训楼 ' || k || ' 层', now() FROM generate_series(1, ${ROOMS}::int) k`;
await sql`INSERT INTO "ExamRoomSubject" ("roomId", "subjectId") SELECT id, ${subject.id}::uuid FROM "ExamRoom"`;
// A red-background photo per candidate, stored as an upload is.
const photo = await sharp({ create: { width: 295, height: 413, channels: 3, background: "#d40000" } })
  .jpeg({ quality: 85 })
  .toBuffer();
const storage = getStorage();
const photoIds: string[] = [];
for (let i = 0; i < N; i++) {
  const key = newKey("candidate-photo", "jpg");
  await storage.put(key, photo);
  photoIds.push(
    (
      await one`INSERT INTO "StoredFile" (id, key, purpose, filename, "contentType", size) VALUES (gen_random_uuid(), ${key}, 'CANDIDATE_PHOTO', 'p.jpg', 'image/jpeg', ${photo.length}::int) RETURNING id`
    ).id,
  );
}
await sql`INSERT INTO "Candidate" (id, number, type, "schoolId", name, pinyin, gender, "idType", "idNumber", status, "photoFileId", "updatedAt")
  SELECT gen_random_uuid(), lpad(g::text, 26, '0'), 'SCHOOL', ${school.id}::uuid, '考生' || g, 'kao sheng', 'MALE', 'RESIDENT_ID', '11010820000101' || lpad(g::text, 4, '0'), 'VERIFIED', (${photoIds}::uuid[])[g], now()
    FROM generate_series(1, ${N}::int) g`;
await sql`INSERT INTO "Registration" (id, "planId", "certificateLevelId", year, "schoolId", "candidateId", mode, name, pinyin, gender, "idType", "idNumber", "candidateType", "photoFileId", "updatedAt")
  SELECT gen_random_uuid(), ${plan.id}::uuid, ${level.id}::uuid, 2026, "schoolId", id, 'BY_CERTIFICATE', name, pinyin, gender, "idType", "idNumber", 'SCHOOL', "photoFileId", now() FROM "Candidate"`;
await sql`INSERT INTO "RegistrationSubject" ("registrationId", "planId", "subjectId") SELECT id, "planId", ${subject.id}::uuid FROM "Registration"`;
// The platform's scheduler gives the seats and tickets.
const placed = await readAndPlace(db, org.id, plan.id, undefined, new Date());
if (placed.result.seats.length !== N) throw new Error(`placed ${placed.result.seats.length} of ${N}`);
await db.$transaction((tx) => writeSchedule(tx, placed, new Date()), { timeout: 120_000 });
await sql`VACUUM ANALYZE`;

const scope = { kind: "org", orgId: org.id } as never;
const target = { kind: "TICKETS" as const, planId: plan.id, subjectId: subject.id, siteId: site.id };
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
// The bare library's input: the same pages' data, photos and QR codes already in memory.
const sittings = await db.registrationSubject.findMany({
  where: { planId: plan.id },
  orderBy: { ticketNumber: "asc" },
  select: sittingSelect,
});
const tickets = await ticketsOf(sittings, () => photo);
const platformMs: number[] = [];
const bareMs: number[] = [];
let pages = 0;
let bytes = 0;
for (let i = 0; i < RUNS; i++) {
  let t = performance.now();
  const bare = await renderPdf(createElement(TicketsDocument, { tickets }) as never);
  bareMs.push(performance.now() - t);
  t = performance.now();
  const built = await buildDocument({ db, storage }, { scope, target });
  platformMs.push(performance.now() - t);
  pages = built.count;
  bytes = built.pdf.length;
  if (bare.length < 1000) throw new Error("bare render produced nothing");
}
clearInterval(sample);
if (pages !== N) throw new Error(`built ${pages} tickets, expected ${N}`);
const ms = median(platformMs);
const base = median(bareMs);
console.error(`runs (ms): platform ${platformMs.map(Math.round).join(", ")}; bare @react-pdf/renderer ${bareMs.map(Math.round).join(", ")}`);
console.log(
  `${N} tickets for one site (${ROOMS} rooms): ${(bytes / 1048576).toFixed(1)} MB PDF in ${ms.toFixed(0)} ms; bare render ${base.toFixed(0)} ms; peak RSS ${mb(peak)} MB`,
);
await cleanup();
report({
  bench: "tickets",
  n: N,
  ms: ms,
  baseline: `bare @react-pdf/renderer rendering the same ${N} pages from data, photos and QR codes in memory (median of ${RUNS} runs each)`,
  baseline_ms: base,
  peak_rss_mb: mb(peak),
});
