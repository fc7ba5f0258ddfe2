// Issue 10 item 8: every page answers with a nonce-based CSP (a fresh nonce each time, handed to Next on the
// request) and, in production only, HSTS.
import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";

const original = process.env.APP_MODE;
afterEach(() => {
  process.env.APP_MODE = original;
});

const policy = (r: Response) => r.headers.get("content-security-policy") ?? "";

describe("proxy", () => {
  it("sets a strict CSP with a fresh nonce per response, and passes that nonce to the page render", () => {
    const a = proxy(new NextRequest("http://localhost:3000/school/login"));
    const b = proxy(new NextRequest("http://localhost:3000/school/login"));
    const nonce = /'nonce-([A-Za-z0-9+/=]{24})'/.exec(policy(a))?.[1];
    expect(nonce).toBeTruthy();
    expect(policy(b)).not.toContain(nonce);
    for (const d of ["default-src 'self'", "'strict-dynamic'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"])
      expect(policy(a)).toContain(d);
    expect(policy(a)).not.toContain("unsafe-eval");
    expect(policy(a)).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // Next forwards overridden request headers to the render as x-middleware-request-*.
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(policy(a));
  });

  it("adds HSTS in production only", () => {
    process.env.APP_MODE = "demo";
    expect(proxy(new NextRequest("http://localhost/")).headers.get("strict-transport-security")).toBeNull();
    process.env.APP_MODE = "production";
    expect(proxy(new NextRequest("https://1x.example.cn/")).headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });
});
