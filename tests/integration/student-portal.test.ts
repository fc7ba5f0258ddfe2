// The student portal (issue 10 item 12): a student belongs to the school that registered them. 个人信息 shows
// the student's own candidate record and nobody else's; the admin's user list names the school.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login, requester } from "../support/trpc";
import { makeSchool, makeStudent, makeUser, PASSWORD } from "../support/factories";
import { fixedClock } from "@/server/clock";
import { canDownload } from "@/server/files/access";
import type { SessionUser } from "@/server/session-user";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
let a: Awaited<ReturnType<typeof makeStudent>>;
let b: Awaited<ReturnType<typeof makeStudent>>;
let schoolA: { id: string; name: string };
let s: Record<"a" | "b" | "principal" | "admin", SessionUser>;

beforeAll(async () => {
  schoolA = await makeSchool(t.db);
  const schoolB = await makeSchool(t.db);
  a = await makeStudent(t.db, schoolA.id, { photo: true });
  b = await makeStudent(t.db, schoolB.id, { photo: true });
  const principal = await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: schoolA.id });
  const admin = await makeUser(t.db, "ADMIN");
  s = {
    a: await login(t.db, clock, a.user.account, PASSWORD),
    b: await login(t.db, clock, b.user.account, PASSWORD),
    principal: await login(t.db, clock, principal.account, PASSWORD),
    admin: await login(t.db, clock, admin.account, PASSWORD),
  };
}, 60_000);

describe("个人信息", () => {
  it("shows the student's own candidate record, its school and a masked ID number", async () => {
    const p = await caller(t.db, { clock, session: s.a }).student.profile();
    expect(p).toMatchObject({ name: a.candidate.name, school: schoolA.name, number: a.candidate.number, photoFileId: a.photo!.id });
    expect(p!.idNumber).not.toBe(a.candidate.idNumber);
    expect((await caller(t.db, { clock, session: s.b }).student.profile())!.name).toBe(b.candidate.name);
  });

  it("is the student's alone: other portals are refused, and one student cannot read another's photo", async () => {
    await expect(caller(t.db, { clock, session: s.principal }).student.profile()).rejects.toThrow();
    await expect(caller(t.db, { clock, session: s.admin }).student.profile()).rejects.toThrow();
    const photoOf = (id: string) => t.db.storedFile.findUniqueOrThrow({ where: { id } });
    expect(await canDownload(t.db, requester(s.a), await photoOf(a.photo!.id), clock.now())).toBe(true);
    expect(await canDownload(t.db, requester(s.a), await photoOf(b.photo!.id), clock.now())).toBe(false);
    expect(await canDownload(t.db, requester(s.b), await photoOf(a.photo!.id), clock.now())).toBe(false);
  });

  it("the student's menu has 个人信息 beside 工作台", () => {
    expect(s.a.permissions).toEqual(expect.arrayContaining(["student.workbench", "student.profile"]));
  });
});

describe("admin 用户管理", () => {
  it("names a student's school as 所属机构 and finds the student by that school's name", async () => {
    const api = caller(t.db, { clock, session: s.admin });
    const page = await api.lists.users({ filter: { q: schoolA.name, role: "STUDENT" }, page: 1, pageSize: 50 });
    expect(page.rows.map((r) => [r.account, r.tenant])).toEqual([[a.user.account, schoolA.name]]);
  });
});
