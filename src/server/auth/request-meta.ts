import type { RequestMeta } from "@/server/session-user";
import { env } from "@/server/env";

/**
 * The client's address. The TCP peer comes from scripts/server.ts (x-vslc-peer, which no client can set).
 * X-Forwarded-For is believed only as far as TRUSTED_PROXY allows: a hop count ("1": one load balancer in
 * front, so the client is the last address it appended) or a comma-separated list of proxy addresses (walk
 * from the right past them). Without TRUSTED_PROXY the peer is the client, whatever the headers say.
 */
export function clientIp(h: Headers, trusted = env().TRUSTED_PROXY ?? ""): string | null {
  const peer = h.get("x-vslc-peer") || null;
  const setting = trusted.trim();
  if (!setting) return peer;
  const chain = [
    ...(h.get("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    ...(peer ? [peer] : []),
  ];
  if (/^\d+$/.test(setting)) {
    // n trusted hops: the peer is the nearest proxy, the client the address n places left of the chain's end.
    const n = Number(setting);
    return chain[Math.max(0, chain.length - 1 - n)] ?? peer;
  }
  const proxies = new Set(setting.split(",").map((s) => s.trim()));
  let i = chain.length - 1;
  while (i > 0 && proxies.has(chain[i])) i--;
  return chain[i] ?? peer;
}

export function requestMetaFromHeaders(h: Headers): RequestMeta {
  const ip = clientIp(h)?.slice(0, 64) ?? null;
  return { ip, userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
}
