import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { PassRule, RuleSubject } from "@/domain/exams/pass-rule";
import { entryOf, markOf, resultOf, scoreProblem, type SubjectEntry } from "./outcome";
import { correctionProblem, entryProblem, lockDue, overwriteProblem, scorePhase, visibleToStudent } from "./window";

const t = (s: string) => new Date(`${s}+08:00`);
// 003: 成绩登记 and 公示 overlap (5/22–5/30); here 登记 5/22–5/26 and 公示 5/24–5/30, overlapping on 5/24–5/26.
const plan = {
  scoringStartsAt: t("2026-05-22T00:00:00"),
  scoringEndsAt: t("2026-05-26T00:00:00"),
  publicityStartsAt: t("2026-05-24T00:00:00"),
  publicityEndsAt: t("2026-05-30T00:00:00"),
  scoresLockedAt: null as Date | null,
};

describe("score windows", () => {
  it("entry only inside 成绩登记; the lock wins at the end of 公示", () => {
    expect(entryProblem(plan, t("2026-05-21T23:59:59"))).toMatch(/不在成绩登记时间内.*2026-05-22 00:00/);
    expect(entryProblem(plan, t("2026-05-22T00:00:00"))).toBeNull();
    expect(entryProblem(plan, t("2026-05-25T23:59:59"))).toBeNull();
    expect(entryProblem(plan, t("2026-05-26T00:00:00"))).toMatch(/不在成绩登记时间内/);
    expect(entryProblem(plan, t("2026-05-30T00:00:00"))).toMatch(/永久锁定/);
    expect(entryProblem({ ...plan, scoresLockedAt: t("2026-05-23T00:00:00") }, t("2026-05-23T00:00:01"))).toMatch(/永久锁定/);
  });
  it("an entered score changes by import only before 公示; in 公示 only by a correction", () => {
    expect(overwriteProblem(plan, t("2026-05-23T23:59:59"))).toBeNull();
    expect(overwriteProblem(plan, t("2026-05-24T00:00:00"))).toMatch(/更正成绩/);
    expect(correctionProblem(plan, t("2026-05-23T23:59:59"))).toMatch(/成绩公示期间/);
    expect(correctionProblem(plan, t("2026-05-24T00:00:00"))).toBeNull();
    expect(correctionProblem(plan, t("2026-05-29T23:59:59"))).toBeNull();
    expect(correctionProblem(plan, t("2026-05-30T00:00:00"))).toMatch(/永久锁定/);
  });
  it("phases, the student's view and the lock", () => {
    expect(scorePhase(plan, t("2026-05-21T00:00:00"))).toBe("BEFORE");
    expect(scorePhase(plan, t("2026-05-22T00:00:00"))).toBe("ENTRY");
    expect(scorePhase(plan, t("2026-05-24T00:00:00"))).toBe("PUBLICITY");
    expect(scorePhase({ ...plan, publicityStartsAt: t("2026-05-27T00:00:00") }, t("2026-05-26T12:00:00"))).toBe("WAITING");
    expect(scorePhase(plan, t("2026-05-30T00:00:00"))).toBe("LOCKED");
    expect(visibleToStudent(plan, t("2026-05-23T23:59:59"))).toBe(false);
    expect(visibleToStudent(plan, t("2026-05-24T00:00:00"))).toBe(true);
    expect(lockDue(plan, t("2026-05-29T23:59:59"))).toBe(false);
    expect(lockDue(plan, t("2026-05-30T00:00:00"))).toBe(true);
    expect(lockDue({ ...plan, scoresLockedAt: t("2026-05-30T00:00:00") }, t("2026-06-01T00:00:00"))).toBe(false);
  });
});

describe("score cells", () => {
  it("marks and scores as imported", () => {
    expect(markOf("")).toBe("SCORED");
    expect(markOf(" 缺考 ")).toBe("ABSENT");
    expect(markOf("违纪")).toBe("DISQUALIFIED");
    expect(markOf("迟到")).toBeNull();
    expect(entryOf("SCORED", "86.5", 100)).toEqual({ ok: true, mark: "SCORED", score: 86.5 });
    expect(entryOf("SCORED", "", 100)).toMatchObject({ ok: false, error: expect.stringMatching(/请填写成绩/) });
    expect(entryOf("SCORED", "101", 100)).toMatchObject({ ok: false, error: expect.stringMatching(/0 至 100/) });
    expect(entryOf("SCORED", "86.55", 100)).toMatchObject({ ok: false, error: "成绩最多保留一位小数" });
    expect(entryOf("SCORED", "八十", 100)).toMatchObject({ ok: false, error: "成绩须为数字" });
    expect(entryOf("ABSENT", "", 100)).toEqual({ ok: true, mark: "ABSENT", score: null });
    expect(entryOf("ABSENT", "55", 100)).toMatchObject({ ok: false, error: "缺考的科目不填写成绩" });
    expect(scoreProblem(0, 100)).toBeNull();
    expect(scoreProblem(150, 150)).toBeNull();
  });
});

