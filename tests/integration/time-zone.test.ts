// Instants stored by the app are the instants SQL and any other client see, whatever the server's time zone
// (the embedded PostgreSQL runs in Asia/Shanghai; the driver adapter drops offsets, see createDb).
import pg from "pg";
import { describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { makeUser } from "../support/factories";

const t = useTestDb();

describe("time zones", () => {
  it("a Date written through Prisma is the same instant for a plain client in the server's zone", async () => {
    const at = new Date("2026-12-01T03:04:05.678Z");
    const u = await makeUser(t.db, "ADMIN");
    await t.db.user.update({ where: { id: u.id }, data: { frozenUntil: at } });
    const c = new pg.Client({ connectionString: t.url });
    await c.connect();
    try {
      const [row] = (
        await c.query(`SELECT current_setting('TimeZone') AS tz, extract(epoch FROM "frozenUntil") * 1000 AS ms FROM "User" WHERE id = $1`, [u.id])
      ).rows as { tz: string; ms: string }[];
      expect(row.tz).toBe("Asia/Shanghai");
      expect(Number(row.ms)).toBe(at.getTime());
      // And a value the database stamps itself (now()) reads back through Prisma as the same instant.
      await c.query(`UPDATE "User" SET "lastLoginAt" = now() WHERE id = $1`, [u.id]);
      const [{ ms }] = (await c.query(`SELECT extract(epoch FROM "lastLoginAt") * 1000 AS ms FROM "User" WHERE id = $1`, [u.id])).rows as { ms: string }[];
      expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).lastLoginAt!.getTime()).toBe(Math.round(Number(ms)));
    } finally {
      await c.end();
    }
  });
});
