import { describe, expect, it } from "vitest";
import { clientIp } from "./request-meta";

const h = (xff: string | null, peer = "203.0.113.9") => new Headers({ ...(xff ? { "x-forwarded-for": xff } : {}), "x-vslc-peer": peer });

describe("clientIp", () => {
  it("without a trusted proxy is the TCP peer, whatever X-Forwarded-For says", () => {
    expect(clientIp(h("1.2.3.4"), "")).toBe("203.0.113.9");
    expect(clientIp(h("1.2.3.4, 5.6.7.8"), "")).toBe("203.0.113.9");
  });
  it("behind one trusted hop is the address that hop appended, not what the client wrote before it", () => {
    // client 198.51.100.7 wrote "1.2.3.4"; the load balancer (the peer, 10.0.0.2) appended the client.
    expect(clientIp(h("1.2.3.4, 198.51.100.7", "10.0.0.2"), "1")).toBe("198.51.100.7");
    expect(clientIp(h(null, "10.0.0.2"), "1")).toBe("10.0.0.2");
  });
  it("with listed proxies walks from the right past them only", () => {
    expect(clientIp(h("1.2.3.4, 198.51.100.7, 10.0.0.3", "10.0.0.2"), "10.0.0.2, 10.0.0.3")).toBe("198.51.100.7");
    // A peer that is not a listed proxy is the client itself.
    expect(clientIp(h("1.2.3.4", "198.51.100.7"), "10.0.0.2")).toBe("198.51.100.7");
  });
});
