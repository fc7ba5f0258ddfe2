import type { RequestMeta } from "@/server/session-user";

/** Client IP as the load balancer reports it (first X-Forwarded-For hop), else X-Real-IP. */
export function requestMetaFromHeaders(h: Headers): RequestMeta {
  const fwd = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = (fwd || h.get("x-real-ip") || "").slice(0, 64) || null;
  return { ip, userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
}
