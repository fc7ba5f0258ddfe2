// tRPC in three parts (as create-t3-app): context, init, procedures. Every procedure is built from one
// of the builders below, each of which declares its access in meta; a test fails on any that does not.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { SmsGateway } from "@/server/sms/gateway";
import type { RequestMeta, SessionUser } from "@/server/session-user";
import { BAD_TEXT_MESSAGE, hasBadText } from "@/domain/text";
import { AppError } from "@/server/errors";
import type { RoleName } from "@/domain/auth/portals";
import { actorOf, mintScope, type ScopeOfPortal } from "@/server/tenancy";
import { APPLICANT_ONLY, holdsAny, openToApplicant, rolesHolding, type Permission, type PortalOf } from "@/domain/auth/permissions";
import { log } from "@/server/log";

z.config(z.locales.zhCN());

export type Context = {
  db: Db;
  /** The replica for heavy reads (or the primary when none is configured). */
  readDb: Db;
  clock: Clock;
  sms: SmsGateway;
  session: SessionUser | null;
  meta: RequestMeta & { deviceToken: string | null; captchaToken: string | null };
  /** Adds a Set-Cookie header to the response (no-op outside HTTP). */
  setCookie: (cookie: string) => void;
};

/** `applicant`: also open to a school still applying to become a pilot (it may only do these). */
export type Access = {
  access: "public" | "session" | "protected" | "roles" | "permission";
  roles?: readonly RoleName[];
  permissions?: readonly Permission[];
  applicant?: boolean;
};

const t = initTRPC
  .context<Context>()
  .meta<Access>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, path }) {
      const zod = error.cause instanceof ZodError ? error.cause : null;
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      if (internal) log.error({ err: error.cause ?? error, path }, "trpc internal error");
      const message = internal
        ? "系统繁忙，请稍后再试"
        : zod
          ? `输入有误：${zod.issues
              .map((i) => i.message)
              .slice(0, 3)
              .join("；")}`
          : shape.message;
      // No stack, path or database detail leaves the server.
      return {
        message,
        code: shape.code,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, fields: zod ? z.flattenError(zod).fieldErrors : null },
      };
    },
  });

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

const APP_TO_TRPC: Record<AppError["code"], TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

/** Use cases throw AppError with a Chinese message; it reaches the client as the matching tRPC error. */
const appErrors = t.middleware(async ({ next }) => {
  const res = await next();
  if (!res.ok && res.error.cause instanceof AppError) {
    const cause = res.error.cause;
    throw new TRPCError({ code: APP_TO_TRPC[cause.code], message: cause.message, cause });
  }
  return res;
});

/** Refuses NUL and half characters in any string of the input, before any procedure reads it. */
const plainText = t.middleware(async ({ getRawInput, next }) => {
  if (hasBadText(await getRawInput())) throw new TRPCError({ code: "BAD_REQUEST", message: BAD_TEXT_MESSAGE });
  return next();
});

const requireSession = t.middleware(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "登录已失效，请重新登录" });
  return next({ ctx: { ...ctx, session: ctx.session } });
});

/** While binding or the initial password change is pending, only the account procedures run. */
const requireComplete = t.middleware(({ ctx, next }) => {
  if (ctx.session?.needsBinding || ctx.session?.mustChangePassword) {
    throw new TRPCError({ code: "FORBIDDEN", message: "请先完成账号绑定并修改初始密码" });
  }
  return next();
});

export const publicProcedure = t.procedure.meta({ access: "public" }).use(appErrors).use(plainText);
/** Signed in, even with binding pending: only for the binding and session procedures. */
export const sessionProcedure = t.procedure.meta({ access: "session" }).use(appErrors).use(plainText).use(requireSession);
/** Signed in with a complete account, any role. */
export const protectedProcedure = t.procedure
  .meta({ access: "protected" })
  .use(appErrors)
  .use(plainText)
  .use(requireSession)
  .use(requireComplete)
  .use(({ ctx, next }) => next({ ctx: { scope: mintScope(ctx.session), actor: actorOf(ctx.session) } }));

/**
 * The auth gate by permission (the table in src/domain/auth/permissions): the session must hold one of
 * these; a sub-account holds what its role grants, an applying school only what is open to it. ctx.scope
 * is the scope of the permissions' portal.
 */
export function permissionProcedure<K extends Permission>(...perms: [K, ...K[]]) {
  return t.procedure
    .meta({ access: "permission", roles: rolesHolding(perms), permissions: perms, applicant: openToApplicant(perms) })
    .use(appErrors)
    .use(plainText)
    .use(requireSession)
    .use(requireComplete)
    .use(({ ctx, next }) => {
      if (!holdsAny(ctx.session.permissions, perms))
        throw new TRPCError({ code: "FORBIDDEN", message: ctx.session.schoolStatus === "APPLYING" ? APPLICANT_ONLY : "无权访问" });
      return next({ ctx: { scope: mintScope(ctx.session) as ScopeOfPortal[PortalOf<K>], actor: actorOf(ctx.session) } });
    });
}

export { APPLICANT_ONLY };

/** Standard list paging input, shared by every list. */
export const pageInput = {
  page: z.number().int().min(1).max(100000).default(1),
  pageSize: z.union([z.literal(10), z.literal(20), z.literal(50)]).default(10),
};
