// 证书生成进度: the org's latest generation runs with their counts, for the progress bar on 证书发放管理.
import type { ReadCtx } from "@/server/use-case";
import { orgScopeOf } from "./issue";

export async function issueRuns({ ctx }: { ctx: ReadCtx }) {
  const scope = orgScopeOf(ctx);
  return ctx.db.issueBatch.findMany({
    where: { orgId: scope.orgId },
    orderBy: { createdAt: "desc" },
    take: 5,
    select: { id: true, mode: true, status: true, total: true, processed: true, issued: true, failed: true, message: true, createdAt: true, finishedAt: true },
  });
}
