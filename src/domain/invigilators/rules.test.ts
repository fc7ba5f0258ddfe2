import { describe, expect, it } from "vitest";
import { canDecide, canDeleteInvigilator, certificateChanges } from "./rules";

const current = [
  { certificateId: "a", status: "CERTIFIED" as const, name: "A证书" },
  { certificateId: "b", status: "PENDING" as const, name: "B证书" },
  { certificateId: "c", status: "REJECTED" as const, name: "C证书" },
];

describe("invigilator rules", () => {
  it("a certified certificate stays; pending and rejected ones may go; a rejected one kept is submitted again", () => {
    expect(certificateChanges(current, ["b", "c"])).toEqual({ ok: false, error: "A证书已认证，不能删除" });
    expect(certificateChanges(current, ["a", "c", "d"])).toEqual({ ok: true, plan: { add: ["d"], remove: ["b"], resubmit: ["c"] } });
    expect(certificateChanges([], [])).toMatchObject({ ok: false });
  });
  it("deletes only without a certified certificate; decides only pending ones", () => {
    expect(canDeleteInvigilator(current)).toBe(false);
    expect(canDeleteInvigilator(current.slice(1))).toBe(true);
    expect(canDecide("PENDING")).toBe(true);
    expect(canDecide("CERTIFIED")).toBe(false);
    expect(canDecide("REJECTED")).toBe(false);
  });
});
