import { describe, expect, it } from "vitest";
import { applicationProblem, canEditApplication, requestedTotalOf } from "./application";

const base = { teacherSituation: "专任教师 6 人", siteSituation: "实训室 2 间" };

describe("pilot application rules", () => {
  it("by major: the total is the sum of the lines, every line is checked", () => {
    const lines = [
      { majorId: "a", students: 120, teachers: 6, requested: 80 },
      { majorId: "b", students: 40, teachers: 2, requested: 30 },
    ];
    expect(requestedTotalOf(true, lines, 999)).toBe(110);
    expect(applicationProblem({ ...base, byMajor: true, lines })).toBeNull();
    expect(applicationProblem({ ...base, byMajor: true, lines: [] })).toMatch(/至少添加一个专业/);
    expect(applicationProblem({ ...base, byMajor: true, lines: [lines[0], lines[0]] })).toMatch(/不能重复/);
    expect(applicationProblem({ ...base, byMajor: true, lines: [{ ...lines[0], requested: 121 }] })).toMatch(/不能超过本专业在校学生数/);
    expect(applicationProblem({ ...base, byMajor: true, lines: [{ ...lines[0], requested: 0 }] })).toMatch(/至少为 1/);
  });
  it("not by major: a total is required; descriptions are required", () => {
    expect(applicationProblem({ ...base, byMajor: false, lines: [], requestedTotal: 50 })).toBeNull();
    expect(applicationProblem({ ...base, byMajor: false, lines: [], requestedTotal: 0 })).toMatch(/申请培训总人数/);
    expect(applicationProblem({ ...base, teacherSituation: " ", byMajor: false, lines: [], requestedTotal: 5 })).toMatch(/师资情况/);
  });
  it("only drafts and returned applications may be edited", () => {
    expect(["DRAFT", "IN_REVIEW", "APPROVED", "RETURNED"].map((s) => canEditApplication(s as never))).toEqual([true, false, false, true]);
  });
});
