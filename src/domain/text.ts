// Text every input must be: no NUL (PostgreSQL's text type refuses 0x00, which surfaced as HTTP 500) and no
// lone UTF-16 surrogate (half a character; it cannot be stored or shown). Checked once, at the edges: the tRPC
// input middleware and the upload and import routes (file names).
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const BAD = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const BAD_TEXT_MESSAGE = "输入内容包含无法识别的字符（空字符或残缺的文字编码），请删除后重试";

/** True when any string in the value (object keys included, nested up to 32 levels) is not plain text. */
export function hasBadText(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return BAD.test(value);
  if (depth > 32 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((v) => hasBadText(v, depth + 1));
  return Object.entries(value).some(([k, v]) => BAD.test(k) || hasBadText(v, depth + 1));
}

/** 2026-05-21 09:00, Beijing time (UTC+8, no DST): how messages name a moment. */
export const beijingMinute = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
