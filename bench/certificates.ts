// Certificates benchmark: 1,000 electronic certificates issued the platform's way (numbers and a run in one
// transaction, then the worker: each candidate's photo, the seal and the principal's signature read from storage, a
// QR code, one @react-pdf/renderer render per certificate, the PDF stored, 完成发放 with its event and a ledger leaf per
// chunk, progress). Beside it, in the same run: bare @react-pdf/renderer rendering the same pages from buffers already
// in memory. Goal: at most 2×.
import { createElement } from "react";
import sharp from "sharp";
import { benchDatabase, mb } from "./database";
import { report } from "./report";

const N = Number(process.env.BENCH_CERTIFICATES_N ?? 1000);
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);

const { db, cleanup } = await benchDatabase();
const { sqlOf } = await import("../src/server/db");
const { getStorage, newKey } = await import("../src/server/storage");
const { fixedClock } = await import("../src/server/clock");
const { platformScopeOfOrg } = await import("../src/server/tenancy");
const { assignNumbers } = await import("../src/server/issuance/issue");
const { moveIssuances } = await import("../src/server/issuance/transition");
const { runIssueJob, certificateData, recordSelect } = await import("../src/server/issuance/issue-job");
const { CertificateDocument } = await import("../src/server/pdf/certificate");
const { registerFonts } = await import("../src/server/pdf/toolkit");
const { renderToBuffer } = await import("@react-pdf/renderer");
const f = await import("../tests/support/factories");
const storage = getStorage();
const sql = sqlOf(db);

