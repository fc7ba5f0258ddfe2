import { describe, expect, it } from "vitest";
import { periodOf, periodOpen, sectionsProblem } from "./period";

const at = (s: string) => new Date(s);

describe("weekly report periods (China time)", () => {
  it("weekly: Monday 00:00 to Sunday 24:00 Beijing time", () => {
    const p = periodOf("WEEKLY", at("2026-11-22T15:59:59.999Z")); // Sunday 23:59:59.999 in Beijing
    expect([p.start, p.end]).toEqual(["2026-11-16", "2026-11-22"]);
    expect(p.startsAt.toISOString()).toBe("2026-11-15T16:00:00.000Z");
    expect(p.endsAt.toISOString()).toBe("2026-11-22T16:00:00.000Z");
    expect(p.label).toBe("2026年第47周（11.16–11.22）");
    const next = periodOf("WEEKLY", at("2026-11-22T16:00:00Z")); // Monday 00:00 Beijing
    expect(next.start).toBe("2026-11-23");
    expect(periodOpen(p, at("2026-11-22T15:59:59Z"))).toBe(true);
    expect(periodOpen(p, at("2026-11-22T16:00:00Z"))).toBe(false);
    expect(periodOpen(p, at("2026-11-15T15:59:59Z"))).toBe(false);
  });

  it("half-monthly: 1st–15th and 16th–month end, across years and leap Februaries", () => {
    expect(periodOf("HALF_MONTHLY", at("2026-11-15T15:59:59Z"))).toMatchObject({
      start: "2026-11-01",
      end: "2026-11-15",
      label: "2026年11月上半月（11.01–11.15）",
    });
    expect(periodOf("HALF_MONTHLY", at("2026-11-15T16:00:00Z"))).toMatchObject({ start: "2026-11-16", end: "2026-11-30" });
    expect(periodOf("HALF_MONTHLY", at("2026-12-31T12:00:00Z"))).toMatchObject({ start: "2026-12-16", end: "2026-12-31" });
    expect(periodOf("HALF_MONTHLY", at("2028-02-20T00:00:00Z"))).toMatchObject({ start: "2028-02-16", end: "2028-02-29" });
    expect(periodOf("WEEKLY", at("2026-12-31T00:00:00Z"))).toMatchObject({ start: "2026-12-28", end: "2027-01-03" });
  });

  it("sections: all required to submit, none unknown", () => {
    const full = { progress: "a", training: "b", assessment: "c", problems: "d", plan: "e" };
    expect(sectionsProblem(full, true)).toBeNull();
    expect(sectionsProblem({ ...full, plan: " " }, true)).toMatch(/下期工作计划/);
    expect(sectionsProblem({ progress: "a" }, false)).toBeNull();
    expect(sectionsProblem({ evil: "x" }, false)).toMatch(/格式/);
  });
});
