// Data migrations on the data they find: a database migrated up to the step before, filled the old way, then
// migrated to the end.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { migrate } from "@/server/db/migrate";

async function freshDatabase(): Promise<{ url: string; sql: (q: string, p?: unknown[]) => Promise<Record<string, string>[]>; end: () => Promise<void> }> {
  const adminUrl = inject("pgAdminUrl");
  const name = `m_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return { url, sql: async (q, p) => (await c.query(q, p)).rows, end: () => c.end() };
}

describe("20261201185618_certificate_level_code", () => {
  it("gives each level its 证书编号 from the certificate's code and renumbers subjects under it, old codes that collide included", async () => {
    const d = await freshDatabase();
    try {
      await migrate(d.url, { before: "20261201185618_certificate_level_code" });
      const [org] = await d.sql(
        `INSERT INTO "EvaluationOrg" (id, code, name, "updatedAt") VALUES (gen_random_uuid(), '901', '迁移测试机构', now()) RETURNING id`,
      );
      // Two old 8-digit codes; the second one's subject 60000011101 is what the first one's would become.
      for (const code of ["60000001", "60000011"]) {
        const [c] = await d.sql(
          `INSERT INTO "Certificate" (id, code, name, "orgId", batch, category, "examModes", "updatedAt")
           VALUES (gen_random_uuid(), $1, $2, $3, '第一批', '电子与信息大类', '{COMPUTER}', now()) RETURNING id`,
          [code, `迁移${code}职业技能等级证书`, org.id],
        );
        for (const [level, digit] of [
          ["JUNIOR", "1"],
          ["INTERMEDIATE", "2"],
        ]) {
          const [l] = await d.sql(`INSERT INTO "CertificateLevel" (id, "certificateId", level) VALUES (gen_random_uuid(), $1, $2) RETURNING id`, [c.id, level]);
          await d.sql(
            `INSERT INTO "ExamSubject" (id, code, name, "certificateLevelId", "examMode", "durationMinutes") VALUES (gen_random_uuid(), $1, '理论知识', $2, 'COMPUTER', 90)`,
            [`${code}${digit}01`, l.id],
          );
        }
      }
      await migrate(d.url);
      const rows = await d.sql(
        `SELECT c.code AS certificate, l.level, l.code AS level_code, s.code AS subject
           FROM "Certificate" c JOIN "CertificateLevel" l ON l."certificateId" = c.id JOIN "ExamSubject" s ON s."certificateLevelId" = l.id
          ORDER BY s.code`,
      );
      expect(rows).toEqual([
        { certificate: "6000001", level: "JUNIOR", level_code: "60000011", subject: "60000011101" },
        { certificate: "6000001", level: "INTERMEDIATE", level_code: "60000012", subject: "60000012201" },
        { certificate: "6000011", level: "JUNIOR", level_code: "60000111", subject: "60000111101" },
        { certificate: "6000011", level: "INTERMEDIATE", level_code: "60000112", subject: "60000112201" },
      ]);
    } finally {
      await d.end();
    }
  });
});
