import { describe, expect, it } from "vitest";
import { hasBadText } from "./text";

describe("hasBadText", () => {
  it("finds NUL and lone surrogates anywhere in a value, and lets every real character through", () => {
    expect(hasBadText("张三 𠀀 😀 ·é")).toBe(false); // pairs are fine
    expect(hasBadText("张\u0000三")).toBe(true);
    expect(hasBadText("\uD800")).toBe(true);
    expect(hasBadText("a\uDC00b")).toBe(true);
    expect(hasBadText({ lines: [{ note: "ok" }, { note: "x\uD83D" }] })).toBe(true);
    expect(hasBadText({ ["k\u0000"]: 1 })).toBe(true);
    expect(hasBadText({ n: 1, b: true, d: null, list: ["a", 2] })).toBe(false);
  });
});
