// 缴费管理 (002 §5.2.7, 001 §3.1.2.8): money in fen (分) as integers, the org's 收费标准 per level (按证书) or per
// subject (按科目), an order's lines and total from the counts, its number, and what its state allows.
import type { ExamRegistrationMode, PaymentOrderStatus } from "@/generated/prisma/enums";

export const PAYMENT_ORDER_STATUS_LABELS: Record<PaymentOrderStatus, string> = { UNCONFIRMED: "未确认", CONFIRMED: "已确认" };
/** The largest fee standard the platform takes: 10 万元. */
export const MAX_FEE_FEN = 10_000_000;

/** 1234.5 元 → "1,234.50"; money is shown in yuan with two decimals. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const int = Math.floor(abs / 100).toLocaleString("en-US");
  return `${sign}${int}.${String(abs % 100).padStart(2, "0")}`;
}

/** A fee typed in yuan ("380", "380.5", "380.50") as fen, or the Chinese reason it is not one. */
export function parseYuan(raw: string): { ok: true; fen: number } | { ok: false; error: string } {
  const v = raw
    .trim()
    .replace(/[,，\s]/g, "")
    .replace(/元$/, "");
  if (!v) return { ok: false, error: "请填写收费标准" };
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(v)) return { ok: false, error: "收费标准应为金额（元），最多两位小数" };
  const [int, dec = ""] = v.split(".");
  const fen = Number(int) * 100 + Number(dec.padEnd(2, "0"));
  if (fen > MAX_FEE_FEN) return { ok: false, error: "收费标准不能超过 100,000 元" };
  return { ok: true, fen };
}

export type FeeLineInput = { label: string; subjectId: string | null; quantity: number; unitFee: number | null };
export type OrderLine = { seq: number; label: string; subjectId: string | null; quantity: number; unitFee: number; amount: number };

/**
 * The order's lines (one for the level 按证书, one per subject 按科目) and total, or the first line whose fee
 * standard the org has not set.
 */
export function orderLines(lines: FeeLineInput[]): { ok: true; lines: OrderLine[]; quantity: number; total: number } | { ok: false; error: string } {
  const out: OrderLine[] = [];
  for (const l of lines.filter((x) => x.quantity > 0)) {
    if (l.unitFee == null) return { ok: false, error: `培训评价组织尚未设置「${l.label}」的收费标准，暂不能生成缴费申请单` };
    out.push({ seq: out.length + 1, label: l.label, subjectId: l.subjectId, quantity: l.quantity, unitFee: l.unitFee, amount: l.unitFee * l.quantity });
  }
  if (out.length === 0) return { ok: false, error: "没有可生成缴费申请单的报考信息（已在其他缴费申请单中或已缴费的不再计入）" };
  return { ok: true, lines: out, quantity: out.reduce((a, l) => a + l.quantity, 0), total: out.reduce((a, l) => a + l.amount, 0) };
}

/** 缴费单号: JF + the day in Beijing (yyyymmdd) + 6 digits from a sequence. */
export function orderNumber(at: Date, seq: number): string {
  const day = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, "");
  return `JF${day}${String(seq % 1_000_000).padStart(6, "0")}`;
}

/** 生成缴费申请单: the plan in its 报考 window and registered in this mode (the manual's 注意). */
export function orderCreateProblem(
  plan: { registrationStartsAt: Date; registrationEndsAt: Date; registrationMode: ExamRegistrationMode },
  mode: ExamRegistrationMode,
  now: Date,
): string | null {
  if (now < plan.registrationStartsAt || now >= plan.registrationEndsAt) return "考试计划不在报考时间内，不能生成缴费申请单";
  if (plan.registrationMode !== mode)
    return mode === "BY_CERTIFICATE" ? "该考试计划为按科目报考，请按科目报考生成缴费申请单" : "该考试计划为按证书报考，请按证书报考生成缴费申请单";
  return null;
}

/** A confirmed order is never changed or deleted (the database refuses as well). */
export const canDeleteOrder = (status: PaymentOrderStatus) => status === "UNCONFIRMED";