// ── the data: an org with its seal, a school with its principal's signature, N candidates with their own photos ──
const org = await f.makeOrg(db);
await db.evaluationOrg.update({ where: { id: org.id }, data: { code: "901" } });
const cert = await f.makeCertificate(db, org.id);
const level = cert.levels[0];
const { school, principal } = await f.makeSchoolAccounts(db);
const orgUser = await f.makeUser(db, "ORG", { orgId: org.id });
const plan = await f.makeExamPlan(db, org.id, { start: new Date("2026-05-01T00:00:00Z"), schoolIds: [school.id], levelIds: [level.id] });
async function file(purpose: "ORG_SEAL" | "SIGNATURE" | "CANDIDATE_PHOTO" | "ISSUANCE_SIGNATURE", bytes: Buffer, kind: "png" | "jpg") {
  const key = newKey("bench", kind, new Date());
  const size = await storage.put(key, bytes);
  return db.storedFile.create({ data: { key, purpose, filename: `x.${kind}`, contentType: kind === "png" ? "image/png" : "image/jpeg", size } });
}
const svg = (s: string, w: number, h = w) =>
  sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${s}</svg>`))
    .png()
    .toBuffer();
const sealPng = await svg(`<circle cx="300" cy="300" r="280" fill="none" stroke="#d91e18" stroke-width="22"/>`, 600);
const signPng = await svg(`<path d="M12 62 C 22 20, 34 84, 48 40 S 70 26, 84 58" stroke="#1f2937" stroke-width="4" fill="none"/>`, 95);
await db.evaluationOrg.update({ where: { id: org.id }, data: { sealFileId: (await file("ORG_SEAL", sealPng, "png")).id } });
await db.school.update({ where: { id: school.id }, data: { signatureFileId: (await file("SIGNATURE", signPng, "png")).id } });
const photoIds: string[] = [];
for (let i = 0; i < N; i++) {
  const jpeg = await sharp({ create: { width: 295, height: 413, channels: 3, background: { r: 180 + (i % 60), g: 16, b: 46 + (i % 40) } } })
    .jpeg()
    .toBuffer();
  photoIds.push((await file("CANDIDATE_PHOTO", jpeg, "jpg")).id);
}
await sql`
  INSERT INTO "Candidate" (id, number, type, "schoolId", name, pinyin, gender, "idType", "idNumber", status, "photoFileId", "updatedAt")
  SELECT gen_random_uuid(), '9' || lpad(g::text, 25, '0'), 'SCHOOL', ${school.id}::uuid, '考生' || g, 'kao sheng', 'FEMALE', 'PASSPORT',
         'E' || lpad(g::text, 8, '0'), 'VERIFIED', (${photoIds}::uuid[])[g], now()
    FROM generate_series(1, ${N}::int) AS g`;
await sql`
  INSERT INTO "Registration" (id, "planId", "certificateLevelId", year, "schoolId", "candidateId", mode, name, pinyin, gender, "idType", "idNumber", "candidateType", "updatedAt")
  SELECT gen_random_uuid(), ${plan.id}::uuid, ${level.id}::uuid, ${plan.year}::int, c."schoolId", c.id, 'BY_CERTIFICATE', c.name, c.pinyin, c.gender, c."idType", c."idNumber", 'SCHOOL', now()
    FROM "Candidate" c WHERE c."schoolId" = ${school.id}::uuid`;
const drawn = await file("ISSUANCE_SIGNATURE", signPng, "png");
const sig = async (side: "ORG" | "SITE", signerId: string) =>
  db.issuanceSignature.create({ data: { side, signerId, signerName: "签发人", imageFileId: drawn.id, records: N, signedAt: new Date() } });
const [orgSig, siteSig] = [await sig("ORG", orgUser.id), await sig("SITE", principal.id)];
await sql`
  INSERT INTO "Issuance" (id, "registrationId", "planId", "orgId", "schoolId", "certificateLevelId", year, status, "orgSignatureId", "siteSignatureId", "updatedAt")
  SELECT gen_random_uuid(), r.id, r."planId", ${org.id}::uuid, r."schoolId", r."certificateLevelId", r.year, 'AWAITING_ISSUE', ${orgSig.id}::uuid, ${siteSig.id}::uuid, now()
    FROM "Registration" r WHERE r."planId" = ${plan.id}::uuid`;
const ids = (await db.issuance.findMany({ select: { id: true } })).map((r) => r.id);
registerFonts();
// Warm both paths once (font parsing, module loading) so neither pays it inside its timing.
await renderToBuffer(createElement(CertificateDocument, { certificates: [] }) as never).catch(() => null);

// ── the platform ──
const scope = platformScopeOfOrg(org.id);
const clock = fixedClock("2026-12-01T02:00:00Z");
const actor = { id: orgUser.id, account: orgUser.account, name: orgUser.name, role: "ORG" as const, schoolId: null, orgId: org.id, departmentId: null };
const t0 = performance.now();
const batch = await db.$transaction(async (tx) => {
  const b = await tx.issueBatch.create({ data: { orgId: org.id, mode: "ELECTRONIC", total: ids.length, createdById: orgUser.id } });
  await assignNumbers(tx, org.id, ids, clock.now());
  await moveIssuances(
    tx,
    scope,
    ids,
    { kind: "issue", mode: "ELECTRONIC" },
    { at: clock.now(), actorId: orgUser.id, actorName: "bench", data: { mode: "ELECTRONIC", batchId: b.id } },
  );
  return b;
});
await runIssueJob({ db, clock }, { batchId: batch.id, scope, actor, ip: null });
const ms = performance.now() - t0;
const done = await db.issueBatch.findUniqueOrThrow({ where: { id: batch.id } });
if (done.issued !== N || (await db.ledgerEntry.count({ where: { kind: "CERTIFICATE_ISSUED" } })) !== N) throw new Error(`issued ${done.issued} of ${N}`);

// ── the bare library: the same pages from buffers in memory ──
const records = await db.issuance.findMany({ where: { batchId: batch.id }, select: recordSelect });
const photos = new Map<string, Buffer>();
for (const r of records) {
  const fid = r.registration.candidate.photoFileId!;
  photos.set(fid, await storage.readBuffer((await db.storedFile.findUniqueOrThrow({ where: { id: fid } })).key));
}
const pages = [];
for (const r of records) {
  const built = await certificateData(
    r,
    "ELECTRONIC",
    { seal: sealPng, signature: signPng, photo: photos.get(r.registration.candidate.photoFileId!)! },
    clock.now(),
  );
  if ("cause" in built) throw new Error(built.cause);
  pages.push({ ...built.data, org: org.name });
}
const b0 = performance.now();
let bytes = 0;
for (const p of pages) bytes += (await renderToBuffer(createElement(CertificateDocument, { certificates: [p] }) as never)).length;
const baseline = performance.now() - b0;

clearInterval(sampler);
await cleanup();

console.log(
  `certificates: ${N} electronic certificates issued (numbers, run, render, store, 完成发放, ledger): ${ms.toFixed(0)} ms, ${(ms / N).toFixed(1)} ms each`,
);
console.log(
  `bare @react-pdf/renderer, the same pages from memory: ${baseline.toFixed(0)} ms, ${(baseline / N).toFixed(1)} ms each (${Math.round(bytes / N / 1024)} KB a PDF)`,
);
report({
  bench: "certificates",
  n: N,
  ms,
  baseline: "bare @react-pdf/renderer renderToBuffer of the same pages, inputs in memory",
  baseline_ms: baseline,
  peak_rss_mb: mb(peak),
});
