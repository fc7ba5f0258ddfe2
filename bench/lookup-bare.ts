// The lookup benchmark's baseline: a bare node:http server with a pg pool doing the platform's work for one lookup in
// plain SQL — a challenge row per lookup, the limits' upserts, the challenge spent, one query for the person's
// published scores — without Next, tRPC or Prisma. Started by bench/lookup.ts as its own process: `tsx lookup-bare.ts
// <port>` with DATABASE_URL.
import { createHash, randomBytes, randomInt } from "node:crypto";
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });
const WORK = Number(process.env.CAPTCHA_WORK ?? 1000);
/** Named: parsed and planned once per connection, as the platform's lookups are. */
const prepared = (name: string, text: string, values: unknown[]) => pool.query({ name, text, values });
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

const SCORES = `
  SELECT p.code, p.name AS plan, o.name AS org, c.name AS certificate, l.level, cr.outcome,
         json_agg(json_build_object('code', s.code, 'name', s.name, 'mark', ss.mark, 'score', ss.score) ORDER BY s.code) AS subjects
    FROM "Registration" r
    JOIN "ExamPlan" p ON p.id = r."planId" AND p."publicityStartsAt" <= now()
    JOIN "EvaluationOrg" o ON o.id = p."orgId"
    JOIN "CertificateLevel" l ON l.id = r."certificateLevelId"
    JOIN "Certificate" c ON c.id = l."certificateId"
    LEFT JOIN "CertificationResult" cr ON cr."registrationId" = r.id
    JOIN "RegistrationSubject" rs ON rs."registrationId" = r.id
    JOIN "ExamSubject" s ON s.id = rs."subjectId"
    LEFT JOIN "SubjectScore" ss ON ss."registrationId" = rs."registrationId" AND ss."subjectId" = rs."subjectId"
   WHERE r."idNumber" = $1 AND r.name = $2
   GROUP BY r.id, p.code, p.name, o.name, c.name, l.level, cr.outcome, p."publicityStartsAt"
   ORDER BY p."publicityStartsAt" DESC LIMIT 20`;

const CERTIFICATE = `
  SELECT i."certificateNumber", r.name, r."idNumber", c.name AS certificate, l.level, o.name AS org, i."issuedAt", i."revokedAt"
    FROM "Issuance" i
    JOIN "Registration" r ON r.id = i."registrationId"
    JOIN "ExamPlan" p ON p.id = r."planId"
    JOIN "EvaluationOrg" o ON o.id = p."orgId"
    JOIN "CertificateLevel" l ON l.id = r."certificateLevelId"
    JOIN "Certificate" c ON c.id = l."certificateId"
   WHERE i."certificateNumber" = $1 AND r.name = $2 AND i.status = 'ISSUED'`;

async function body(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  let s = "";
  for await (const c of req) s += c;
  return s ? JSON.parse(s) : {};
}

const server = http.createServer(async (req, res) => {
  try {
    const send = (status: number, v: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(v));
    };
    if (req.url === "/challenge") {
      const salt = randomBytes(12).toString("hex");
      const hash = sha(`${salt}${randomInt(0, WORK)}`);
      const client = randomBytes(16).toString("hex");
      const { rows } = await prepared(
        "challenge",
        `INSERT INTO "Captcha" (id, "answerHash", "clientHash", "workSalt", "workHash", "workMax", "expiresAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now() + interval '5 minutes') RETURNING id`,
        [sha("work-only"), sha(client), salt, hash, WORK],
      );
      res.setHeader("set-cookie", `bare=${client}; Path=/; HttpOnly`);
      return send(200, { id: rows[0].id, work: { salt, hash, max: WORK } });
    }
    if (req.url === "/lookup") {
      const q = await body(req);
      const client = /bare=([0-9a-f]{32})/.exec(req.headers.cookie ?? "")?.[1] ?? "";
      const ip = String(req.headers["x-forwarded-for"] ?? "unknown");
      const { rows: limits } = await prepared(
        "limits",
        `INSERT INTO "RateLimit" (key, "windowStart", count)
         VALUES ($1, date_trunc('minute', now()), 1), ($2, date_trunc('hour', now()), 1)
         ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateLimit".count + 1 RETURNING count`,
        [`bare:ip:${ip}`, `bare:${q.kind}:${sha(String(q.idNumber ?? q.number))}`],
      );
      if (limits.some((l) => l.count > 30)) return send(429, { error: "too many" });
      const { rows: spent } = await prepared(
        "spend",
        `UPDATE "Captcha" SET "usedAt" = now() WHERE id = $1 AND "usedAt" IS NULL AND "expiresAt" > now() AND "clientHash" = $2 RETURNING "workSalt", "workHash"`,
        [q.challengeId, sha(client)],
      );
      if (!spent[0] || sha(`${spent[0].workSalt}${q.work}`) !== spent[0].workHash) return send(400, { error: "challenge" });
      const { rows } =
        q.kind === "certificate"
          ? await prepared("certificate", CERTIFICATE, [q.number, q.name])
          : await prepared("scores", SCORES, [String(q.idNumber).toUpperCase(), q.name]);
      return send(200, { found: rows.length > 0, results: rows });
    }
    send(404, {});
  } catch (e) {
    res.writeHead(500);
    res.end(String(e));
  }
});
server.listen(Number(process.argv[2]), "127.0.0.1", () => console.log("bare lookup server ready"));
