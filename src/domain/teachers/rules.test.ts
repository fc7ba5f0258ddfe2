import { describe, expect, it } from "vitest";
import { cleanTeacher } from "./rules";
import { withIdCheck } from "@/domain/identifiers/id-number";

const today = new Date("2026-11-22T02:00:00Z");
const id = withIdCheck("11010819850301228"); // 17th digit 8: a woman
const row = {
  name: "王 丽华",
  gender: "",
  idType: "居民身份证",
  idNumber: ` ${id.toLowerCase()} `,
  phone: "13600000011",
  title: "讲师",
  department: "信息工程学院",
  fullTime: "是",
  majorCodes: "510201、510203，510201",
};

describe("teacher rows", () => {
  it("cleans a row as the candidate rules do, reads 专任 and the major codes", () => {
    const r = cleanTeacher(row, today);
    expect(r).toEqual({
      ok: true,
      value: {
        name: "王丽华",
        gender: "FEMALE",
        idType: "RESIDENT_ID",
        idNumber: id,
        phone: "13600000011",
        title: "讲师",
        department: "信息工程学院",
        fullTime: true,
        majorCodes: ["510201", "510203"],
      },
    });
    expect(cleanTeacher({ ...row, fullTime: "兼职" }, today)).toMatchObject({ ok: true, value: { fullTime: false } });
    expect(cleanTeacher({ ...row, fullTime: "" }, today)).toMatchObject({ ok: true, value: { fullTime: true } });
    expect(cleanTeacher({ ...row, fullTime: false }, today)).toMatchObject({ ok: true, value: { fullTime: false } });
  });
  it("names the first problem", () => {
    expect(cleanTeacher({ ...row, gender: "男" }, today)).toEqual({ ok: false, error: "性别与身份证号码不符" });
    expect(cleanTeacher({ ...row, phone: "" }, today)).toEqual({ ok: false, error: "请填写手机号" });
    expect(cleanTeacher({ ...row, fullTime: "也许" }, today)).toMatchObject({ ok: false, error: expect.stringContaining("是否专任教师") });
    expect(cleanTeacher({ ...row, majorCodes: "51020" }, today)).toMatchObject({ ok: false, error: expect.stringContaining("6 位数字") });
    expect(cleanTeacher({ ...row, title: "一".repeat(21) }, today)).toMatchObject({ ok: false, error: expect.stringContaining("职称") });
  });
});
