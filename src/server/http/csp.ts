// Content-Security-Policy for every page: scripts only with this response's nonce (Next puts it on its own
// scripts when it finds the policy on the request) and what they load ('strict-dynamic'); nothing framed,
// no plugins, forms and fetches to this origin only. Styles may be inline: React's style attributes need it,
// and a style cannot run code.

/** 16 random bytes, base64: one per response, so an injected script cannot guess it. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function contentSecurityPolicy(nonce: string, opts: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // Next's development server evaluates modules (React Refresh); production never needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // data: the captcha image; blob: a photo's preview before it is uploaded.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS once the platform is served as production (always behind HTTPS there); a year, sub-domains too. */
export const HSTS = "max-age=31536000; includeSubDomains";
