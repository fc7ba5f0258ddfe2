import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { candidateProblem, fitsTargetGroup, registrationDeleteProblem, registrationStatus, registrationWindowProblem, sittingsFor } from "./rules";

const t = (s: string) => new Date(`${s}+08:00`);
const plan = { registrationStartsAt: t("2026-04-26T00:00:00"), registrationEndsAt: t("2026-05-19T18:00:00"), includesSchool: true };
const am = { startsAt: t("2026-05-21T09:00:00"), endsAt: t("2026-05-21T10:30:00") };
const pm = { startsAt: t("2026-05-21T14:00:00"), endsAt: t("2026-05-21T15:30:00") };

describe("registration window", () => {
  it("is open from its start up to (not at) its end, for the plan's schools only", () => {
    expect(registrationWindowProblem(plan, t("2026-04-25T23:59:59"))).toMatch(/尚未开始报考.*2026-04-26 00:00/);
    expect(registrationWindowProblem(plan, t("2026-04-26T00:00:00"))).toBeNull();
    expect(registrationWindowProblem(plan, t("2026-05-19T17:59:59"))).toBeNull();
    expect(registrationWindowProblem(plan, t("2026-05-19T18:00:00"))).toMatch(/已结束/);
    expect(registrationWindowProblem({ ...plan, includesSchool: false }, t("2026-05-01T00:00:00"))).toBe("贵校未参加该考试计划");
  });
});

describe("candidate", () => {
  const ok = { status: "VERIFIED" as const, type: "SCHOOL" as const, majorId: "m1", own: true };
  it("must be the school's own, 信息准确, and in one of the certificate's majors", () => {
    expect(candidateProblem(ok, ["m1", "m2"])).toBeNull();
    expect(candidateProblem({ ...ok, own: false }, ["m1"])).toMatch(/不属于本校/);
    expect(candidateProblem({ ...ok, status: "PENDING_VERIFICATION" }, ["m1"])).toMatch(/信息待认证.*信息准确/);
    expect(candidateProblem({ ...ok, status: "NO_PHOTO" }, ["m1"])).toMatch(/无照片/);
    expect(candidateProblem({ ...ok, status: "NEEDS_REVIEW" }, ["m1"])).toMatch(/需人工确认/);
    expect(candidateProblem({ ...ok, majorId: "m3" }, ["m1", "m2"])).toMatch(/不在该证书对应的专业/);
    expect(candidateProblem({ ...ok, majorId: null }, ["m1"])).toMatch(/未填写所学专业/);
  });
  it("a social candidate has no major to check", () => {
    expect(candidateProblem({ ...ok, type: "SOCIAL", majorId: null }, ["m1"])).toBeNull();
  });
});

describe("target groups and sittings", () => {
  const all = { subjectId: "s1", code: "600000111101", name: "理论", targetGroup: "所有考生" };
  const school = { subjectId: "s2", code: "600000111102", name: "实操（院校）", targetGroup: "院校考生" };
  const social = { subjectId: "s3", code: "600000111103", name: "实操（社会）", targetGroup: "社会考生" };
  const web = { subjectId: "s4", code: "600000111104", name: "Web 方向", targetGroup: "Web 前端方向" };
  it("所有考生 fits all; 院校/社会 the type; a direction only the declared one", () => {
    expect(fitsTargetGroup("所有考生", "SOCIAL")).toBe(true);
    expect(fitsTargetGroup("院校考生", "SCHOOL")).toBe(true);
    expect(fitsTargetGroup("院校考生", "SOCIAL")).toBe(false);
    expect(fitsTargetGroup("社会考生", "SOCIAL")).toBe(true);
    expect(fitsTargetGroup("Web 前端方向", "SCHOOL")).toBe(false);
    expect(fitsTargetGroup("Web 前端方向", "SCHOOL", " Web 前端方向 ")).toBe(true);
  });
  it("按证书 takes every subject of the level, and refuses a level split by group", () => {
    expect(sittingsFor("BY_CERTIFICATE", [all, school], "SCHOOL", { codes: [], declared: null })).toEqual({ ok: true, subjectIds: ["s1", "s2"] });
    expect(sittingsFor("BY_CERTIFICATE", [all, social], "SCHOOL", { codes: [], declared: null })).toMatchObject({ ok: false, error: /请按科目报考/ });
    expect(sittingsFor("BY_CERTIFICATE", [], "SCHOOL", { codes: [], declared: null })).toMatchObject({ ok: false, error: /没有考试科目/ });
  });
  it("按科目 takes the chosen subjects of the level that fit", () => {
    const subjects = [all, school, social, web];
    expect(sittingsFor("BY_SUBJECT", subjects, "SCHOOL", { codes: ["600000111101", "600000111104"], declared: "Web 前端方向" })).toEqual({
      ok: true,
      subjectIds: ["s1", "s4"],
    });
    expect(sittingsFor("BY_SUBJECT", subjects, "SCHOOL", { codes: ["600000111103"], declared: null })).toMatchObject({ ok: false, error: /考生不符/ });
    expect(sittingsFor("BY_SUBJECT", subjects, "SCHOOL", { codes: ["600000111104"], declared: null })).toMatchObject({ ok: false, error: /考生不符/ });
    expect(sittingsFor("BY_SUBJECT", subjects, "SCHOOL", { codes: ["999"], declared: null })).toMatchObject({ ok: false, error: /不是考试计划中/ });
    expect(sittingsFor("BY_SUBJECT", subjects, "SCHOOL", { codes: [], declared: null })).toMatchObject({ ok: false, error: /请填写/ });
  });
});

