// 成绩查询 / 证书查询 on PostgreSQL: scores only from the start of 成绩公示, an answer of one shape whether or not a
// record exists, nothing beyond what the query proves (masked ID, no phone, no school), a proof-of-work challenge
// bound to the browser and used once, and limits per client and per ID or certificate number shared through the
// database.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, newBrowser } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import { solveWork } from "@/domain/auth/work";
import { LOOKUP_LIMITS } from "@/domain/lookup/rules";
import { makeCertificate, makeExamPlan, makeIssuedCertificate, makeOrg, makeResultFor, makeSchool } from "../support/factories";

const t = useTestDb();
// A replica that has not caught up: none of this file's data.
const replica = useTestDb();
const start = new Date("2026-03-02T00:00:00Z");
const day = 86_400_000;
// makeExamPlan: 公示 from day 21 to day 28.
const publicityStarts = new Date(start.getTime() + 21 * day);
const f = {} as { name: string; idNumber: string; phone: string; school: string; planCode: string; number: string; revokedNumber: string; revokedName: string };

beforeAll(async () => {
  const org = await makeOrg(t.db);
  const cert = await makeCertificate(t.db, org.id);
  const level = cert.levels[0];
  const school = await makeSchool(t.db);
  const plan = await makeExamPlan(t.db, org.id, { start, schoolIds: [school.id], levelIds: [level.id] });
  const regId = await makeResultFor(t.db, { schoolId: school.id, planId: plan.id, levelId: level.id, outcome: "PASSED", at: start });
  const subject = level.subjects[0];
  await t.db.registrationSubject.create({ data: { registrationId: regId, planId: plan.id, subjectId: subject.id } });
  await t.db.subjectScore.create({
    data: { registrationId: regId, subjectId: subject.id, planId: plan.id, mark: "SCORED", score: 82.5, enteredAt: start, updatedAt: start },
  });
  const reg = await t.db.registration.findUniqueOrThrow({ where: { id: regId }, include: { candidate: true, school: true } });
  const issued = await makeIssuedCertificate(t.db, regId, { at: new Date(start.getTime() + 40 * day) });
  // Another holder's certificate, revoked.
  const otherReg = await makeResultFor(t.db, { schoolId: school.id, planId: plan.id, levelId: level.id, outcome: "PASSED", at: start });
  const revoked = await makeIssuedCertificate(t.db, otherReg, { at: new Date(start.getTime() + 40 * day), revoked: "考核违纪" });
  const other = await t.db.registration.findUniqueOrThrow({ where: { id: otherReg } });
  Object.assign(f, {
    name: reg.name,
    idNumber: reg.idNumber,
    phone: reg.candidate.phone ?? "",
    school: reg.school.name,
    planCode: plan.code,
    number: issued.certificateNumber!,
    revokedNumber: revoked.certificateNumber!,
    revokedName: other.name,
  });
});

/** A browser at `ip` that fetches a challenge and solves it, as the page does. */
function visitor(at: Date, ip = "198.51.100.7") {
  const api = caller(t.db, { clock: fixedClock(at), browser: newBrowser(ip) });
  const solved = async () => {
    const c = await api.lookup.challenge();
    return { challengeId: c.id, work: (await solveWork(c.work))! };
  };
  return { api, solved };
}

