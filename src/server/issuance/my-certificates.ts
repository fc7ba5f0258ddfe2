// 我的证书 (学生个人空间): the student's issued certificates, each with its state (有效 / 已撤销), the PDF while valid,
// and the public verification link the QR code carries.
import type { ReadCtx } from "@/server/use-case";
import { scopeFor } from "@/server/tenancy";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { MODE_LABELS } from "@/domain/issuance/certificate";
import { issuanceWhere } from "./scope";
import { verifyPath } from "./verify-link";

export async function myCertificates({ ctx }: { ctx: ReadCtx }) {
  const scope = scopeFor(ctx.scope, "student");
  const rows = await ctx.db.issuance.findMany({
    where: issuanceWhere(scope),
    orderBy: [{ issuedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      certificateNumber: true,
      mode: true,
      issuedAt: true,
      revokedAt: true,
      revocationReason: true,
      certificateFileId: true,
      registration: {
        select: {
          name: true,
          school: { select: { name: true } },
          plan: { select: { name: true, org: { select: { name: true } } } },
          certificateLevel: { select: { level: true, certificate: { select: { name: true } } } },
        },
      },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    certificateNumber: r.certificateNumber!,
    certificate: `${r.registration.certificateLevel.certificate.name}（${LEVEL_LABELS[r.registration.certificateLevel.level]}）`,
    org: r.registration.plan.org.name,
    school: r.registration.school.name,
    plan: r.registration.plan.name,
    mode: r.mode ? MODE_LABELS[r.mode] : "",
    issuedAt: r.issuedAt!,
    revoked: !!r.revokedAt,
    revokedAt: r.revokedAt,
    revocationReason: r.revocationReason,
    fileId: r.revokedAt ? null : r.certificateFileId,
    verifyPath: verifyPath(r.certificateNumber!),
  }));
}
