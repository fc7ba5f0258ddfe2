import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  certificateNumber,
  certificateWording,
  checkDigit,
  englishName,
  idCommitment,
  isCertificateNumber,
  issuedLeaf,
  numberPrefix,
  revocationProblem,
  sealProblem,
} from "./certificate";

describe("证书编号", () => {
  it("has the 23-digit shape of the manuals' sample and carries the org, year and level", () => {
    const n = certificateNumber(numberPrefix("125", 2026, "60000001"), 45);
    expect(n).toMatch(/^\d{23}$/);
    expect(n.startsWith("1252660000001000000045")).toBe(true);
    expect(isCertificateNumber(n)).toBe(true);
  });

  it("catches every single-digit change and every swap of neighbouring digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999 }), fc.integer({ min: 0, max: 22 }), fc.integer({ min: 1, max: 9 }), (serial, at, delta) => {
        const n = certificateNumber(numberPrefix("7", 2031, "30000003"), serial);
        const changed = n.slice(0, at) + String((Number(n[at]) + delta) % 10) + n.slice(at + 1);
        expect(isCertificateNumber(changed)).toBe(false);
        if (at < 22 && n[at] !== n[at + 1]) expect(isCertificateNumber(n.slice(0, at) + n[at + 1] + n[at] + n.slice(at + 2))).toBe(false);
      }),
    );
  });

  it("refuses prefixes and serials that would not fit", () => {
    expect(numberPrefix("e447734", 2026, "60000001")).toBe("7342660000001");
    expect(numberPrefix("org", 2026, "60000001")).toBe("0002660000001");
    expect(() => numberPrefix("125", 2026, "6000001")).toThrow();
    expect(() => certificateNumber("1252660000001", 0)).toThrow();
    expect(() => certificateNumber("1252660000001", 1_000_000_000)).toThrow();
    expect(checkDigit("0")).toMatch(/^\d$/);
    // Damm's published example: 572 → 4.
    expect(checkDigit("572")).toBe("4");
  });
});

describe("证书文字 (004's sample)", () => {
  it("reads as the sample, in Chinese and in English", () => {
    const w = certificateWording({
      name: "王小二",
      pinyin: "wang xiao er",
      examYear: 2020,
      examMonth: 10,
      certificateName: "老年照护职业技能等级证书",
      englishName: "Elderly Care Vocational Skill Level Certificate",
      level: "JUNIOR",
    });
    expect(w.zh).toBe("2020年10月参加老年照护职业技能等级水平考核，成绩合格，核发老年照护职业技能等级证书（初级）。学习成果已经职业教育国家学分银行认定。");
    expect(w.en).toBe(
      "This is to certify that WANG Xiaoer has passed the assessment in October 2020 and is qualified for the Primary Level of Elderly Care. " +
        "The learning outcomes are recognized by the National Credit Bank for Vocational Education.",
    );
  });

  it("falls back to the Chinese names when there is no English or pinyin", () => {
    const w = certificateWording({
      name: "李四",
      pinyin: "",
      examYear: 2026,
      examMonth: 6,
      certificateName: "网店运营推广",
      englishName: null,
      level: "SENIOR",
    });
    expect(w.en).toContain("that 李四 has passed the assessment in June 2026");
    expect(w.en).toContain("Advanced Level of 网店运营推广.");
    expect(englishName("ou yang xiu")).toBe("OU Yangxiu");
  });
});

describe("the ledger leaf", () => {
  const base = {
    certificateNumber: "12526600000010000000459",
    name: "王小二",
    idNumber: "11010820050301123x",
    idSalt: "00112233445566778899aabbccddeeff",
    levelCode: "60000001",
    certificateName: "老年照护职业技能等级证书",
    level: "JUNIOR" as const,
    orgCode: "125",
    orgName: "达内教育",
    issuedAt: new Date("2026-11-30T17:00:00Z"),
    mode: "ELECTRONIC" as const,
    pdf: new Uint8Array([1, 2, 3]),
  };

  it("holds a masked name and a salted commitment, never the ID number or the full name", () => {
    const leaf = issuedLeaf(base);
    const text = JSON.stringify(leaf);
    expect(text).not.toContain("110108");
    expect(text).not.toContain("王小二");
    expect(leaf.holder).toEqual({ name: "王**", idCommitment: idCommitment(base.idSalt, "11010820050301123X") });
    expect(leaf.issuedOn).toBe("2026-12-01"); // Beijing date
    expect(idCommitment("other-salt", base.idNumber)).not.toBe(leaf.holder.idCommitment);
  });
});

describe("rules", () => {
  it("revokes only an issued, unrevoked certificate, with a reason", () => {
    expect(revocationProblem({ status: "AWAITING_ISSUE", revokedAt: null }, "x")).toBe("只有完成发放的证书可以撤销");
    expect(revocationProblem({ status: "ISSUED", revokedAt: new Date() }, "x")).toBe("该证书已撤销");
    expect(revocationProblem({ status: "ISSUED", revokedAt: null }, "  ")).toBe("请填写撤销理由");
    expect(revocationProblem({ status: "ISSUED", revokedAt: null }, "考生成绩作弊")).toBeNull();
  });

  it("names the missing seal, signature or photo; paper needs no seal", () => {
    expect(sealProblem("ELECTRONIC", { seal: false, signature: true, photo: true })).toContain("电子公章");
    expect(sealProblem("PAPER", { seal: false, signature: true, photo: true })).toBeNull();
    expect(sealProblem("PAPER", { seal: true, signature: false, photo: true })).toContain("电子签章");
    expect(sealProblem("ELECTRONIC", { seal: true, signature: true, photo: false })).toContain("照片");
  });
});