const theory: RuleSubject = { id: "00000000-0000-4000-8000-000000000001", name: "理论", fullScore: 100, passScore: 60 };
const practice: RuleSubject = { id: "00000000-0000-4000-8000-000000000002", name: "实操", fullScore: 150, passScore: 90 };
const subjects = [theory, practice];
const all: PassRule = { kind: "ALL_SUBJECTS" };
const weighted: PassRule = { kind: "WEIGHTED_TOTAL", weights: { [theory.id]: 40, [practice.id]: 60 }, passTotal: 60 };
const scored = (score: number): SubjectEntry => ({ mark: "SCORED", score });

describe("results", () => {
  it("outcomes from the entries", () => {
    expect(resultOf(all, subjects, { [theory.id]: scored(60), [practice.id]: scored(90) }).outcome).toBe("PASSED");
    expect(resultOf(all, subjects, { [theory.id]: scored(59.9), [practice.id]: scored(150) }).outcome).toBe("FAILED");
    expect(resultOf(all, subjects, { [theory.id]: scored(80) }).outcome).toBe("PENDING");
    expect(resultOf(all, subjects, { [theory.id]: { mark: "ABSENT", score: null }, [practice.id]: { mark: "ABSENT", score: null } }).outcome).toBe("ABSENT");
    expect(resultOf(all, subjects, { [theory.id]: { mark: "ABSENT", score: null }, [practice.id]: scored(120) }).outcome).toBe("FAILED");
    expect(resultOf(all, subjects, { [theory.id]: { mark: "DISQUALIFIED", score: null } }).outcome).toBe("DISQUALIFIED");
    // 按科目报考 without the other subject here (and no earlier pass): never a pass.
    expect(resultOf(all, subjects, { [theory.id]: scored(100), [practice.id]: null }).outcome).toBe("FAILED");
    expect(resultOf(all, [], {}).outcome).toBe("PENDING");
  });
  it("a weighted total on each subject's 满分 scaled to 100", () => {
    // 50/100 × 40% + 105/150 × 60% = 20 + 42 = 62
    expect(resultOf(weighted, subjects, { [theory.id]: scored(50), [practice.id]: scored(105) })).toEqual({ outcome: "PASSED", total: 62 });
    expect(resultOf(weighted, subjects, { [theory.id]: scored(50), [practice.id]: scored(90) })).toEqual({ outcome: "FAILED", total: 56 });
  });

  const entry = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.constant<SubjectEntry>({ mark: "ABSENT", score: null }),
    fc.constant<SubjectEntry>({ mark: "DISQUALIFIED", score: null }),
    fc.integer({ min: 0, max: 1500 }).map((n) => scored(n / 10)),
  );
  const entries = fc.tuple(entry, entry).map(([a, b]) => {
    const e: Record<string, SubjectEntry | undefined> = {};
    if (a !== undefined) e[theory.id] = a;
    if (b !== undefined) e[practice.id] = b;
    return e;
  });
  const ruleArb = fc.oneof(fc.constant(all), fc.constant(weighted));

  it("property: a pass needs every required subject sat and scored (and, under 各科合格, each at its pass mark)", () => {
    fc.assert(
      fc.property(ruleArb, entries, (rule, e) => {
        const r = resultOf(rule, subjects, e);
        if (r.outcome !== "PASSED") return;
        for (const s of subjects) {
          const x = e[s.id];
          expect(x?.mark).toBe("SCORED");
          if (rule.kind === "ALL_SUBJECTS") expect(x!.score!).toBeGreaterThanOrEqual(s.passScore);
        }
        if (rule.kind === "WEIGHTED_TOTAL") expect(r.total!).toBeGreaterThanOrEqual(rule.passTotal);
      }),
    );
  });
  it("property: raising one score never turns a pass into anything else", () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 150 }), (rule, a, b, up) => {
        const before = resultOf(rule, subjects, { [theory.id]: scored(a / 10), [practice.id]: scored(b / 10) });
        const after = resultOf(rule, subjects, { [theory.id]: scored(a / 10), [practice.id]: scored(Math.min(1500, b + up) / 10) });
        if (before.outcome === "PASSED") expect(after.outcome).toBe("PASSED");
      }),
    );
  });
  it("property: any 违纪 is 违纪, and with every subject entered the result is never 成绩未齐", () => {
    fc.assert(
      fc.property(ruleArb, entries, (rule, e) => {
        const r = resultOf(rule, subjects, e);
        const xs = subjects.map((s) => e[s.id]);
        if (xs.some((x) => x?.mark === "DISQUALIFIED")) expect(r.outcome).toBe("DISQUALIFIED");
        else if (xs.every((x) => x !== undefined)) expect(r.outcome).not.toBe("PENDING");
      }),
    );
  });
});
