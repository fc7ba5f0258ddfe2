// Calls tRPC procedures exactly as HTTP does, minus HTTP: same router, middleware and use cases.
import { createCaller } from "@/server/api/root";
import type { Context } from "@/server/api/trpc";
import type { Db } from "@/server/db";
import { fixedClock, type Clock } from "@/server/clock";
import { OutboxSmsGateway } from "@/server/sms/gateway";
import { resolveSession } from "@/server/auth/session";
import { DEVICE_COOKIE } from "@/server/auth/device-cookie";
import { CAPTCHA_COOKIE } from "@/server/auth/captcha";
import { solveWork } from "@/domain/auth/work";
import type { SessionUser } from "@/server/session-user";
import { actorOf, mintScope, requesterOf, scopeFor, type Requester, type ScopeOfPortal } from "@/server/tenancy";
import type { UseCaseCtx } from "@/server/use-case";
import type { Importer } from "@/server/imports/pipeline";
import { runQueuedJobs } from "@/server/jobs/worker";
import type { Storage } from "@/server/storage";
import type { Portal } from "@/domain/auth/portals";

export type Browser = {
  ip: string;
  deviceToken: string | null;
  captchaToken: string | null;
  cookies: string[];
};

export function newBrowser(ip = "203.0.113.10"): Browser {
  return { ip, deviceToken: null, captchaToken: null, cookies: [] };
}

export function caller(db: Db, opts: { clock?: Clock; session?: SessionUser | null; browser?: Browser; readDb?: Db } = {}) {
  const browser = opts.browser ?? newBrowser();
  const ctx: Context = {
    db,
    readDb: opts.readDb ?? db,
    clock: opts.clock ?? fixedClock("2026-11-22T02:00:00Z"),
    sms: new OutboxSmsGateway(db),
    session: opts.session ?? null,
    // Cookies as a browser keeps them: set by one call, sent with the next.
    meta: {
      ip: browser.ip,
      userAgent: "vitest",
      get deviceToken() {
        return browser.deviceToken;
      },
      get captchaToken() {
        return browser.captchaToken;
      },
    },
    setCookie: (c) => {
      browser.cookies.push(c);
      const m = new RegExp(`^${DEVICE_COOKIE}=([^;]+)`).exec(c);
      if (m) browser.deviceToken = m[1];
      const k = new RegExp(`^${CAPTCHA_COOKIE}=([^;]+)`).exec(c);
      if (k) browser.captchaToken = k[1];
    },
  };
  return createCaller(ctx);
}

/** The code the local gateway sent to this phone most recently. */
export async function lastSmsCode(db: Db, phone: string): Promise<string> {
  const msg = await db.smsOutbox.findFirst({ where: { phone }, orderBy: { createdAt: "desc" } });
  const m = msg && /验证码为 (\d{6})/.exec(msg.content);
  if (!m) throw new Error(`no sms to ${phone}`);
  return m[1];
}

/** A captcha drawn for this caller's browser, answered (CAPTCHA_PROVIDER=fixed in tests) and its work solved. */
export async function solvedCaptcha(api: ReturnType<typeof caller>, answer = "8888") {
  const cap = await api.auth.captcha();
  return { captchaId: cap.id, captchaAnswer: answer, captchaWork: (await solveWork(cap.work))! };
}

/** Runs the whole login (captcha, password, SMS) and returns the resolved session. */
export async function login(
  db: Db,
  clock: Clock,
  account: string,
  password: string,
  opts: { portal?: "school" | "org" | "edu" | "admin" | "student"; browser?: Browser; trust?: boolean } = {},
): Promise<SessionUser> {
  const browser = opts.browser ?? newBrowser();
  const api = caller(db, { clock, browser });
  const cap = await solvedCaptcha(api);
  const u = await db.user.findUniqueOrThrow({ where: { account } });
  const portal =
    opts.portal ?? ({ ADMIN: "admin", EDU: "edu", ORG: "org", SCHOOL_PRINCIPAL: "school", SCHOOL_ADMIN: "school", STUDENT: "student" } as const)[u.role];
  const start = await api.auth.login({ portal, account, password, ...cap });
  if (start.needSms) {
    await api.auth.verifyLoginSms({ challenge: start.challenge, code: await lastSmsCode(db, u.phone!), trustDevice: !!opts.trust });
  }
  const { consumeLoginChallenge } = await import("@/server/auth/login");
  const s = await consumeLoginChallenge({ db, clock }, start.challenge, { ip: browser.ip, userAgent: "vitest" });
  if (!s) throw new Error("challenge not consumable");
  const user = await resolveSession(db, clock, s.sid);
  if (!user) throw new Error("session not resolvable");
  return user;
}

/** What a procedure hands its use case, for tests that call a use case directly (with their own storage, say). */
export function useCaseCtx<P extends Portal>(
  db: Db,
  session: SessionUser,
  portal: P,
  clock: Clock = fixedClock("2026-11-22T02:00:00Z"),
): UseCaseCtx<ScopeOfPortal[P]> {
  return {
    db,
    clock,
    sms: new OutboxSmsGateway(db),
    scope: scopeFor(mintScope(session), portal),
    actor: actorOf(session),
    meta: { ip: "203.0.113.10", userAgent: "vitest" },
  };
}

/** Runs what the worker would: every queued job, now, through the real queue and handlers. */
export async function runJobs(db: Db, clock: Clock, storage?: Storage): Promise<number> {
  return runQueuedJobs(db, { clock, storage });
}

/** 批量导出 end to end: the request, the worker's job, then the finished record the dialog would poll. */
export async function exportNow(
  api: ReturnType<typeof caller>,
  db: Db,
  clock: Clock,
  input: Parameters<ReturnType<typeof caller>["exports"]["create"]>[0],
  storage?: Storage,
) {
  const { exportId } = await api.exports.create(input);
  await runJobs(db, clock, storage);
  const st = await api.exports.status({ id: exportId });
  if (st.status !== "DONE" || !st.fileId) throw new Error(`export ${st.status}: ${st.message}`);
  return { exportId, rows: st.processed, fileId: st.fileId, filename: st.filename };
}

/** Who imports, as the import route mints it from the session. */
/** The Requester a route handler mints for this session (downloads, uploads). */
export function requester(session: SessionUser): Requester {
  const r = requesterOf(session);
  if (!r) throw new Error("session without its tenant");
  return r;
}

export function importer<P extends "school" | "org" = "school">(session: SessionUser, portal?: P): Importer<ScopeOfPortal[P]> {
  return { scope: scopeFor(mintScope(session), portal ?? ("school" as P)), actor: actorOf(session) };
}
