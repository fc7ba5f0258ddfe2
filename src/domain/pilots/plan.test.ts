import { describe, expect, it } from "vitest";
import { applicationWindowProblem, batchName, batchNumber, nextBatch, planProblem, planStatus } from "./plan";

const at = (s: string) => new Date(s);
const plan = { startsAt: at("2026-10-14T00:00:00+08:00"), endsAt: at("2026-10-30T00:00:00+08:00") };

describe("application plan window", () => {
  it("status follows the window exactly, end inclusive", () => {
    expect(planStatus(plan, at("2026-10-13T23:59:59.999+08:00"))).toBe("NOT_STARTED");
    expect(planStatus(plan, at("2026-10-14T00:00:00+08:00"))).toBe("OPEN");
    expect(planStatus(plan, at("2026-10-30T00:00:00+08:00"))).toBe("OPEN");
    expect(planStatus(plan, at("2026-10-30T00:00:00.001+08:00"))).toBe("ENDED");
    expect(applicationWindowProblem(plan, at("2026-10-01T00:00:00+08:00"))).toMatch(/尚未开始/);
    expect(applicationWindowProblem(plan, at("2026-11-01T00:00:00+08:00"))).toMatch(/申报时间已过/);
    expect(applicationWindowProblem(plan, at("2026-10-20T00:00:00+08:00"))).toBeNull();
  });

  it("validates drafts and what may change once a plan is open", () => {
    const now = at("2026-10-01T00:00:00+08:00");
    const d = { year: 2026, batch: "第七批", ...plan, scope: "ALL" as const, certificateIds: [] };
    expect(planProblem(d, now)).toBeNull();
    expect(planProblem({ ...d, batch: "7" }, now)).toMatch(/第一批/);
    expect(planProblem({ ...d, endsAt: d.startsAt }, now)).toMatch(/晚于开始时间/);
    expect(planProblem({ ...d, scope: "PARTIAL" }, now)).toMatch(/至少选择一个证书/);
    const open = at("2026-10-20T00:00:00+08:00");
    expect(planProblem({ ...d, endsAt: at("2026-11-05T00:00:00+08:00") }, open, plan)).toBeNull();
    expect(planProblem({ ...d, startsAt: at("2026-10-15T00:00:00+08:00") }, open, plan)).toMatch(/不能修改开始时间/);
    expect(planProblem(d, at("2026-11-01T00:00:00+08:00"), plan)).toMatch(/已结束/);
  });
});

describe("batch names", () => {
  it("reads and writes 第N批 and proposes the one after the last used", () => {
    for (const [n, name] of [
      [1, "第一批"],
      [9, "第九批"],
      [10, "第十批"],
      [11, "第十一批"],
      [20, "第二十批"],
      [35, "第三十五批"],
    ] as const) {
      expect(batchName(n)).toBe(name);
      expect(batchNumber(name)).toBe(n);
    }
    expect(batchNumber("第一二批")).toBeNull();
    expect(batchNumber("测试批次")).toBeNull();
    expect(nextBatch([])).toBe("第一批");
    expect(nextBatch(["第一批", "第三批"])).toBe("第四批");
    expect(nextBatch(["第九批", "其他"])).toBe("第十批");
  });
});
