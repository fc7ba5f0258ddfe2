// Lookup benchmark (publication day): the production build on loopback answers 成绩查询 and 证书查询 over 1,000,000
// scores (500,000 candidates × 2 subjects, in 成绩公示) and 200,000 issued certificates, for a bounded run at 64
// concurrent clients. A lookup is what a browser does: fetch a challenge, solve its proof of work, send the query (the
// limits counted, the challenge spent, the answer read). Each client comes from its own address (a load balancer
// in front: TRUSTED_PROXY=1), as a nation of phones would. Beside it, in the same run: a bare node:http + pg server
// (bench/lookup-bare.ts) doing the same SQL work for the same lookups. 80% score lookups, 20% certificate lookups.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { randomBytes, randomInt } from "node:crypto";
import path from "node:path";
import { benchDatabase, mb } from "./database";
import { report } from "./report";
import { ROOT, buildIfNeeded, ensureGenerated, serve, stopServer, waitForHttp } from "../scripts/app";
import { freePort } from "../scripts/pg";
import { solveWork, type WorkChallenge } from "../src/domain/auth/work";
import { certificateNumber, numberPrefix } from "../src/domain/issuance/certificate";

const PEOPLE = Number(process.env.BENCH_LOOKUP_PEOPLE ?? 500_000);
const CERTS = Math.min(PEOPLE, Number(process.env.BENCH_LOOKUP_CERTIFICATES ?? 200_000));
const CLIENTS = Number(process.env.BENCH_LOOKUP_CLIENTS ?? 64);
// Also measured: a light load where nothing queues on these shared cores (the latency a lookup costs by itself).
const LIGHT_CLIENTS = Number(process.env.BENCH_LOOKUP_LIGHT_CLIENTS ?? 4);
const SECONDS = Number(process.env.BENCH_LOOKUP_SECONDS ?? 30);
const WORK = 1000; // the smallest CAPTCHA_WORK: the clients' own hashing is not what is measured
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);

const { db, url, cleanup } = await benchDatabase();
const f = await import("../tests/support/factories");
const { sqlOf } = await import("../src/server/db");
const sql = sqlOf(db);

// ── the data ──
const t = performance.now();
const org = await f.makeOrg(db);
const cert = await f.makeCertificate(db, org.id);
const level = cert.levels[0];
await db.examSubject.create({
  data: { certificateLevelId: level.id, code: `${level.code}102`, name: "实操技能（初级）", examMode: "COMPUTER", durationMinutes: 90 },
});
const school = await f.makeSchool(db);
// 排考 window opened 25 days ago: 成绩公示 runs from day 21 to day 28.
const plan = await f.makeExamPlan(db, org.id, { start: new Date(Date.now() - 25 * 86_400_000), schoolIds: [school.id], levelIds: [level.id] });
await sql`
  INSERT INTO "Candidate" (id, number, type, "schoolId", name, pinyin, gender, "idType", "idNumber", status, "updatedAt")
  SELECT gen_random_uuid(), '8' || lpad(g::text, 25, '0'), 'SCHOOL', ${school.id}::uuid, '考生' || g, 'kao sheng', 'FEMALE', 'PASSPORT',
         'B' || lpad(g::text, 9, '0'), 'VERIFIED', now()
    FROM generate_series(1, ${PEOPLE}::int) AS g`;
await sql`
  INSERT INTO "Registration" (id, "planId", "certificateLevelId", year, "schoolId", "candidateId", mode, name, pinyin, gender, "idType", "idNumber", "candidateType", "updatedAt")
  SELECT gen_random_uuid(), ${plan.id}::uuid, ${level.id}::uuid, ${plan.year}::int, c."schoolId", c.id, 'BY_CERTIFICATE', c.name, c.pinyin, c.gender, c."idType", c."idNumber", 'SCHOOL', now()
    FROM "Candidate" c WHERE c."schoolId" = ${school.id}::uuid`;
