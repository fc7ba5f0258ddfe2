// 居民身份证号码 (GB 11643-1999): 17 digits and a check digit (0-9 or X).
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const C = "10X98765432";

export function idCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  const sum = W.reduce((s, w, i) => s + w * Number(first17[i]), 0);
  return C[sum % 11];
}

export function normalizeIdNumber(raw: string): string {
  return raw.replace(/[\s\t\r\n]/g, "").toUpperCase();
}

export function isValidIdNumber(raw: string): boolean {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10)),
    m = Number(id.slice(10, 12)),
    d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) return false;
  return idCheckChar(id.slice(0, 17)) === id[17];
}

export function withIdCheck(first17: string): string {
  const c = idCheckChar(first17);
  if (!c) throw new Error("invalid id body");
  return first17 + c;
}
