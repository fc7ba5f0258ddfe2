// 退出登录: the server-side session ends (every instance sees it at once) and the audit log records it.
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { RequestMeta, SessionUser } from "@/server/session-user";
import { revokeSession } from "./session";
import { writeAudit } from "@/server/audit/write";

export async function logout({ ctx }: { ctx: { db: Db; clock: Clock; session: SessionUser; meta: RequestMeta } }) {
  await revokeSession(ctx, ctx.session.sid);
  await writeAudit(ctx.db, { actor: ctx.session, action: "auth.logout", summary: "退出登录", ip: ctx.meta.ip });
  return { ok: true };
}
