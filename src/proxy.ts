// Runs before every page: a fresh CSP nonce for the response (Next reads the policy from the request headers and
// puts the nonce on its scripts; the root layout reads it for ours) and HSTS in production.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS, newNonce } from "@/server/http/csp";

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  if (process.env.APP_MODE === "production") res.headers.set("strict-transport-security", HSTS);
  return res;
}

export const config = {
  // Pages only: API routes answer JSON or files, and static assets carry no scripts of their own.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};
