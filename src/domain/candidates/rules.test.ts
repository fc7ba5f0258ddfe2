import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cleanIdNumber, fromIdNumber, idNumberProblem, nameProblem } from "./identity";
import { maskIdNumber } from "@/domain/auth/mask";
import { candidateNumber, canDeleteCandidate, cleanCandidate, lockedChanges, majorLevelOf, pinyinDisplay, statusAfterEdit } from "./rules";
import { withIdCheck } from "@/domain/identifiers/id-number";

const today = new Date("2026-11-22T00:00:00Z");
const id = withIdCheck("11010820050301123"); // 110108200503011237

describe("candidate identity", () => {
  it("居民身份证: region, birth date and GB 11643 check digit; X upper-cased by cleaning", () => {
    expect(idNumberProblem("RESIDENT_ID", id, today)).toBeNull();
    expect(idNumberProblem("RESIDENT_ID", id.slice(0, 17) + "0", today)).toMatch(/校验位/);
    expect(idNumberProblem("RESIDENT_ID", withIdCheck("99010820050301123"), today)).toMatch(/地区码/);
    expect(idNumberProblem("RESIDENT_ID", withIdCheck("11010820050231123"), today)).toMatch(/出生日期/);
    expect(idNumberProblem("RESIDENT_ID", withIdCheck("11010820300101123"), today)).toMatch(/出生日期/);
    expect(idNumberProblem("RESIDENT_ID", "1101082005", today)).toMatch(/18 位/);
    const x = withIdCheck("11010519491231002"); // ends in X
    expect(x.endsWith("X")).toBe(true);
    expect(cleanIdNumber(` ${x.slice(0, 10)}\t${x.slice(10, 17)}x\n`)).toBe(x);
    expect(fromIdNumber("RESIDENT_ID", id)).toEqual({ birth: "2005-03-01", gender: "MALE" });
    expect(maskIdNumber(id)).toBe("110****1237"); // as 004 shows it: 622****0003
  });
  it("other ID types have their own shapes", () => {
    expect(idNumberProblem("HK_MACAO_PERMIT", "H12345678", today)).toBeNull();
    expect(idNumberProblem("HK_MACAO_PERMIT", "X12345678", today)).toMatch(/H 或 M/);
    expect(idNumberProblem("TAIWAN_PERMIT", "12345678", today)).toBeNull();
    expect(idNumberProblem("PASSPORT", "E12345678", today)).toBeNull();
    expect(idNumberProblem("PASSPORT", "E1", today)).toMatch(/5–17/);
    expect(idNumberProblem("HMT_RESIDENCE", withIdCheck("81000020000101123"), today)).toBeNull();
    expect(idNumberProblem("HMT_RESIDENCE", id, today)).toMatch(/810000/);
  });
  it("names: Chinese (with ·) or foreign", () => {
    expect(nameProblem("封元庆")).toBeNull();
    expect(nameProblem("阿依古丽·买买提")).toBeNull();
    expect(nameProblem("John O'Neil-Smith")).toBeNull();
    expect(nameProblem("王")).toMatch(/2–30/);
    expect(nameProblem("王1")).toMatch(/中文姓名或外文姓名/);
    expect(nameProblem("")).toMatch(/请填写/);
  });
});