await sql`
  INSERT INTO "RegistrationSubject" ("registrationId", "planId", "subjectId")
  SELECT r.id, r."planId", s."subjectId" FROM "Registration" r JOIN "ExamPlanSubject" s ON s."planId" = r."planId" WHERE r."planId" = ${plan.id}::uuid`;
// The scores' guard trigger looks each sitting up: without statistics its cached plan scans the table per row.
await sql`ANALYZE "Registration", "RegistrationSubject"`;
await sql`
  INSERT INTO "SubjectScore" (id, "registrationId", "subjectId", "planId", mark, score, "enteredAt", "updatedAt")
  SELECT gen_random_uuid(), "registrationId", "subjectId", "planId", 'SCORED', abs(hashtext("registrationId"::text)) % 101, now(), now()
    FROM "RegistrationSubject" WHERE "planId" = ${plan.id}::uuid`;
await sql`
  INSERT INTO "CertificationResult" ("registrationId", "planId", "orgId", "schoolId", "certificateLevelId", year, outcome, "computedAt")
  SELECT id, "planId", ${org.id}::uuid, "schoolId", "certificateLevelId", year, 'PASSED', now() FROM "Registration" WHERE "planId" = ${plan.id}::uuid`;
// The first CERTS candidates hold an issued certificate (serial = their number).
const orgUser = await f.makeUser(db, "ORG", { orgId: org.id });
const file = await db.storedFile.create({
  data: {
    key: `certificate/202612/${randomBytes(16).toString("hex")}.pdf`,
    purpose: "CERTIFICATE",
    filename: "c.pdf",
    contentType: "application/pdf",
    size: 1,
  },
});
const sig = (side: "ORG" | "SITE") =>
  db.issuanceSignature.create({ data: { side, signerId: orgUser.id, signerName: "签发人", imageFileId: file.id, records: CERTS, signedAt: new Date() } });
const [orgSig, siteSig] = [await sig("ORG"), await sig("SITE")];
const prefix = numberPrefix(org.code, plan.year, level.code);
const numbers = Array.from({ length: CERTS }, (_, i) => certificateNumber(prefix, i + 1));
for (let i = 0; i < CERTS; i += 50_000) {
  const slice = numbers.slice(i, i + 50_000);
  await sql`
    INSERT INTO "Issuance" (id, "registrationId", "planId", "orgId", "schoolId", "certificateLevelId", year, status, mode, "orgSignatureId", "siteSignatureId",
                            "certificateNumber", "issuedAt", "certificateFileId", "updatedAt")
    SELECT gen_random_uuid(), r.id, r."planId", ${org.id}::uuid, r."schoolId", r."certificateLevelId", r.year, 'ISSUED', 'ELECTRONIC', ${orgSig.id}::uuid,
           ${siteSig.id}::uuid, v.n, now(), ${file.id}::uuid, now()
      FROM unnest(${slice}::text[]) WITH ORDINALITY AS v(n, k)
      JOIN "Registration" r ON r."idNumber" = 'B' || lpad((${i}::int + v.k)::text, 9, '0')`;
}
await sql`ANALYZE`;
const [{ scores }] = await sql<{ scores: number }>`SELECT count(*)::int AS scores FROM "SubjectScore"`;
console.error(`data: ${scores.toLocaleString()} scores, ${CERTS.toLocaleString()} certificates in ${((performance.now() - t) / 1000).toFixed(0)} s`);

