import { describe, expect, it } from "vitest";
import { dutyProblem, firstFreeSeat, moveProblem } from "./adjust";

// Hours on one day; the rules compare intervals only, so any day will do.
const hour = 3_600_000;
const at = (h: number, m = 90) => ({ startsAt: new Date(h * hour), endsAt: new Date(h * hour + m * 60_000) });
const room = { siteId: "s1", seats: 3, subjectIds: ["math"], taken: [1, 3], otherTimes: [at(6)] };
const sitting = { siteId: "s1", subjectId: "math", time: at(1) };

describe("moving a candidate by hand", () => {
  it("takes a free seat of a room of the subject at the sitting's site", () => {
    expect(firstFreeSeat(room)).toBe(2);
    expect(firstFreeSeat({ seats: 2, taken: [1, 2] })).toBeNull();
    expect(moveProblem(sitting, room, 2)).toBeNull();
  });
  it("refuses another site, another subject's room, a busy room, a seat out of range or taken", () => {
    expect(moveProblem({ ...sitting, siteId: null }, room, 2)).toContain("没有可用的考核站点");
    expect(moveProblem(sitting, { ...room, siteId: "s2" }, 2)).toContain("所在考核站点");
    expect(moveProblem({ ...sitting, subjectId: "art" }, room, 2)).toContain("不承担此考试科目");
    expect(moveProblem({ ...sitting, time: at(6, 30) }, room, 2)).toContain("同一时间已安排其他科目");
    expect(moveProblem(sitting, room, 4)).toBe("座位号须在 1–3 之间");
    expect(moveProblem(sitting, room, 0)).toBe("座位号须在 1–3 之间");
    expect(moveProblem(sitting, room, 3)).toBe("该考场 3 号座位已有考生");
    expect(moveProblem(sitting, room, null)).toBe("该考场座位已满");
    expect(moveProblem({ ...sitting, siteId: null }, room, null)).toContain("没有可用的考核站点");
  });
});

describe("changing an invigilator", () => {
  const duty = { certificateId: "c1", time: at(1), schoolId: "host" };
  it("needs the certificate, another school, and a free hour", () => {
    expect(dutyProblem(duty, { schoolId: "x", certificateIds: ["c1"], busy: [at(6)] })).toBeNull();
    expect(dutyProblem(duty, { schoolId: "x", certificateIds: ["c2"], busy: [] })).toContain("未通过本证书");
    expect(dutyProblem(duty, { schoolId: "host", certificateIds: ["c1"], busy: [] })).toContain("本校考场");
    expect(dutyProblem(duty, { schoolId: "host", certificateIds: ["c1"], busy: [] }, false)).toBeNull();
    expect(dutyProblem(duty, { schoolId: "x", certificateIds: ["c1"], busy: [at(2)] })).toContain("同一时间");
  });
});
