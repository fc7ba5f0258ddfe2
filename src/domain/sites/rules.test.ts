import { describe, expect, it } from "vitest";
import { canDeleteSite, canEditSite, canReviewSite, canToggleSite, canWithdrawSite, siteName, siteProblem, siteUsable, type SiteReviewStatus } from "./rules";

const ALL: SiteReviewStatus[] = ["DRAFT", "SUBMITTED", "APPROVED", "RETURNED"];
const ok = {
  certificateLevelIds: ["a"],
  regionCode: "110108",
  address: "学院路 30 号",
  contactName: "李老师",
  contactPhone: "13912345678",
  contactEmail: "li@example.edu.cn",
  intro: "机房",
};

describe("assessment site rules", () => {
  it("edit/delete in 未提交 and 审核退回, withdraw and review only 待审核, toggle only 审核通过", () => {
    expect(ALL.filter(canEditSite)).toEqual(["DRAFT", "RETURNED"]);
    expect(ALL.filter(canDeleteSite)).toEqual(["DRAFT", "RETURNED"]);
    expect(ALL.filter(canWithdrawSite)).toEqual(["SUBMITTED"]);
    expect(ALL.filter(canReviewSite)).toEqual(["SUBMITTED"]);
    expect(ALL.filter(canToggleSite)).toEqual(["APPROVED"]);
    expect(siteUsable({ reviewStatus: "APPROVED", status: "ENABLED" })).toBe(true);
    expect(siteUsable({ reviewStatus: "APPROVED", status: "DISABLED" })).toBe(false);
    expect(siteUsable({ reviewStatus: "SUBMITTED", status: "ENABLED" })).toBe(false);
  });

  it("names a site school + certificate + levels (in level order, grouped by certificate) + 考核站点", () => {
    expect(
      siteName("北京科技大学", [
        { certificateName: "网店运营推广职业技能等级证书", level: "SENIOR" },
        { certificateName: "网店运营推广职业技能等级证书", level: "JUNIOR" },
        { certificateName: "网店运营推广职业技能等级证书", level: "INTERMEDIATE" },
      ]),
    ).toBe("北京科技大学网店运营推广职业技能等级证书（初级、中级、高级）考核站点");
    expect(
      siteName("北方工业大学", [
        { certificateName: "A证书", level: "JUNIOR" },
        { certificateName: "B证书", level: "SENIOR" },
      ]),
    ).toBe("北方工业大学A证书（初级）B证书（高级）考核站点");
  });

  it("checks the form in order: levels, region, address to the house number, contact, intro", () => {
    expect(siteProblem(ok)).toBeNull();
    expect(siteProblem({ ...ok, certificateLevelIds: [] })).toContain("至少添加一个");
    expect(siteProblem({ ...ok, certificateLevelIds: ["a", "a"] })).toContain("重复");
    expect(siteProblem({ ...ok, regionCode: "110100" })).toContain("区县");
    expect(siteProblem({ ...ok, address: "学院路" })).toContain("门牌号");
    expect(siteProblem({ ...ok, contactName: " " })).toContain("联系人姓名");
    expect(siteProblem({ ...ok, contactPhone: "1391234567" })).toContain("手机号");
    expect(siteProblem({ ...ok, contactEmail: "li@" })).toContain("邮箱");
    expect(siteProblem({ ...ok, intro: "" })).toContain("考点简介");
  });
});
