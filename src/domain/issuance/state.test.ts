import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ISSUANCE_STATUSES, SIGNED_BY_BOTH, SIGNED_BY_ORG, transition, type IssuanceAction, type IssuanceStatus } from "./state";

const actionArb: fc.Arbitrary<IssuanceAction> = fc.oneof(
  fc.constant({ kind: "orgSign" as const }),
  fc.record({ kind: fc.constant("orgRefuse" as const), reason: fc.constantFrom("", " ", "成绩有误，待核实") }),
  fc.constant({ kind: "siteSign" as const }),
  fc.record({ kind: fc.constant("siteRefuse" as const), reason: fc.constantFrom("", "学生姓名有误") }),
  fc.record({ kind: fc.constant("issue" as const), mode: fc.constantFrom("PAPER" as const, "ELECTRONIC" as const) }),
  fc.constant({ kind: "generated" as const }),
  fc.record({ kind: fc.constant("sealFailed" as const), cause: fc.constantFrom("", "签名章图片缺失") }),
  fc.constant({ kind: "reissue" as const }),
);

describe("issuance state machine", () => {
  it("no path reaches 完成发放 without both signatures; signatures are never undone", () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 40 }), (actions) => {
        let s: IssuanceStatus = "ORG_PENDING";
        let org = false;
        let site = false;
        for (const a of actions) {
          const r = transition(s, a);
          if ("problem" in r) continue;
          if (a.kind === "orgSign") org = true;
          if (a.kind === "siteSign") site = true;
          s = r.to;
          if (SIGNED_BY_BOTH.includes(s)) expect(org && site).toBe(true);
          if (SIGNED_BY_ORG.includes(s)) expect(org).toBe(true);
          // Once signed, no state asks that side to sign again.
          if (org) expect(["ORG_PENDING", "ORG_REFUSED"]).not.toContain(s);
          if (site) expect(["ORG_PENDING", "ORG_REFUSED", "SITE_PENDING", "SITE_REFUSED"]).not.toContain(s);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("a refused record only re-signs; a refusal needs a reason", () => {
    for (const a of [
      { kind: "orgRefuse", reason: "x" },
      { kind: "siteSign" },
      { kind: "siteRefuse", reason: "x" },
      { kind: "issue", mode: "PAPER" },
      { kind: "reissue" },
      { kind: "generated" },
    ] as IssuanceAction[])
      expect(transition("ORG_REFUSED", a)).toHaveProperty("problem");
    expect(transition("ORG_REFUSED", { kind: "orgSign" })).toEqual({ to: "SITE_PENDING" });
    for (const a of [{ kind: "siteRefuse", reason: "x" }, { kind: "orgSign" }, { kind: "issue", mode: "PAPER" }] as IssuanceAction[])
      expect(transition("SITE_REFUSED", a)).toHaveProperty("problem");
    expect(transition("SITE_REFUSED", { kind: "siteSign" })).toEqual({ to: "AWAITING_ISSUE" });
    expect(transition("ORG_PENDING", { kind: "orgRefuse", reason: "  " })).toEqual({ problem: "请填写拒绝签发理由" });
    expect(transition("SITE_PENDING", { kind: "siteRefuse", reason: "字".repeat(201) })).toEqual({ problem: "拒绝签发理由不超过 200 个字" });
    expect(transition("ISSUED", { kind: "orgSign" })).toEqual({ problem: "完成发放的记录不能签发" });
  });

  it("issuing runs through 证书生成中; 盖章失败 and 完成发放 return to 证书待发放 on 重新发放", () => {
    expect(transition("AWAITING_ISSUE", { kind: "issue", mode: "ELECTRONIC" })).toEqual({ to: "GENERATING" });
    expect(transition("GENERATING", { kind: "generated" })).toEqual({ to: "ISSUED" });
    expect(transition("GENERATING", { kind: "sealFailed", cause: "签名章图片缺失" })).toEqual({ to: "SEAL_FAILED" });
    expect(transition("SEAL_FAILED", { kind: "reissue" })).toEqual({ to: "AWAITING_ISSUE" });
    expect(transition("ISSUED", { kind: "reissue" })).toEqual({ to: "AWAITING_ISSUE" });
    // Every state has a way out except none: the machine never strands a record.
    for (const s of ISSUANCE_STATUSES)
      expect(
        (["orgSign", "siteSign", "issue", "generated", "reissue"] as const).some((k) => "to" in transition(s, { kind: k, mode: "PAPER" } as IssuanceAction)),
      ).toBe(true);
  });
});
