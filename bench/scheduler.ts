// Scheduler benchmark (issue 15): 100,000 registrations of one subject over 2,000 rooms at 500 sites and 4,000
// certified invigilators. The pure scheduler (src/domain/scheduling) is timed beside the time to merely read the
// same data from PostgreSQL in the same run; the goal is that scheduling costs no more than that read.
import pg from "pg";
import { benchDatabase, mb } from "./database";
import { median, report } from "./report";
import { schedule, type InvigilatorIn, type RoomIn, type SittingIn } from "../src/domain/scheduling/scheduler";

const N = Number(process.env.BENCH_ROWS ?? 100_000);
const SITES = 500;
const ROOMS_PER_SITE = 4;
const PEOPLE_PER_SCHOOL = 8;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const seats = Math.ceil(N / (SITES * ROOMS_PER_SITE));

const { url, cleanup } = await benchDatabase();
const c = new pg.Client({ connectionString: url });
await c.connect();
const one = async (text: string, values: unknown[] = []) => (await c.query(text, values)).rows[0] as Record<string, string>;
const org = await one(`INSERT INTO "EvaluationOrg" (id, code, name, "updatedAt") VALUES (gen_random_uuid(), 'b01', '基准评价组织', now()) RETURNING id`);
const cert = await one(
  `INSERT INTO "Certificate" (id, code, name, "orgId", batch, category, "examModes", "updatedAt") VALUES (gen_random_uuid(), '7999999', '基准证书', $1, '第一批', '电子与信息大类', '{COMPUTER}', now()) RETURNING id`,
  [org.id],
);
const level = await one(`INSERT INTO "CertificateLevel" (id, code, "certificateId", level) VALUES (gen_random_uuid(), '79999991', $1, 'JUNIOR') RETURNING id`, [
  cert.id,
]);
const subject = await one(
  `INSERT INTO "ExamSubject" (id, code, name, "certificateLevelId", "examMode", "durationMinutes") VALUES (gen_random_uuid(), '799999911101', '基准科目', $1, 'COMPUTER', 90) RETURNING id`,
  [level.id],
);
const plan = await one(
  `INSERT INTO "ExamPlan" (id, code, name, year, "orgId", "registrationStartsAt", "registrationEndsAt", "schedulingStartsAt", "schedulingEndsAt",
     "examStartsAt", "examEndsAt", "scoringStartsAt", "scoringEndsAt", "publicityStartsAt", "publicityEndsAt", "updatedAt")
   VALUES (gen_random_uuid(), '209912310001', '基准考试计划', 2026, $1, now(), now() + interval '10 day', now() + interval '5 day', now() + interval '12 day',
     now() + interval '14 day', now() + interval '14 day 3 hour', now() + interval '15 day', now() + interval '20 day', now() + interval '21 day', now() + interval '28 day', now())
   RETURNING id, "examStartsAt"`,
  [org.id],
);
await c.query(`INSERT INTO "ExamPlanSubject" ("planId", "subjectId", "startsAt", "endsAt") VALUES ($1, $2, $3, $3::timestamptz + interval '90 minute')`, [
  plan.id,
  subject.id,
  plan.examStartsAt,
]);
// 500 schools, each with one site, 4 rooms of the subject, 8 certified invigilators, and its share of candidates.
await c.query(
  `INSERT INTO "School" (id, code, name, type, "regionCode", "isPilot", "updatedAt")
   SELECT gen_random_uuid(), '49' || lpad(g::text, 8, '0'), '基准学院' || g, 'HIGHER_VOCATIONAL', '110108', true, now() FROM generate_series(1, ${SITES}) g`,
);
await c.query(
  `INSERT INTO "AssessmentSite" (id, code, name, "schoolId", "orgId", "regionCode", address, "contactName", "contactPhone", "contactEmail", intro, "reviewStatus", status, "updatedAt")
   SELECT gen_random_uuid(), (110000000 + row_number() OVER (ORDER BY s.code))::text, s.name || '考核站点', s.id, $1, '110108', '学院路 1 号', '李红', '13900000000', 'a@b.cn', '-', 'APPROVED', 'ENABLED', now()
     FROM "School" s`,
  [org.id],
);
await c.query(
  `INSERT INTO "ExamRoom" (id, "planId", "siteId", "certificateLevelId", "schoolId", name, type, seats, "updatedAt")
   SELECT gen_random_uuid(), $1, a.id, $2, a."schoolId", k || ' 号机房', 'COMPUTER', ${seats}, now() FROM "AssessmentSite" a, generate_series(1, ${ROOMS_PER_SITE}) k`,
  [plan.id, level.id],
);
await c.query(`INSERT INTO "ExamRoomSubject" ("roomId", "subjectId") SELECT id, $1 FROM "ExamRoom"`, [subject.id]);
await c.query(
  `INSERT INTO "Teacher" (id, "schoolId", name, gender, "idType", "idNumber", phone, "updatedAt")
   SELECT gen_random_uuid(), s.id, '教师' || k, 'FEMALE', 'PASSPORT', 'T' || k, '13600000000', now() FROM "School" s, generate_series(1, ${PEOPLE_PER_SCHOOL}) k`,
);
await c.query(`INSERT INTO "Invigilator" (id, "schoolId", "teacherId", "updatedAt") SELECT gen_random_uuid(), "schoolId", id, now() FROM "Teacher"`);
await c.query(
  `INSERT INTO "InvigilatorCertificate" (id, "invigilatorId", "certificateId", "orgId", status) SELECT gen_random_uuid(), id, $1, $2, 'CERTIFIED' FROM "Invigilator"`,
  [cert.id, org.id],
);
await c.query(
  `INSERT INTO "Candidate" (id, number, type, "schoolId", name, pinyin, gender, "idType", "idNumber", status, "updatedAt")
   SELECT gen_random_uuid(), lpad(g::text, 26, '0'), 'SCHOOL', (SELECT id FROM "School" ORDER BY code OFFSET (g % ${SITES}) LIMIT 1), '考生' || g, 'kao sheng', 'MALE', 'PASSPORT',
          'E' || lpad(g::text, 8, '0'), 'VERIFIED', now() FROM generate_series(1, ${N}) g`,
);
await c.query(
  `INSERT INTO "Registration" (id, "planId", "certificateLevelId", year, "schoolId", "candidateId", mode, name, pinyin, gender, "idType", "idNumber", "candidateType", "updatedAt")
   SELECT gen_random_uuid(), $1, $2, 2026, "schoolId", id, 'BY_CERTIFICATE', name, pinyin, gender, "idType", "idNumber", 'SCHOOL', now() FROM "Candidate"`,
  [plan.id, level.id],
);
await c.query(`INSERT INTO "RegistrationSubject" ("registrationId", "planId", "subjectId") SELECT id, "planId", $1 FROM "Registration"`, [subject.id]);
await c.query(`VACUUM ANALYZE`);

