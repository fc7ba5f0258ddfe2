// 监考人员 / 考评人员 (002 §5.2.11, notice 003): a school puts its teachers forward for some certificates; each
// certificate's org certifies or rejects per certificate. A certified certificate cannot be removed, and an
// invigilator holding one cannot be deleted. Saving again submits a rejected certificate anew.
import { z } from "zod";

export type InvigilatorStatus = "PENDING" | "CERTIFIED" | "REJECTED";
export const INVIGILATOR_STATUS_LABELS: Record<InvigilatorStatus, string> = { PENDING: "待认证", CERTIFIED: "已认证", REJECTED: "认证未通过" };

export const canRemoveCertificate = (s: InvigilatorStatus) => s !== "CERTIFIED";
export const canDeleteInvigilator = (certs: { status: InvigilatorStatus }[]) => certs.every((c) => canRemoveCertificate(c.status));
export const canDecide = (s: InvigilatorStatus) => s === "PENDING";

export type CertificatePlan = { add: string[]; remove: string[]; resubmit: string[] };

/** What saving the wanted certificates does to the current ones, or why it may not. */
export function certificateChanges(
  current: { certificateId: string; status: InvigilatorStatus; name: string }[],
  wanted: string[],
): { ok: true; plan: CertificatePlan } | { ok: false; error: string } {
  const want = new Set(wanted);
  if (want.size === 0) return { ok: false, error: "请至少选择一个监考证书" };
  const locked = current.find((c) => !want.has(c.certificateId) && !canRemoveCertificate(c.status));
  if (locked) return { ok: false, error: `${locked.name}已认证，不能删除` };
  return {
    ok: true,
    plan: {
      add: [...want].filter((id) => !current.some((c) => c.certificateId === id)),
      remove: current.filter((c) => !want.has(c.certificateId)).map((c) => c.certificateId),
      resubmit: current.filter((c) => want.has(c.certificateId) && c.status === "REJECTED").map((c) => c.certificateId),
    },
  };
}

export const invigilatorInputSchema = z.strictObject({
  id: z.uuid().optional(),
  teacherId: z.uuid("请选择教师"),
  certificateIds: z.array(z.uuid()).max(20, "监考证书最多 20 个"),
});
export type InvigilatorInput = z.infer<typeof invigilatorInputSchema>;

export const certificationDecisionSchema = z.strictObject({
  ids: z.array(z.uuid()).min(1, "请先勾选待认证的记录").max(200),
  approve: z.boolean(),
  reason: z.string().trim().max(500, "不通过原因不能超过 500 字").optional(),
});
