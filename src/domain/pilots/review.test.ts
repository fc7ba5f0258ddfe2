import { describe, expect, it } from "vitest";
import { approvalProblem, approvedTotalOf, firstStage, returnReasonProblem, stageOfDepartment } from "./review";
import { quotaProblem, remainingQuota, type Quota } from "./quota";

describe("application review", () => {
  it("goes to the city first only when the plan asks and the city has a department", () => {
    expect(firstStage(true, true)).toBe("CITY");
    expect(firstStage(true, false)).toBe("PROVINCE");
    expect(firstStage(false, true)).toBe("PROVINCE");
    expect(stageOfDepartment("CITY")).toBe("CITY");
    expect(stageOfDepartment("PROVINCE")).toBe("PROVINCE");
  });

  it("approved numbers: one per line, 0…requested, total is their sum", () => {
    const lines = [
      { majorId: "a", requested: 40 },
      { majorId: "b", requested: 20 },
    ];
    expect(
      approvalProblem({
        requestedTotal: 60,
        lines,
        approved: [
          { majorId: "a", approved: 30 },
          { majorId: "b", approved: 0 },
        ],
      }),
    ).toBeNull();
    expect(
      approvalProblem({
        requestedTotal: 60,
        lines,
        approved: [
          { majorId: "a", approved: 41 },
          { majorId: "b", approved: 0 },
        ],
      }),
    ).toMatch(/不能超过/);
    expect(approvalProblem({ requestedTotal: 60, lines, approved: [{ majorId: "a", approved: 30 }] })).toMatch(/每个申报专业/);
    expect(
      approvalProblem({
        requestedTotal: 60,
        lines,
        approved: [
          { majorId: "a", approved: 1 },
          { majorId: "b", approved: 1 },
          { majorId: "c", approved: 1 },
        ],
      }),
    ).toMatch(/不一致/);
    expect(
      approvalProblem({
        requestedTotal: 60,
        lines,
        approved: [
          { majorId: "a", approved: 1.5 },
          { majorId: "b", approved: 1 },
        ],
      }),
    ).toMatch(/非负整数/);
    expect(approvalProblem({ requestedTotal: 60, lines: [], approved: [], approvedTotal: 61 })).toMatch(/不能超过/);
    expect(approvalProblem({ requestedTotal: 60, lines: [], approved: [], approvedTotal: null })).toMatch(/请填写/);
    expect(approvalProblem({ requestedTotal: 60, lines: [], approved: [], approvedTotal: 60 })).toBeNull();
    expect(approvedTotalOf([{ approved: 30 }, { approved: 5 }])).toBe(35);
    expect(returnReasonProblem("  ")).toMatch(/退回原因/);
    expect(returnReasonProblem("材料不全")).toBeNull();
  });
});

describe("quota", () => {
  const q: Quota = {
    year: 2026,
    approvedTotal: 50,
    majors: [
      { majorId: "m1", approved: 30 },
      { majorId: "m2", approved: 20 },
    ],
  };
  it("is consumed by registrations, per major where majors were declared", () => {
    expect(quotaProblem(q, { year: 2026, majorId: "m1", used: 10, usedInMajor: 10 })).toBeNull();
    expect(quotaProblem(q, { year: 2026, majorId: "m1", used: 10, usedInMajor: 30 })).toMatch(/该专业/);
    expect(quotaProblem(q, { year: 2026, majorId: "m3", used: 0 })).toMatch(/不在/);
    expect(quotaProblem(q, { year: 2026, majorId: "m2", used: 50, usedInMajor: 0 })).toMatch(/超出2026年度/);
    expect(quotaProblem(q, { year: 2026, majorId: "m2", used: 49, usedInMajor: 19 }, 1)).toBeNull();
    expect(quotaProblem(q, { year: 2026, majorId: "m2", used: 49, usedInMajor: 19 }, 2)).toMatch(/超出/);
    expect(remainingQuota(q, 45)).toBe(5);
  });
  it("does not carry over to the next year", () => {
    expect(quotaProblem(q, { year: 2027, majorId: "m1", used: 0 })).toMatch(/2027年度未获批/);
    expect(quotaProblem({ year: 2027, approvedTotal: null, majors: [] }, { year: 2027, majorId: null, used: 0 })).toMatch(/未获批/);
    expect(quotaProblem({ year: 2026, approvedTotal: 5, majors: [] }, { year: 2026, majorId: "any", used: 4 })).toBeNull();
  });
});
