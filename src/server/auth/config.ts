// next-auth carries only a server-side session id in its JWT; everything else is checked in PostgreSQL.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/server/db";
import { systemClock } from "@/server/clock";
import { env } from "@/server/env";
import { consumeLoginChallenge } from "./login";
import { revokeSession } from "./session";
import { requestMetaFromHeaders } from "./request-meta";

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const e = env();
  cached = {
    secret: e.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: e.SESSION_MAX_HOURS * 3600 },
    jwt: { maxAge: e.SESSION_MAX_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    useSecureCookies: e.APP_MODE === "production",
    providers: [
      CredentialsProvider({
        id: "challenge",
        name: "challenge",
        credentials: { challenge: { label: "challenge", type: "text" } },
        async authorize(credentials, req) {
          const token = credentials?.challenge;
          if (!token || typeof token !== "string") return null;
          const headers = new Headers();
          for (const [k, v] of Object.entries(req?.headers ?? {})) if (typeof v === "string") headers.set(k, v);
          const r = await consumeLoginChallenge({ db: getDb(), clock: systemClock }, token, requestMetaFromHeaders(headers));
          return r ? { id: r.userId, sid: r.sid } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sid = (user as { sid?: string }).sid;
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, sid: token.sid } as never;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await revokeSession({ db: getDb(), clock: systemClock }, String(token.sid));
      },
    },
  };
  return cached;
}
