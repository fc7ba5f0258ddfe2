import { describe, expect, it } from "vitest";
import { canDeleteRoom, roomCreateProblem, roomEditProblem, roomStatus, roomTypeOf, seatsProblem } from "./rules";

const plan = { schedulingStartsAt: new Date("2026-05-10T00:00:00Z"), schedulingEndsAt: new Date("2026-05-19T16:00:00Z") };
const at = (iso: string) => new Date(iso);
const room = { name: "13 号机房", seats: 40, subjectIds: ["a", "b"], regionCode: "110108", address: "学院路 30 号" };

describe("exam room rules", () => {
  it("status is the plan's scheduling window, boundaries exact", () => {
    expect(roomStatus(plan, at("2026-05-09T23:59:59.999Z"))).toBe("NOT_SCHEDULED");
    expect(roomStatus(plan, plan.schedulingStartsAt)).toBe("SCHEDULING");
    expect(roomStatus(plan, at("2026-05-19T15:59:59.999Z"))).toBe("SCHEDULING");
    expect(roomStatus(plan, plan.schedulingEndsAt)).toBe("ENDED");
    expect(roomCreateProblem(plan, at("2026-05-09T00:00:00Z"))).toBeNull();
    expect(roomCreateProblem(plan, plan.schedulingStartsAt)).toContain("已进入排考时间");
    expect(roomCreateProblem(plan, plan.schedulingEndsAt)).toContain("已结束");
    expect(canDeleteRoom("NOT_SCHEDULED")).toBe(true);
    expect(canDeleteRoom("SCHEDULING")).toBe(false);
    expect(canDeleteRoom("ENDED")).toBe(false);
  });

  it("one exam mode per room; its type follows the subjects", () => {
    expect(roomTypeOf(["COMPUTER", "COMPUTER"])).toEqual({ ok: true, type: "COMPUTER" });
    expect(roomTypeOf([])).toMatchObject({ ok: false });
    const mixed = roomTypeOf(["COMPUTER", "WRITTEN"]);
    expect(mixed.ok).toBe(false);
    expect(!mixed.ok && mixed.error).toContain("机考、笔试");
  });

  it("未排考 changes anything; 排考中 only raises seats; 已结束 nothing", () => {
    expect(roomEditProblem("NOT_SCHEDULED", room, { ...room, name: "12 号机房", seats: 10 })).toBeNull();
    expect(roomEditProblem("SCHEDULING", room, { ...room, seats: 41 })).toBeNull();
    expect(roomEditProblem("SCHEDULING", room, { ...room, subjectIds: ["b", "a"], seats: 40 })).toBeNull();
    expect(roomEditProblem("SCHEDULING", room, { ...room, seats: 39 })).toContain("不能少于原有的 40 个");
    expect(roomEditProblem("SCHEDULING", room, { ...room, name: "12 号机房", seats: 41 })).toContain("只能修改考位数");
    expect(roomEditProblem("SCHEDULING", room, { ...room, subjectIds: ["a"] })).toContain("只能修改考位数");
    expect(roomEditProblem("ENDED", room, room)).toContain("不能修改");
    expect(seatsProblem(0)).toContain("正整数");
    expect(seatsProblem(1.5)).toContain("正整数");
    expect(seatsProblem(501)).toContain("不能超过");
    expect(seatsProblem(40)).toBeNull();
  });
});
