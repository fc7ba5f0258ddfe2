// What each upload may be: extensions, magic bytes, size caps. Checked before anything is stored.
export type UploadPurpose =
  | "SCHOOL_LOGO"
  | "SIGNATURE"
  | "ORG_SEAL"
  | "STANDARD_ATTACHMENT"
  | "CERTIFICATE_SAMPLE"
  | "ANNOUNCEMENT_ATTACHMENT"
  | "APPLICATION_EVIDENCE"
  | "WEEKLY_REPORT_SCAN"
  | "REPORT_OUTLINE"
  | "CANDIDATE_PHOTO"
  | "SITE_EVIDENCE";
export type Kind = "png" | "jpg" | "pdf" | "docx" | "doc";

export const UPLOAD_RULES: Record<UploadPurpose, { kinds: Kind[]; maxBytes: number; label: string }> = {
  SCHOOL_LOGO: { kinds: ["png", "jpg"], maxBytes: 2 * 1024 * 1024, label: "院校 Logo（jpg/png）" },
  SIGNATURE: { kinds: ["png"], maxBytes: 1024 * 1024, label: "电子签章（透明底色 PNG，不超过 1M）" },
  ORG_SEAL: { kinds: ["png"], maxBytes: 1024 * 1024, label: "电子公章（透明底色 PNG，不超过 1M）" },
  STANDARD_ATTACHMENT: { kinds: ["pdf"], maxBytes: 20 * 1024 * 1024, label: "标准附件（PDF）" },
  CERTIFICATE_SAMPLE: { kinds: ["pdf"], maxBytes: 20 * 1024 * 1024, label: "证书样本（PDF）" },
  ANNOUNCEMENT_ATTACHMENT: { kinds: ["pdf", "docx", "doc"], maxBytes: 20 * 1024 * 1024, label: "附件（PDF/Word）" },
  APPLICATION_EVIDENCE: { kinds: ["pdf", "docx", "doc"], maxBytes: 20 * 1024 * 1024, label: "佐证材料（PDF/Word）" },
  CANDIDATE_PHOTO: { kinds: ["jpg", "png"], maxBytes: 5 * 1024 * 1024, label: "考生照片（jpg/png，295×413 像素，红底，不超过 5M）" },
  WEEKLY_REPORT_SCAN: { kinds: ["pdf", "jpg", "png"], maxBytes: 20 * 1024 * 1024, label: "签字盖章扫描件（PDF/JPG/PNG）" },
  SITE_EVIDENCE: { kinds: ["pdf", "docx", "doc", "jpg", "png"], maxBytes: 20 * 1024 * 1024, label: "其他佐证材料（PDF/Word/图片，不超过 20M）" },
  REPORT_OUTLINE: { kinds: ["pdf", "docx", "doc"], maxBytes: 10 * 1024 * 1024, label: "周报提纲（PDF/Word，不超过 10M）" },
};

export const CONTENT_TYPES: Record<Kind, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  doc: "application/msword",
};

/** The kind the bytes really are (magic bytes), whatever the name says. */
export function sniff(head: Uint8Array): Kind | null {
  const b = (i: number) => head[i];
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return "png";
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return "jpg";
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46) return "pdf";
  if (b(0) === 0x50 && b(1) === 0x4b && b(2) === 0x03 && b(3) === 0x04) return "docx";
  if (b(0) === 0xd0 && b(1) === 0xcf && b(2) === 0x11 && b(3) === 0xe0) return "doc";
  return null;
}

export function extensionKind(filename: string): Kind | null {
  const ext = filename.toLowerCase().split(".").pop();
  if (ext === "jpeg" || ext === "jpg") return "jpg";
  return (["png", "pdf", "docx", "doc"] as const).find((k) => k === ext) ?? null;
}

/** A refusal reason in Chinese, or null when the file may be stored. */
export function checkUpload(purpose: UploadPurpose, filename: string, size: number, head: Uint8Array): string | null {
  const rule = UPLOAD_RULES[purpose];
  const byName = extensionKind(filename);
  if (!byName || !rule.kinds.includes(byName)) return `文件格式不正确，请上传${rule.label}`;
  if (size === 0) return "文件为空";
  if (size > rule.maxBytes) return `文件过大，${rule.label}不能超过 ${Math.round(rule.maxBytes / 1024 / 1024)}M`;
  const real = sniff(head);
  const same = real === byName || (real === "docx" && byName === "docx");
  if (!same) return `文件内容与扩展名不符，请上传${rule.label}`;
  return null;
}

/** Signature image rule (manual 001 §4.1.1.1): a square PNG of about 95×95 with a transparent background. */
export function checkSignatureImage(meta: { format?: string; width?: number; height?: number; hasAlpha?: boolean }, transparentRatio: number): string | null {
  if (meta.format !== "png") return "签章图片须为 PNG 格式";
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (w < 80 || w > 120 || h < 80 || h > 120 || Math.abs(w - h) > 10) return `签章图片尺寸应约为 95×95 像素（当前 ${w}×${h}）`;
  if (!meta.hasAlpha || transparentRatio < 0.2) return "签章图片须为无底色（透明背景）的 PNG";
  return null;
}

/** 电子公章: a round seal as a square transparent PNG, large enough to print sharply (at least 200×200). */
export function checkSealImage(meta: { format?: string; width?: number; height?: number; hasAlpha?: boolean }, transparentRatio: number): string | null {
  if (meta.format !== "png") return "电子公章须为 PNG 格式";
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (w < 200 || h < 200 || w > 2000 || h > 2000 || Math.abs(w - h) > Math.max(w, h) * 0.05)
    return `电子公章应为 200×200 至 2000×2000 像素的正方形图片（当前 ${w}×${h}）`;
  if (!meta.hasAlpha || transparentRatio < 0.2) return "电子公章须为无底色（透明背景）的 PNG";
  return null;
}
