import { describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login } from "../support/trpc";
import { makeUser, makeSchool, PASSWORD } from "../support/factories";
import { fixedClock } from "@/server/clock";
import { migrate } from "@/server/db/migrate";
import { LISTS } from "@/server/lists/registry";

const t = useTestDb();

describe("audit log", () => {
  it("is append-only: the database refuses updates and deletes", async () => {
    await t.db.auditLog.create({ data: { action: "test", summary: "x" } });
    await expect(t.db.auditLog.updateMany({ data: { summary: "y" } })).rejects.toThrow();
    await expect(t.db.auditLog.deleteMany({})).rejects.toThrow();
    await expect(t.db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow();
  });

  it("admins search it; other roles cannot", async () => {
    const clock = fixedClock("2026-11-22T02:00:00Z");
    const admin = await makeUser(t.db, "ADMIN");
    const school = await makeSchool(t.db);
    const p = await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: school.id });
    const sa = await login(t.db, clock, admin.account, PASSWORD);
    clock.advance(61_000);
    const sp = await login(t.db, clock, p.account, PASSWORD);
    const res = await caller(t.db, { clock, session: sa }).lists.auditLog({ filter: { q: p.account, action: "auth." }, page: 1, pageSize: 50 });
    expect(res.total).toBeGreaterThan(0);
    expect(res.rows.every((r) => r.account === p.account)).toBe(true);
    expect(res.rows[0]).toMatchObject({ tenantType: "SCHOOL", tenantId: school.id, ip: "203.0.113.10" });
    await expect(caller(t.db, { clock, session: sp }).lists.auditLog({ filter: {}, page: 1, pageSize: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The export's 操作 column names each action in Chinese, as the page does.
    const op = LISTS.auditLog.columns.find((c) => c.header === "操作")!;
    expect(res.rows.map((r) => op.value(r as never)).sort()).toEqual(expect.arrayContaining(["登录密码验证"]));
    expect(res.rows.every((r) => !/^[a-z.]+$/.test(String(op.value(r as never))))).toBe(true);
  });

  it("migrations are recorded and a re-run applies nothing", async () => {
    expect(await migrate(t.url)).toEqual([]);
    const rows = await t.db.$queryRawUnsafe<{ migration_name: string }[]>(`SELECT migration_name FROM "_prisma_migrations"`);
    expect(rows.length).toBeGreaterThan(0);
  });

  it("one principal per school, enforced by the database", async () => {
    const school = await makeSchool(t.db);
    await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: school.id });
    await expect(makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: school.id })).rejects.toThrow();
  });
});
