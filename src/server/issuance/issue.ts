// 发放证书 (002 §4.2; 001 §4.1.1.2): once both sides have signed, the org chooses paper or electronic and issues one
// record or a batch. The records move to 证书生成中, get their 证书编号 (kept through 重新发放) and a generation run;
// the worker renders the PDFs (issue-job.tsx). The request only checks, numbers and queues.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Tx } from "@/server/db";
import { sqlOf } from "@/server/db";
import { badRequest, forbidden } from "@/server/errors";
import { enqueue } from "@/server/jobs/queue";
import { change, type UseCaseCtx } from "@/server/use-case";
import type { Actor, OrgScope } from "@/server/tenancy";
import { certificateNumber, numberPrefix, SERIAL_MAX } from "@/domain/issuance/certificate";
import { BATCH_MAX, moveIssuances } from "./transition";

export const issueSchema = z.strictObject({
  ids: z.array(z.uuid("记录不存在")).min(1, "请选择要发放的记录").max(BATCH_MAX, `一次最多发放 ${BATCH_MAX} 条记录`),
  mode: z.enum(["PAPER", "ELECTRONIC"], "请选择发证方式"),
});
export type IssueJob = { batchId: string; scope: OrgScope; actor: Actor; ip: string | null };

export function orgScopeOf(ctx: Pick<UseCaseCtx, "scope">): OrgScope {
  if (ctx.scope.kind !== "org") throw forbidden("只有培训评价组织可以发放证书");
  return ctx.scope;
}

/** Gives each record without a 证书编号 the next serial of its prefix (org · year · level), in the caller's transaction. */
export async function assignNumbers(tx: Tx, orgId: string, ids: string[], now: Date): Promise<void> {
  const sql = sqlOf(tx);
  const rows = await sql<{ id: string; orgCode: string; levelCode: string }>`
    SELECT i.id, o.code AS "orgCode", l.code AS "levelCode"
      FROM "Issuance" i JOIN "EvaluationOrg" o ON o.id = i."orgId" JOIN "CertificateLevel" l ON l.id = i."certificateLevelId"
     WHERE i.id = ANY(${ids}::uuid[]) AND i."orgId" = ${orgId}::uuid AND i."certificateNumber" IS NULL
     ORDER BY i."createdAt", i.id`;
  const year = Number(now.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }).slice(0, 4));
  const byPrefix = new Map<string, string[]>();
  for (const r of rows) {
    let p: string;
    try {
      p = numberPrefix(r.orgCode, year, r.levelCode);
    } catch (e) {
      throw badRequest(`${(e as Error).message}，请联系平台管理员`);
    }
    byPrefix.set(p, [...(byPrefix.get(p) ?? []), r.id]);
  }
  const ids_: string[] = [];
  const numbers: string[] = [];
  const salts: string[] = [];
  for (const [prefix, group] of [...byPrefix].sort(([a], [b]) => a.localeCompare(b))) {
    // The row lock on the prefix serializes concurrent runs: each takes its own range.
    const [{ next }] = await sql<{ next: string }>`
      INSERT INTO "CertificateSerial" (prefix, next) VALUES (${prefix}, ${group.length + 1})
      ON CONFLICT (prefix) DO UPDATE SET next = "CertificateSerial".next + ${group.length}
      RETURNING next::text AS next`;
    const first = Number(next) - group.length;
    if (Number(next) - 1 > SERIAL_MAX) throw new Error(`证书编号 ${prefix} 的序号已用尽`);
    group.forEach((id, i) => {
      ids_.push(id);
      numbers.push(certificateNumber(prefix, first + i));
      salts.push(randomBytes(16).toString("hex"));
    });
  }
  if (ids_.length === 0) return;
  await sql`
    UPDATE "Issuance" i SET "certificateNumber" = v.n, "idSalt" = v.s
      FROM unnest(${ids_}::uuid[], ${numbers}::text[], ${salts}::text[]) AS v(id, n, s)
     WHERE i.id = v.id`;
}

export async function issueCertificates({ ctx, input }: { ctx: UseCaseCtx; input: z.infer<typeof issueSchema> }) {
  const scope = orgScopeOf(ctx);
  const now = ctx.clock.now();
  const ids = [...new Set(input.ids)];
  return change(
    ctx,
    async (tx) => {
      const batch = await tx.issueBatch.create({
        data: { orgId: scope.orgId, mode: input.mode, total: ids.length, createdById: ctx.actor.id, createdAt: now, heartbeatAt: now },
      });
      // Numbers first: the database keeps every record in 证书生成中 numbered (a failed move rolls them back).
      await assignNumbers(tx, scope.orgId, ids, now);
      const n = await moveIssuances(
        tx,
        scope,
        ids,
        { kind: "issue", mode: input.mode },
        { at: now, actorId: ctx.actor.id, actorName: ctx.actor.name ?? ctx.actor.account, data: { mode: input.mode, batchId: batch.id, failureCause: null } },
      );
      const job: IssueJob = { batchId: batch.id, scope, actor: ctx.actor, ip: ctx.meta.ip };
      await enqueue(tx, "issue", job);
      return { batchId: batch.id, issuing: n };
    },
    (r) => ({
      action: "issuance.issue",
      targetType: "IssueBatch",
      targetId: r.batchId,
      summary: `发放${input.mode === "PAPER" ? "纸质" : "电子"}证书 ${r.issuing} 份`,
    }),
  );
}