describe("candidate rules", () => {
  it("locks name, ID and photo once verified; photo moves 无照片 ↔ 信息待认证", () => {
    expect(lockedChanges("VERIFIED", { name: "甲", phone: "1" }, { name: "乙", phone: "2" })).toEqual(["name"]);
    expect(lockedChanges("NEEDS_REVIEW", { name: "甲" }, { name: "乙" })).toEqual([]);
    expect(statusAfterEdit("NO_PHOTO", true)).toBe("PENDING_VERIFICATION");
    expect(statusAfterEdit("NEEDS_REVIEW", true)).toBe("PENDING_VERIFICATION");
    expect(statusAfterEdit("VERIFIED", false)).toBe("VERIFIED");
    expect(canDeleteCandidate(0)).toBe(true);
    expect(canDeleteCandidate(1)).toBe(false);
  });
  it("cleans a row like the form does and says what is wrong", () => {
    const row = {
      type: "院校考生",
      name: " 封元庆\n",
      idType: "居民身份证",
      idNumber: id.toLowerCase(),
      gender: "男",
      phone: "13600000001",
      enrolYear: "2023",
      majorCode: "510201",
    };
    const r = cleanCandidate(row, today);
    expect(r).toMatchObject({ ok: true, value: { name: "封元庆", idNumber: id, gender: "MALE", enrolYear: 2023 } });
    expect(cleanCandidate({ ...row, gender: "女" }, today)).toMatchObject({ ok: false, error: "性别与身份证号码不符" });
    expect(cleanCandidate({ ...row, type: "学生" }, today)).toMatchObject({ ok: false });
    expect(cleanCandidate({ ...row, majorCode: "" }, today)).toMatchObject({ ok: false, error: /所学专业/ });
    expect(cleanCandidate({ ...row, type: "社会考生", phone: "", majorCode: "" }, today)).toMatchObject({ ok: false, error: /手机号/ });
  });
  it("any text around a valid ID number (spaces, tabs, line breaks, lower x) cleans to the same number", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(" ", "\t", "\n", "\r", "\u3000"), { maxLength: 6 }), fc.nat(17), (junk, at) => {
        const x = withIdCheck("11010519491231002");
        const dirty = (x.slice(0, at) + junk.join("") + x.slice(at)).toLowerCase();
        return cleanIdNumber(dirty) === x && idNumberProblem("RESIDENT_ID", cleanIdNumber(dirty), today) === null;
      }),
    );
  });
  it("candidate numbers have the manual's 26-digit shape", () => {
    const n = candidateNumber("RESIDENT_ID", id, new Date("2026-11-22T02:00:00Z"), "123456");
    expect(n).toMatch(/^\d{26}$/);
    expect(n.startsWith("1101082026")).toBe(true);
    expect(candidateNumber("PASSPORT", "E1234567", new Date("2026-11-22T02:00:00Z"), "000001").startsWith("0000002026")).toBe(true);
  });
});

describe("what offices write", () => {
  it("专业层次 in its usual short forms", () => {
    expect(["专科", "大专", "高职", "高职专科", "高职（专科）", "HIGHER_VOCATIONAL"].map(majorLevelOf)).toEqual(Array(6).fill("HIGHER_VOCATIONAL"));
    expect(["中职", "中专", "中等职业教育"].map(majorLevelOf)).toEqual(["SECONDARY", "SECONDARY", "SECONDARY"]);
    expect(["职业本科", "本科（职业）", "职教本科"].map(majorLevelOf)).toEqual(Array(3).fill("VOCATIONAL_BACHELOR"));
    expect(["本科", "普通本科"].map(majorLevelOf)).toEqual(["BACHELOR", "BACHELOR"]);
    expect(majorLevelOf("")).toBeNull();
    expect(majorLevelOf("研究生")).toBeUndefined();
  });
  it("the pinyin as 004 lists it: 王玉霞 (Wang Yuxia)", () => {
    expect(pinyinDisplay("wang yu xia")).toBe("Wang Yuxia");
    expect(pinyinDisplay("li wei")).toBe("Li Wei");
    expect(pinyinDisplay("")).toBe("");
  });
  it("every candidate has a mobile number (004 marks 手机号码 required)", () => {
    const row = {
      type: "院校考生",
      name: "王小明",
      gender: "男",
      idType: "居民身份证",
      idNumber: withIdCheck("11010820050301123"),
      enrolYear: "2024",
      majorCode: "510201",
    };
    expect(cleanCandidate({ ...row, phone: "" }, today)).toEqual({ ok: false, error: "请填写手机号" });
    expect(cleanCandidate({ ...row, phone: "13600000001" }, today).ok).toBe(true);
  });
});