describe("成绩查询", () => {
  it("answers from the start of 成绩公示, and after it; before, exactly as for nobody", async () => {
    const before = visitor(new Date(publicityStarts.getTime() - 1), "198.51.100.1");
    const none = await before.api.lookup.scores({ name: f.name, idNumber: f.idNumber, ...(await before.solved()) });
    expect(none).toEqual({ found: false, name: "", idNumber: "", results: [] });

    const at = visitor(publicityStarts, "198.51.100.2");
    const r = await at.api.lookup.scores({ name: f.name, idNumber: f.idNumber.toLowerCase(), ...(await at.solved()) });
    expect(r.found).toBe(true);
    expect(r.idNumber).toMatch(/^\w{3}\*{4}\w{4}$/);
    expect(r.results).toHaveLength(1);
    expect(r.results[0]).toMatchObject({ planCode: f.planCode, outcome: "通过", inPublicity: true });
    expect(r.results[0].subjects).toEqual([expect.objectContaining({ score: 82.5, mark: "正常" })]);
    // Nothing the query did not prove: no full ID number, no phone, no school.
    const text = JSON.stringify(r);
    expect(text).not.toContain(f.idNumber);
    if (f.phone) expect(text).not.toContain(f.phone);
    expect(text).not.toContain(f.school);

    const later = visitor(new Date(publicityStarts.getTime() + 60 * day), "198.51.100.3");
    const after = await later.api.lookup.scores({ name: f.name, idNumber: f.idNumber, planCode: f.planCode, ...(await later.solved()) });
    expect(after.results[0]).toMatchObject({ inPublicity: false, outcome: "通过" });
  });

  it("a wrong name, a wrong ID or another plan: the same shape as a found answer, with nothing in it", async () => {
    const v = visitor(publicityStarts, "198.51.100.4");
    const found = await v.api.lookup.scores({ name: f.name, idNumber: f.idNumber, ...(await v.solved()) });
    for (const q of [
      { name: `${f.name}甲`, idNumber: f.idNumber },
      { name: f.name, idNumber: "110101199001011234" },
      { name: f.name, idNumber: f.idNumber, planCode: "000000000000" },
    ]) {
      const r = await v.api.lookup.scores({ ...q, ...(await v.solved()) });
      expect(r).toEqual({ found: false, name: "", idNumber: "", results: [] });
      expect(Object.keys(r).sort()).toEqual(Object.keys(found).sort());
    }
  });

  it("needs this browser's own challenge, solved, once", async () => {
    const v = visitor(publicityStarts, "198.51.100.5");
    const q = { name: f.name, idNumber: f.idNumber };
    const reply = await v.solved();
    await v.api.lookup.scores({ ...q, ...reply });
    await expect(v.api.lookup.scores({ ...q, ...reply })).rejects.toThrow("安全校验未通过或已过期");
    const c = await v.api.lookup.challenge();
    await expect(v.api.lookup.scores({ ...q, challengeId: c.id, work: ((await solveWork(c.work))! + 1) % c.work.max })).rejects.toThrow("安全校验未通过");
    // Another browser sends this one's solved challenge.
    const mine = await v.solved();
    const thief = visitor(publicityStarts, "198.51.100.6");
    await thief.api.lookup.challenge(); // it has a challenge cookie of its own
    await expect(thief.api.lookup.scores({ ...q, ...mine })).rejects.toThrow("安全校验未通过");
    // An image captcha's id is no lookup challenge.
    const cap = await v.api.auth.captcha();
    await expect(v.api.lookup.scores({ ...q, challengeId: cap.id, work: (await solveWork(cap.work))! })).rejects.toThrow("安全校验未通过");
    await expect(v.api.lookup.scores({ name: f.name, idNumber: "12<>", challengeId: "x", work: 0 })).rejects.toThrow("证件号码只能包含字母、数字和括号");
  });

  it("limits each ID number whatever the address, and each address whatever the query, through the database", async () => {
    const id = "320102199001011239";
    for (let i = 0; i < LOOKUP_LIMITS.perIdNumberPerHour; i++) {
      const v = visitor(publicityStarts, `192.0.2.${i + 1}`);
      await v.api.lookup.scores({ name: "某某", idNumber: id, ...(await v.solved()) });
    }
    const late = visitor(publicityStarts, "192.0.2.200");
    await expect(late.api.lookup.scores({ name: "某某", idNumber: id, ...(await late.solved()) })).rejects.toThrow("查询过于频繁");
    // The next hour the ID number may be looked up again.
    const nextHour = visitor(new Date(publicityStarts.getTime() + 3_600_000), "192.0.2.201");
    await expect(nextHour.api.lookup.scores({ name: "某某", idNumber: id, ...(await nextHour.solved()) })).resolves.toMatchObject({ found: false });

    const busy = visitor(new Date(publicityStarts.getTime() + 7_200_000), "192.0.2.250");
    for (let i = 0; i < LOOKUP_LIMITS.perClientPerMinute; i++)
      await busy.api.lookup.scores({ name: "某某", idNumber: `3201021990010${String(i).padStart(5, "0")}`, ...(await busy.solved()) });
    await expect(busy.api.lookup.scores({ name: "某某", idNumber: "320102199001019999", ...(await busy.solved()) })).rejects.toThrow("查询过于频繁");
  });
});

