// 考核站点 (002 §5.2.4): a school applies to one org for some of its certificate levels; the org reviews it.
// 未提交 → (提交) 待审核 → 审核通过 | 审核退回; 撤销 takes a 待审核 one back to 未提交 before the org decides.
// Editing and deleting only in 未提交 / 审核退回. An approved site is 已启用 and the org may stop it.
import { z } from "zod";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { PHONE } from "@/domain/candidates/identity";

export type SiteReviewStatus = "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";
export type SiteStatus = "INACTIVE" | "ENABLED" | "DISABLED";
export const SITE_REVIEW_LABELS: Record<SiteReviewStatus, string> = { DRAFT: "未提交", SUBMITTED: "待审核", APPROVED: "审核通过", RETURNED: "审核退回" };
export const SITE_STATUS_LABELS: Record<SiteStatus, string> = { INACTIVE: "未启用", ENABLED: "已启用", DISABLED: "已停用" };

export const canEditSite = (s: SiteReviewStatus) => s === "DRAFT" || s === "RETURNED";
export const canDeleteSite = canEditSite;
export const canWithdrawSite = (s: SiteReviewStatus) => s === "SUBMITTED";
export const canReviewSite = (s: SiteReviewStatus) => s === "SUBMITTED";
/** Only an approved site is switched on and off by its org. */
export const canToggleSite = (s: SiteReviewStatus) => s === "APPROVED";
/** A site takes exams (rooms, allocations) while approved and enabled. */
export const siteUsable = (s: { reviewStatus: SiteReviewStatus; status: SiteStatus }) => s.reviewStatus === "APPROVED" && s.status === "ENABLED";

type Level = { certificateName: string; level: keyof typeof LEVEL_LABELS };

/**
 * The generated name (002 §5.2.4.1: 学校名称 + 证书名称 + 证书等级): levels grouped by certificate, in the order
 * 初级、中级、高级 — 「北京科技大学网店运营推广职业技能等级证书（初级、中级）考核站点」.
 */
export function siteName(schoolName: string, levels: Level[]): string {
  const order = Object.keys(LEVEL_LABELS) as (keyof typeof LEVEL_LABELS)[];
  const byCert = new Map<string, Set<keyof typeof LEVEL_LABELS>>();
  for (const l of levels) byCert.set(l.certificateName, (byCert.get(l.certificateName) ?? new Set()).add(l.level));
  const parts = [...byCert].map(
    ([name, set]) =>
      `${name}（${order
        .filter((o) => set.has(o))
        .map((o) => LEVEL_LABELS[o])
        .join("、")}）`,
  );
  return `${schoolName}${parts.join("")}考核站点`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 字`);

/** The 申报考核站点 form, shared by the form and the procedure. */
export const siteInputSchema = z.strictObject({
  id: z.uuid().optional(),
  orgId: z.uuid("请选择申报对象"),
  certificateLevelIds: z.array(z.uuid()).max(30, "一次申报的证书等级过多"),
  regionCode: z.string().trim().max(6),
  address: text(200),
  contactName: text(30),
  contactPhone: text(20),
  contactEmail: text(100),
  intro: text(2000),
  evidenceFileId: z.uuid().nullish(),
  submit: z.boolean(),
});
export type SiteInput = z.infer<typeof siteInputSchema>;

/** What is missing or wrong in a site application, in the form's order (null: fine). */
export function siteProblem(i: Omit<SiteInput, "orgId" | "submit">): string | null {
  if (i.certificateLevelIds.length === 0) return "请至少添加一个考试证书等级";
  if (new Set(i.certificateLevelIds).size !== i.certificateLevelIds.length) return "考试证书等级重复";
  if (!/^\d{6}$/.test(i.regionCode) || i.regionCode.endsWith("00")) return "请选择考核站点所在的省、市、区县";
  // 001 §3.1.2.6: 尽量精确到门牌号, so candidates find the place from the admission ticket.
  if (!i.address.trim()) return "请填写详细地址";
  if (!/\d/.test(i.address)) return "详细地址请精确到门牌号（如：学院路 30 号）";
  if (!i.contactName.trim()) return "请填写联系人姓名";
  if (!PHONE.test(i.contactPhone.trim())) return "联系人手机号格式不正确";
  if (!EMAIL.test(i.contactEmail.trim())) return "联系人邮箱格式不正确";
  if (!i.intro.trim()) return "请填写考点简介";
  return null;
}

export const siteReturnSchema = z.strictObject({
  id: z.uuid("考核站点不存在"),
  reason: z.string().trim().min(1, "请填写退回原因").max(500, "退回原因不能超过 500 字"),
});