describe("status", () => {
  const s = (scheduled: boolean, w: { startsAt: Date; endsAt: Date }) => ({ scheduled, ...w });
  it("follows 未排考 → 待考试 → 考试中 → 已结束", () => {
    const before = t("2026-05-20T12:00:00");
    expect(registrationStatus([s(false, am), s(false, pm)], before)).toBe("UNSCHEDULED");
    expect(registrationStatus([s(true, am), s(false, pm)], before)).toBe("UNSCHEDULED");
    expect(registrationStatus([s(true, am), s(true, pm)], before)).toBe("WAITING");
    expect(registrationStatus([s(true, am), s(true, pm)], am.startsAt)).toBe("IN_EXAM");
    expect(registrationStatus([s(true, am), s(true, pm)], t("2026-05-21T12:00:00"))).toBe("WAITING");
    expect(registrationStatus([s(true, am), s(true, pm)], t("2026-05-21T15:29:59"))).toBe("IN_EXAM");
    expect(registrationStatus([s(true, am), s(true, pm)], pm.endsAt)).toBe("ENDED");
    expect(registrationStatus([s(false, am)], am.endsAt)).toBe("ENDED");
  });
  it("is 已结束 exactly when every sitting has ended, whatever the schedule", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 50 })), { minLength: 1 }),
        fc.integer({ min: 0, max: 200 }),
        (xs, n) => {
          const sittings = xs.map(([scheduled, a, len]) => ({ scheduled, startsAt: new Date(a * 60_000), endsAt: new Date((a + len) * 60_000) }));
          const now = new Date(n * 60_000);
          const status = registrationStatus(sittings, now);
          expect(status === "ENDED").toBe(sittings.every((x) => x.endsAt <= now));
          if (sittings.some((x) => !x.scheduled) && status !== "ENDED") expect(status).toBe("UNSCHEDULED");
        },
      ),
    );
  });
});

describe("delete", () => {
  const open = t("2026-05-01T00:00:00");
  const r = { status: "UNSCHEDULED" as const, paid: false, onOrder: false };
  it("only 未排考, unpaid, off any order, inside the window", () => {
    expect(registrationDeleteProblem(r, plan, open)).toBeNull();
    expect(registrationDeleteProblem({ ...r, paid: true }, plan, open)).toMatch(/已缴费/);
    expect(registrationDeleteProblem({ ...r, status: "WAITING" }, plan, open)).toMatch(/已排考/);
    expect(registrationDeleteProblem({ ...r, onOrder: true }, plan, open)).toMatch(/缴费申请单/);
    expect(registrationDeleteProblem(r, plan, plan.registrationEndsAt)).toMatch(/报考时间已结束.*不能删除报考信息/);
  });
});
