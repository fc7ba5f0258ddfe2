import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canDeleteOrder, orderCreateProblem, orderLines, orderNumber, parseYuan, yuan } from "./rules";

describe("money", () => {
  it("parses yuan into fen exactly and refuses what is not an amount", () => {
    expect(parseYuan("380")).toEqual({ ok: true, fen: 38000 });
    expect(parseYuan(" 380.5 元")).toEqual({ ok: true, fen: 38050 });
    expect(parseYuan("1,200.05")).toEqual({ ok: true, fen: 120005 });
    expect(parseYuan("0")).toEqual({ ok: true, fen: 0 });
    expect(parseYuan("")).toMatchObject({ ok: false, error: "请填写收费标准" });
    expect(parseYuan("1.234")).toMatchObject({ ok: false });
    expect(parseYuan("-5")).toMatchObject({ ok: false });
    expect(parseYuan("abc")).toMatchObject({ ok: false });
    expect(parseYuan("100001")).toMatchObject({ ok: false, error: /100,000/ });
  });
  it("round-trips every fen amount through its yuan text", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (fen) => {
        expect(parseYuan(yuan(fen))).toEqual({ ok: true, fen });
      }),
    );
    expect(yuan(123456789)).toBe("1,234,567.89");
    expect(yuan(5)).toBe("0.05");
  });
});

describe("order lines", () => {
  it("prices each line by its fee standard and totals them", () => {
    const r = orderLines([
      { label: "理论", subjectId: "s1", quantity: 30, unitFee: 15000 },
      { label: "实操", subjectId: "s2", quantity: 28, unitFee: 25050 },
      { label: "方向", subjectId: "s3", quantity: 0, unitFee: null },
    ]);
    expect(r).toEqual({
      ok: true,
      quantity: 58,
      total: 30 * 15000 + 28 * 25050,
      lines: [
        { seq: 1, label: "理论", subjectId: "s1", quantity: 30, unitFee: 15000, amount: 450000 },
        { seq: 2, label: "实操", subjectId: "s2", quantity: 28, unitFee: 25050, amount: 701400 },
      ],
    });
  });
  it("refuses a line without a fee standard, and an order with nothing in it", () => {
    expect(orderLines([{ label: "某证书（初级）", subjectId: null, quantity: 3, unitFee: null }])).toMatchObject({
      ok: false,
      error: /尚未设置「某证书（初级）」/,
    });
    expect(orderLines([])).toMatchObject({ ok: false, error: /没有可生成缴费申请单/ });
  });
});

describe("order rules", () => {
  const t = (s: string) => new Date(`${s}+08:00`);
  const plan = { registrationStartsAt: t("2026-04-26T00:00:00"), registrationEndsAt: t("2026-05-19T18:00:00"), registrationMode: "BY_CERTIFICATE" as const };
  it("numbers orders by the Beijing day", () => {
    expect(orderNumber(t("2026-05-01T23:30:00"), 42)).toBe("JF20260501000042");
    expect(orderNumber(t("2026-05-02T00:10:00"), 1_000_042)).toBe("JF20260502000042");
  });
  it("generates only inside the 报考 window and in the plan's mode; deletes only unconfirmed", () => {
    expect(orderCreateProblem(plan, "BY_CERTIFICATE", t("2026-05-01T00:00:00"))).toBeNull();
    expect(orderCreateProblem(plan, "BY_SUBJECT", t("2026-05-01T00:00:00"))).toMatch(/按证书报考生成/);
    expect(orderCreateProblem(plan, "BY_CERTIFICATE", plan.registrationEndsAt)).toMatch(/不在报考时间内/);
    expect(orderCreateProblem(plan, "BY_CERTIFICATE", t("2026-04-25T23:59:00"))).toMatch(/不在报考时间内/);
    expect(canDeleteOrder("UNCONFIRMED")).toBe(true);
    expect(canDeleteOrder("CONFIRMED")).toBe(false);
  });
});