/** What the scheduler needs, read as the org's 排考 would: sittings with their school, site and number, rooms, people. */
async function read() {
  const [sittings, rooms, people] = await Promise.all([
    c.query(
      `SELECT r.id AS "registrationId", rs."subjectId", r."schoolId", a.id AS "siteId", ca.number AS "candidateNumber"
         FROM "RegistrationSubject" rs JOIN "Registration" r ON r.id = rs."registrationId" JOIN "Candidate" ca ON ca.id = r."candidateId"
         LEFT JOIN "AssessmentSite" a ON a."schoolId" = r."schoolId" AND a."orgId" = $2
        WHERE rs."planId" = $1`,
      [plan.id, org.id],
    ),
    c.query(
      `SELECT e.id, e."siteId", a.code AS "siteCode", e."schoolId", e.name, e.seats, array_agg(s."subjectId") AS "subjectIds"
         FROM "ExamRoom" e JOIN "AssessmentSite" a ON a.id = e."siteId" JOIN "ExamRoomSubject" s ON s."roomId" = e.id WHERE e."planId" = $1 GROUP BY e.id, a.code`,
      [plan.id],
    ),
    c.query(
      `SELECT i.id, i."schoolId", array_agg(ic."certificateId") AS "certificateIds"
         FROM "Invigilator" i JOIN "InvigilatorCertificate" ic ON ic."invigilatorId" = i.id AND ic.status = 'CERTIFIED' AND ic."orgId" = $1 GROUP BY i.id`,
      [org.id],
    ),
  ]);
  return { sittings: sittings.rows as SittingIn[], rooms: rooms.rows as RoomIn[], invigilators: people.rows as InvigilatorIn[] };
}

const subjects = [
  {
    id: subject.id,
    name: "基准科目",
    certificateId: cert.id,
    certificateCode: "7999999",
    startsAt: new Date(plan.examStartsAt),
    endsAt: new Date(new Date(plan.examStartsAt).getTime() + 90 * 60_000),
  },
];
const readMs: number[] = [];
const scheduleMs: number[] = [];
let result: ReturnType<typeof schedule> | null = null;
for (let i = 0; i < RUNS; i++) {
  let t = performance.now();
  const data = await read();
  readMs.push(performance.now() - t);
  if (data.sittings.length !== N || data.rooms.length !== SITES * ROOMS_PER_SITE || data.invigilators.length !== SITES * PEOPLE_PER_SCHOOL)
    throw new Error(`read ${data.sittings.length} sittings, ${data.rooms.length} rooms, ${data.invigilators.length} invigilators`);
  t = performance.now();
  result = schedule({ subjects, ...data });
  scheduleMs.push(performance.now() - t);
}
const r = result!;
// 4,000 people staff 2,000 rooms two by two; nobody is left to patrol, which the scheduler reports per site.
if (r.seats.length !== N || r.unplaced.length) throw new Error(`placed ${r.seats.length}, unplaced ${r.unplaced.length}`);
const staffed = r.staff.filter((s) => s.invigilatorIds.length === 2).length;
const ms = median(scheduleMs);
const base = median(readMs);
console.error(`runs (ms): schedule ${scheduleMs.map(Math.round).join(", ")}; read ${readMs.map(Math.round).join(", ")}`);
console.log(
  `scheduled ${N} sittings into ${SITES * ROOMS_PER_SITE} rooms (${seats} seats each) with ${staffed} of ${r.staff.length} rooms fully staffed, ${r.patrols.filter((p) => p.invigilatorIds.length).length} of ${r.patrols.length} sites patrolled (${r.problems.length} shortfalls reported), in ${ms.toFixed(0)} ms; read in ${base.toFixed(0)} ms`,
);
await c.end();
await cleanup();
report({
  bench: "scheduler",
  n: N,
  ms: ms,
  baseline: `reading the same sittings, rooms and invigilators from PostgreSQL with pg (median of ${RUNS} runs each)`,
  baseline_ms: base,
  peak_rss_mb: mb(process.resourceUsage().maxRSS * 1024),
});