// ── the servers ──
ensureGenerated();
const port = await freePort();
let barePort = await freePort();
while (barePort === port) barePort = await freePort();
const base = `http://127.0.0.1:${port}`;
const bare = `http://127.0.0.1:${barePort}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: url,
  NEXTAUTH_URL: base,
  APP_MODE: "test",
  CAPTCHA_WORK: String(WORK),
  TRUSTED_PROXY: "1",
  // One JSON access line per request would flood this output; production logs them (LOG_LEVEL=info).
  LOG_LEVEL: "warn",
  NEXT_TELEMETRY_DISABLED: "1",
};
buildIfNeeded(env);
const app = serve(env, port, false, true);
const bareApp = spawn("npx", ["tsx", path.join(ROOT, "bench", "lookup-bare.ts"), String(barePort)], { env, stdio: "inherit", detached: true });
await waitForHttp(`${base}/`);
await new Promise((r) => setTimeout(r, 1000));

// ── the load ──
type Run = { lookups: number; found: number; refused: number; errors: number; lat: number[]; seconds: number };
const pick = () => {
  if (randomInt(0, 5) === 0) {
    const k = randomInt(0, CERTS);
    return { kind: "certificate" as const, number: numbers[k], name: `考生${k + 1}` };
  }
  const g = randomInt(1, PEOPLE + 1);
  return { kind: "score" as const, idNumber: `B${String(g).padStart(9, "0")}`, name: `考生${g}` };
};
/** One lookup as a browser makes it against the platform (tRPC) or the bare server; true when the record was found. */
async function lookup(target: "platform" | "bare", q: ReturnType<typeof pick>): Promise<number> {
  // A documentation-range IPv6 address of its own: a distinct client behind the load balancer.
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-forwarded-for": `2001:db8::${randomBytes(6).toString("hex").match(/.{4}/g)!.join(":")}`,
  };
  if (target === "platform") {
    Object.assign(headers, { origin: base, "sec-fetch-site": "same-origin" });
    const r1 = await fetch(`${base}/api/trpc/lookup.challenge`, { method: "POST", headers, body: "{}" });
    const c = ((await r1.json()) as { result: { data: { json: { id: string; work: WorkChallenge } } } }).result.data.json;
    headers.cookie = r1.headers.get("set-cookie")!.split(";")[0];
    const reply = { challengeId: c.id, work: await solveWork(c.work) };
    const input = q.kind === "score" ? { name: q.name, idNumber: q.idNumber, ...reply } : { by: "number", certificateNumber: q.number, name: q.name, ...reply };
    const r2 = await fetch(`${base}/api/trpc/lookup.${q.kind === "score" ? "scores" : "certificates"}`, {
      method: "POST",
      headers,
      body: JSON.stringify({ json: input }),
    });
    const body = (await r2.json()) as { result?: { data: { json: { found: boolean } } } };
    return r2.status === 200 ? (body.result!.data.json.found ? 1 : 0) : -r2.status;
  }
  const r1 = await fetch(`${bare}/challenge`, { method: "POST", headers });
  const c = (await r1.json()) as { id: string; work: WorkChallenge };
  headers.cookie = r1.headers.get("set-cookie")!.split(";")[0];
  const reply = { challengeId: c.id, work: await solveWork(c.work) };
  const r2 = await fetch(`${bare}/lookup`, { method: "POST", headers, body: JSON.stringify({ ...q, ...reply }) });
  const body = (await r2.json()) as { found?: boolean };
  return r2.status === 200 ? (body.found ? 1 : 0) : -r2.status;
}
async function load(target: "platform" | "bare", seconds: number, clients = CLIENTS): Promise<Run> {
  const run: Run = { lookups: 0, found: 0, refused: 0, errors: 0, lat: [], seconds };
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          const r = await lookup(target, pick());
          run.lat.push(performance.now() - t0);
          run.lookups++;
          if (r === 1) run.found++;
          else if (r === -429) run.refused++;
          else if (r < 0) run.errors++;
        } catch {
          run.errors++;
        }
      }
    }),
  );
  return run;
}
/** CPU ticks of each process whose command line matches, now. */
function ticksOf(match: RegExp): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      if (!match.test(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " "))) continue;
      const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      out.set(pid, Number(f[11]) + Number(f[12])); // utime, stime (fields 14 and 15)
    } catch {
      // the process ended between listing and reading
    }
  }
  return out;
}
/**
 * CPU time (ms) the matching processes use while `work` runs: what one lookup costs each tier. Sampled every 200 ms,
 * so a database backend that exits midway (an idle pool connection) keeps what it used.
 */
async function cpuDuring<T>(match: RegExp, work: Promise<T>): Promise<[T, number]> {
  const seen = new Map<string, { first: number; last: number }>();
  const sample = () => {
    for (const [pid, t] of ticksOf(match)) {
      const s = seen.get(pid);
      if (s) s.last = t;
      else seen.set(pid, { first: t, last: t });
    }
  };
  sample();
  const timer = setInterval(sample, 200);
  const result = await work;
  clearInterval(timer);
  sample();
  return [result, [...seen.values()].reduce((a, s) => a + s.last - s.first, 0) * 10]; // USER_HZ = 100
}
async function measured(target: "platform" | "bare", seconds: number, clients = CLIENTS) {
  const server = target === "platform" ? /scripts\/server\.ts/ : /lookup-bare\.ts/;
  const work = load(target, seconds, clients);
  const [[run, serverMs], [, databaseMs]] = await Promise.all([cpuDuring(server, work), cpuDuring(/^postgres: \S+ bench /, work)]);
  return { ...run, serverCpu: serverMs / run.lookups, databaseCpu: databaseMs / run.lookups };
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
// Warm both (JIT, pools, plans), then measure each in turn.
await load("platform", 5);
await load("bare", 3);
const platform = await measured("platform", SECONDS);
const baseline = await measured("bare", SECONDS);
const light = { platform: await measured("platform", 10, LIGHT_CLIENTS), bare: await measured("bare", 10, LIGHT_CLIENTS) };
// The page itself: each visit renders /lookup's HTML once (its scripts and styles are static, cached by the balancer).
const PAGES = 300;
const [, pageCpu] = await cpuDuring(
  /scripts\/server\.ts/,
  (async () => {
    for (let i = 0; i < PAGES; i++) if (!(await fetch(`${base}/lookup`)).ok) throw new Error("/lookup failed");
  })(),
);
clearInterval(sampler);
stopServer(app);
stopServer(bareApp);
await new Promise((r) => setTimeout(r, 500));
await cleanup();

for (const [name, r] of [
  [`platform (Next + tRPC + Prisma), ${CLIENTS} clients`, platform],
  [`bare node:http + pg, ${CLIENTS} clients`, baseline],
  [`platform, light load: ${LIGHT_CLIENTS} clients`, light.platform],
  [`bare, light load: ${LIGHT_CLIENTS} clients`, light.bare],
] as const)
  console.log(
    `${name}: ${r.lookups} lookups in ${r.seconds} s = ${(r.lookups / r.seconds).toFixed(0)}/s, found ${r.found}, refused ${r.refused}, errors ${r.errors}; ` +
      `p50 ${pct(r.lat, 50).toFixed(1)} ms, p99 ${pct(r.lat, 99).toFixed(1)} ms; CPU per lookup: server ${r.serverCpu.toFixed(2)} ms, PostgreSQL ${r.databaseCpu.toFixed(2)} ms`,
  );
console.log(`the /lookup page: ${(pageCpu / PAGES).toFixed(2)} ms of server CPU per render (${PAGES} renders)`);
if (platform.errors || baseline.errors || light.platform.errors || light.bare.errors) throw new Error("lookups failed");
report({
  bench: "lookup",
  n: platform.lookups,
  ms: pct(platform.lat, 50),
  baseline: `bare node:http + pg doing the same SQL work per lookup (challenge, limits, spend, query), ${CLIENTS} clients for ${SECONDS} s each; ms = p50 per lookup`,
  baseline_ms: pct(baseline.lat, 50),
  peak_rss_mb: mb(peak),
  rps: Math.round(platform.lookups / SECONDS),
  baseline_rps: Math.round(baseline.lookups / SECONDS),
  p50_ms: Math.round(pct(platform.lat, 50) * 10) / 10,
  p99_ms: Math.round(pct(platform.lat, 99) * 10) / 10,
});
process.exit(0);
