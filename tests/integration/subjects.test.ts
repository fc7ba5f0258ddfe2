// 考试科目: the org adds subjects with 参考对象, 满分 and 合格分数; a school reads those of the levels it pilots only.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import { makeCertificate, makeOrg, makePilot, makeSchoolAccounts, makeUser, PASSWORD } from "../support/factories";
import type { SessionUser } from "@/server/session-user";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
const s: Record<string, SessionUser> = {};
let level: { id: string; code: string };
let other: { id: string; code: string };

beforeAll(async () => {
  const org = await makeOrg(t.db);
  const cert = await makeCertificate(t.db, org.id);
  level = cert.levels[0];
  other = (await makeCertificate(t.db, org.id)).levels[0];
  const a = await makeSchoolAccounts(t.db);
  const b = await makeSchoolAccounts(t.db);
  await makePilot(t.db, a.school.id, level.id, { year: clock.now().getUTCFullYear() });
  const users = { org: await makeUser(t.db, "ORG", { orgId: org.id }), a: a.principal, b: b.principal };
  for (const [k, u] of Object.entries(users)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
}, 60_000);
const api = (k: string) => caller(t.db, { clock, session: s[k] });
const subject = (over: Record<string, unknown> = {}) => ({
  levelId: level.id,
  code: `${level.code}201`,
  name: "实操技能（初级）",
  examMode: "PRACTICAL" as const,
  durationMinutes: 120,
  targetGroup: "社会考生",
  fullScore: 150,
  passScore: 90,
  ...over,
});

describe("exam subjects", () => {
  it("the org sets 参考对象, 满分 and 合格分数; bad marks are refused and nothing is written", async () => {
    await expect(api("org").certificates.addSubject(subject({ passScore: 151 }))).rejects.toThrow("合格分数应为不超过满分的非负整数");
    await expect(api("org").certificates.addSubject(subject({ fullScore: 0 }))).rejects.toThrow("满分应为 1–1000 的整数");
    await expect(api("org").certificates.addSubject(subject({ targetGroup: " " }))).rejects.toThrow("请填写参考对象");
    expect(await t.db.examSubject.count({ where: { code: `${level.code}201` } })).toBe(0);
    await api("org").certificates.addSubject(subject());
    expect(await t.db.examSubject.findUniqueOrThrow({ where: { code: `${level.code}201` } })).toMatchObject({
      targetGroup: "社会考生",
      fullScore: 150,
      passScore: 90,
    });
    // Defaults: 100 and 60, 所有考生.
    await api("org").certificates.addSubject({ levelId: other.id, code: `${other.code}201`, name: "理论知识", examMode: "WRITTEN", durationMinutes: 60 });
    expect(await t.db.examSubject.findUniqueOrThrow({ where: { code: `${other.code}201` } })).toMatchObject({
      targetGroup: "所有考生",
      fullScore: 100,
      passScore: 60,
    });
  });

  it("a school reads the subjects of the levels it pilots only; the list is not the org's to call", async () => {
    const a = await api("a").lists.subjects({ filter: {}, page: 1, pageSize: 50 });
    expect(a.rows.map((r) => r.code).sort()).toEqual([`${level.code}101`, `${level.code}201`]);
    expect(a.rows.find((r) => r.code === `${level.code}201`)).toMatchObject({ targetGroup: "社会考生", passScore: 90, fullScore: 150 });
    expect((await api("a").lists.subjects({ filter: { examMode: "PRACTICAL" }, page: 1, pageSize: 50 })).total).toBe(1);
    expect((await api("b").lists.subjects({ filter: {}, page: 1, pageSize: 50 })).all).toBe(0);
    await expect(api("org").lists.subjects({ filter: {}, page: 1, pageSize: 50 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
