/** 138****1234 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : "****";
}

/** 622****0003, as 004 shows it (ID numbers are masked in every API response, not only in the UI). */
export function maskIdNumber(id: string): string;
export function maskIdNumber(id: string | null | undefined): string | null;
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  return id.length >= 8 ? `${id.slice(0, 3)}****${id.slice(-4)}` : "****";
}

export const PHONE_RE = /^1[3-9]\d{9}$/;
