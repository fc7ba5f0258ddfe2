// The demo SMS inbox: what the local gateway "sent". Never available in production mode.
import { demoInboxEnabled } from "@/server/env";
import { notFound } from "@/server/errors";
import type { PublicCtx } from "@/server/use-case";

export async function demoInbox({ ctx, input }: { ctx: PublicCtx; input: { phone?: string } }) {
  if (!demoInboxEnabled()) throw notFound("页面不存在");
  return ctx.db.smsOutbox.findMany({ where: input.phone ? { phone: input.phone } : {}, orderBy: { createdAt: "desc" }, take: 50 });
}
