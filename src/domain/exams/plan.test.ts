import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { currentWindow, examPlanStatus, subjectTimesProblem, windowsProblem, type PlanWindows } from "./plan";
import { passes, passRuleProblem, type PassRule } from "./pass-rule";

const at = (iso: string) => new Date(`2026-05-${iso}+08:00`);
// Notice 003's timeline: 报考、排考 4/26–5/19, 考试 5/21, 成绩录入、公示 5/22–5/30.
const notice: PlanWindows = {
  registrationStartsAt: new Date("2026-04-26T00:00:00+08:00"),
  registrationEndsAt: at("19T23:59:59"),
  schedulingStartsAt: new Date("2026-04-26T00:00:00+08:00"),
  schedulingEndsAt: at("19T23:59:59"),
  examStartsAt: at("21T08:00:00"),
  examEndsAt: at("21T18:00:00"),
  scoringStartsAt: at("22T00:00:00"),
  scoringEndsAt: at("30T23:59:59"),
  publicityStartsAt: at("22T00:00:00"),
  publicityEndsAt: at("30T23:59:59"),
};

describe("exam plan windows", () => {
  it("accepts notice 003's timeline (报考 beside 排考, 成绩登记 beside 公示) and names what is wrong otherwise", () => {
    expect(windowsProblem(notice)).toBeNull();
    expect(windowsProblem({ ...notice, examEndsAt: notice.examStartsAt })).toBe("考试时间的结束时间须晚于开始时间");
    expect(windowsProblem({ ...notice, registrationEndsAt: at("21T09:00:00") })).toBe("报考须在考试开始前结束");
    expect(windowsProblem({ ...notice, schedulingEndsAt: at("21T09:00:00") })).toBe("排考须在考试开始前结束");
    expect(windowsProblem({ ...notice, schedulingStartsAt: new Date("2026-04-25T00:00:00+08:00") })).toBe("排考不能早于报考开始");
    expect(windowsProblem({ ...notice, scoringStartsAt: at("21T12:00:00") })).toBe("成绩登记须在考试结束后开始");
    expect(windowsProblem({ ...notice, publicityStartsAt: at("21T23:00:00") })).toBe("成绩公示不能早于成绩登记开始");
    expect(windowsProblem({ ...notice, publicityEndsAt: at("29T00:00:00") })).toBe("成绩公示须在成绩登记结束后结束");
    expect(windowsProblem({ ...notice, examStartsAt: new Date(Number.NaN) })).toBe("请填写考试时间");
  });

  it("status and the current window, boundaries exact", () => {
    expect(examPlanStatus(notice, new Date(notice.registrationStartsAt.getTime() - 1))).toBe("NOT_STARTED");
    expect(examPlanStatus(notice, notice.registrationStartsAt)).toBe("IN_PROGRESS");
    expect(examPlanStatus(notice, new Date(notice.publicityEndsAt.getTime() - 1))).toBe("IN_PROGRESS");
    expect(examPlanStatus(notice, notice.publicityEndsAt)).toBe("ENDED");
    expect(currentWindow(notice, at("01T10:00:00"))).toBe("scheduling");
    expect(currentWindow(notice, at("20T10:00:00"))).toBeNull();
    expect(currentWindow(notice, at("21T10:00:00"))).toBe("exam");
    expect(currentWindow(notice, at("25T10:00:00"))).toBe("publicity");
  });

  it("subject times sit inside the exam window, last their duration, and one level's never overlap", () => {
    const t = (name: string, levelId: string, from: string, to: string, durationMinutes = 90) => ({
      subjectId: name,
      levelId,
      name,
      startsAt: at(from),
      endsAt: at(to),
      durationMinutes,
    });
    expect(subjectTimesProblem(notice, [t("理论", "L1", "21T09:00:00", "21T10:30:00"), t("实操", "L1", "21T13:00:00", "21T15:00:00", 120)])).toBeNull();
    // Another level may sit at the same time.
    expect(subjectTimesProblem(notice, [t("理论", "L1", "21T09:00:00", "21T10:30:00"), t("理论中级", "L2", "21T09:00:00", "21T10:30:00")])).toBeNull();
    expect(subjectTimesProblem(notice, [t("理论", "L1", "21T07:00:00", "21T08:30:00")])).toContain("须在考试计划的考试时间内");
    expect(subjectTimesProblem(notice, [t("理论", "L1", "21T09:00:00", "21T10:00:00")])).toContain("短于科目的考试时长 90 分钟");
    expect(subjectTimesProblem(notice, [t("理论", "L1", "21T09:00:00", "21T10:30:00"), t("实操", "L1", "21T10:00:00", "21T12:00:00", 120)])).toContain("重叠");
  });
});

describe("pass rules", () => {
  const subjects = [
    { id: "00000000-0000-4000-8000-000000000001", name: "理论", fullScore: 100, passScore: 60 },
    { id: "00000000-0000-4000-8000-000000000002", name: "实操", fullScore: 150, passScore: 90 },
  ];
  const [a, b] = subjects.map((s) => s.id);
  const all: PassRule = { kind: "ALL_SUBJECTS" };
  const weighted: PassRule = { kind: "WEIGHTED_TOTAL", weights: { [a]: 40, [b]: 60 }, passTotal: 60 };

  it("every subject at its pass score", () => {
    expect(passes(all, subjects, { [a]: 60, [b]: 90 })).toBe(true);
    expect(passes(all, subjects, { [a]: 59.9, [b]: 150 })).toBe(false);
    expect(passes(all, subjects, { [a]: 100 })).toBe(false); // absent from one subject
    expect(passes(all, [], {})).toBe(false);
  });
  it("a weighted total on each subject scaled to 100", () => {
    expect(passRuleProblem(weighted, subjects)).toBeNull();
    expect(passRuleProblem({ ...weighted, weights: { [a]: 40, [b]: 50 } }, subjects)).toContain("之和须为 100%");
    expect(passRuleProblem({ ...weighted, weights: { [a]: 100 } }, subjects)).toContain("每个考试科目");
    // 50/100 → 50 × 40% = 20; 105/150 → 70 × 60% = 42; total 62.
    expect(passes(weighted, subjects, { [a]: 50, [b]: 105 })).toBe(true);
    expect(passes(weighted, subjects, { [a]: 40, [b]: 105 })).toBe(false); // 16 + 42 = 58
    // Exactly at the mark passes, whatever floating point does.
    expect(passes({ ...weighted, passTotal: 58 }, subjects, { [a]: 40, [b]: 105 })).toBe(true);
  });
  it("more marks never turn a pass into a fail (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 10 }), (x, y, d) => {
        for (const rule of [all, weighted]) {
          if (passes(rule, subjects, { [a]: x, [b]: y })) expect(passes(rule, subjects, { [a]: Math.min(100, x + d), [b]: Math.min(150, y + d) })).toBe(true);
        }
      }),
    );
  });
});