describe("read replica", () => {
  it("the lookup reads where DATABASE_REPLICA_URL points; its limits and challenges stay on the primary", async () => {
    const api = caller(t.db, { clock: fixedClock(publicityStarts), browser: newBrowser("198.51.100.90"), readDb: replica.db });
    const c = await api.lookup.challenge();
    const r = await api.lookup.scores({ name: f.name, idNumber: f.idNumber, challengeId: c.id, work: (await solveWork(c.work))! });
    expect(r.found).toBe(false);
    expect(await t.db.captcha.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ usedAt: expect.any(Date) });
    expect(await replica.db.captcha.count()).toBe(0);
  });
});

describe("证书查询", () => {
  it("by number and name, or by name and ID: state, level, org and date; the ID masked; a revoked one says so", async () => {
    const v = visitor(new Date(start.getTime() + 50 * day), "203.0.113.50");
    const byNumber = await v.api.lookup.certificates({ by: "number", certificateNumber: f.number, name: f.name, ...(await v.solved()) });
    expect(byNumber.found).toBe(true);
    expect(byNumber.certificates).toEqual([
      expect.objectContaining({
        certificateNumber: f.number,
        name: f.name,
        state: "有效",
        level: "初级",
        verifyPath: expect.stringMatching(/^\/verify\/\d{23}\?s=/),
      }),
    ]);
    expect(JSON.stringify(byNumber)).not.toContain(f.idNumber);
    expect(JSON.stringify(byNumber)).not.toContain(f.school);
    const byPerson = await v.api.lookup.certificates({ by: "person", name: f.name, idNumber: f.idNumber, ...(await v.solved()) });
    expect(byPerson.certificates.map((c) => c.certificateNumber)).toEqual([f.number]);
    const revoked = await v.api.lookup.certificates({ by: "number", certificateNumber: f.revokedNumber, name: f.revokedName, ...(await v.solved()) });
    expect(revoked.certificates[0].state).toBe("已撤销");
  });

  it("a number alone, another holder's name or a mistyped number answers nothing, in the same shape", async () => {
    const v = visitor(new Date(start.getTime() + 50 * day), "203.0.113.51");
    const empty = { found: false, certificates: [] };
    expect(await v.api.lookup.certificates({ by: "number", certificateNumber: f.number, name: f.revokedName, ...(await v.solved()) })).toEqual(empty);
    const typo = f.number.slice(0, 22) + String((Number(f.number[22]) + 1) % 10);
    expect(await v.api.lookup.certificates({ by: "number", certificateNumber: typo, name: f.name, ...(await v.solved()) })).toEqual(empty);
    await expect(v.api.lookup.certificates({ by: "number", certificateNumber: "123", name: f.name, challengeId: "x", work: 0 })).rejects.toThrow(
      "证书编号为 23 位数字",
    );
    // Walking the numbers of one certificate runs into its limit.
    for (let i = 1; i < LOOKUP_LIMITS.perCertificateNumberPerHour - 1; i++)
      await v.api.lookup.certificates({ by: "number", certificateNumber: f.number, name: `猜${i}`, ...(await v.solved()) });
    await expect(v.api.lookup.certificates({ by: "number", certificateNumber: f.number, name: "再猜", ...(await v.solved()) })).rejects.toThrow("查询过于频繁");
  });
});
