// 查看 (002 §4.2): one record's 学生信息, 证书信息, 考核信息 and 签发记录 (each step, with the signer's drawn signature
// where the step was a signing act), and its 上链信息 once issued. Scoped as the list is.
import { z } from "zod";
import { notFound } from "@/server/errors";
import type { ReadCtx } from "@/server/use-case";
import { maskIdNumber } from "@/domain/auth/mask";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { ISSUANCE_STATUS_LABELS } from "@/domain/issuance/state";
import { MODE_LABELS } from "@/domain/issuance/certificate";
import { MARK_LABELS } from "@/domain/scores/outcome";
import { latestEntries } from "@/server/ledger/proofs";
import { issuanceWhere } from "./scope";

export const detailSchema = z.strictObject({ id: z.uuid("记录不存在") });

const ACTION_LABELS: Record<string, string> = {
  generate: "获取待发证记录",
  orgSign: "培训评价组织签发",
  orgRefuse: "培训评价组织拒绝签发",
  siteSign: "考核站点签发",
  siteRefuse: "考核站点拒绝签发",
  issue: "发放证书",
  generated: "证书生成完成",
  sealFailed: "盖章失败",
  reissue: "重新发放",
  revoke: "撤销证书",
};

export async function issuanceDetail({ ctx, input }: { ctx: ReadCtx; input: z.infer<typeof detailSchema> }) {
  const r = await ctx.db.issuance.findFirst({
    where: { AND: [issuanceWhere(ctx.scope), { id: input.id }] },
    include: {
      registration: {
        select: {
          name: true,
          gender: true,
          idNumber: true,
          candidateType: true,
          majorName: true,
          candidate: { select: { number: true } },
          school: { select: { name: true } },
          plan: { select: { code: true, name: true, examStartsAt: true, org: { select: { name: true } } } },
          certificateLevel: { select: { code: true, level: true, certificate: { select: { name: true } } } },
          result: { select: { outcome: true, total: true } },
          subjects: {
            select: { score: { select: { mark: true, score: true } }, planSubject: { select: { subject: { select: { name: true, code: true } } } } },
          },
        },
      },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], include: { signature: { select: { imageFileId: true, signerName: true, records: true } } } },
    },
  });
  if (!r) throw notFound("证书发放记录不存在或无权查看");
  const reg = r.registration;
  const ledger = (await latestEntries(ctx.db, [r.id])).get(r.id) ?? null;
  return {
    id: r.id,
    status: r.status,
    statusLabel: ISSUANCE_STATUS_LABELS[r.status],
    student: {
      name: reg.name,
      gender: reg.gender === "MALE" ? "男" : "女",
      idNumberMasked: maskIdNumber(reg.idNumber),
      candidateNumber: reg.candidate.number,
      candidateType: reg.candidateType === "SCHOOL" ? "院校考生" : "社会考生",
      school: reg.school.name,
      major: reg.majorName,
    },
    certificate: {
      name: `${reg.certificateLevel.certificate.name}（${LEVEL_LABELS[reg.certificateLevel.level]}）`,
      code: reg.certificateLevel.code,
      org: reg.plan.org.name,
      certificateNumber: r.certificateNumber,
      mode: r.mode ? MODE_LABELS[r.mode] : null,
      issuedAt: r.issuedAt,
      fileId: r.status === "ISSUED" ? r.certificateFileId : null,
      failureCause: r.status === "SEAL_FAILED" ? r.failureCause : null,
      revokedAt: r.revokedAt,
      revocationReason: r.revocationReason,
    },
    assessment: {
      plan: `${reg.plan.name}（${reg.plan.code}）`,
      examStartsAt: reg.plan.examStartsAt,
      outcome: reg.result?.outcome === "PASSED" ? "已通过" : "未通过",
      total: reg.result?.total === null || reg.result?.total === undefined ? null : String(reg.result.total),
      subjects: reg.subjects.map((s) => ({
        name: s.planSubject.subject.name,
        code: s.planSubject.subject.code,
        score: s.score ? (s.score.score === null ? MARK_LABELS[s.score.mark] : String(s.score.score)) : null,
      })),
    },
    events: r.events.map((e) => ({
      id: e.id,
      action: ACTION_LABELS[e.action] ?? e.action,
      to: ISSUANCE_STATUS_LABELS[e.to],
      actorName: e.actorName,
      reason: e.reason,
      at: e.at,
      signatureFileId: e.signature?.imageFileId ?? null,
      signedRecords: e.signature?.records ?? null,
    })),
    ledger: ledger && { height: ledger.index + 1, leafHash: ledger.leafHash, rootHash: ledger.rootHash, kind: ledger.kind },
  };
}
