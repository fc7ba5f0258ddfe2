// Canonical JSON (RFC 8785, JCS) for the ledger's leaves: object keys sorted by UTF-16 code units, no whitespace,
// numbers and strings as ECMAScript serializes them. One value has one byte string, so its hash is its identity.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

export function canonicalJson(value: Json): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("规范化 JSON 不接受非有限数值");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as Json)}`).join(",")}}`;
}

export const canonicalBytes = (value: Json): Uint8Array => new TextEncoder().encode(canonicalJson(value));
