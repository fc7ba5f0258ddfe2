// 证书发放管理's list: one tab per state with its count (002 §4.2), for the org (its plans) and the school (its
// candidates; a 证书负责人 its certificates); exported as 发证记录.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { maskIdNumber } from "@/domain/auth/mask";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { ISSUANCE_STATUSES, ISSUANCE_STATUS_LABELS, type IssuanceStatus } from "@/domain/issuance/state";
import { MODE_LABELS } from "@/domain/issuance/certificate";
import { issuanceWhere } from "./scope";

const text = z.string().trim().max(60).optional();
export const issuanceFilter = z.strictObject({
  planId: z.uuid().optional(),
  certificate: text,
  school: text,
  name: text,
  idNumber: text,
  certificateNumber: text,
});

export type IssuanceRow = {
  id: string;
  status: IssuanceStatus;
  statusLabel: string;
  name: string;
  idNumberMasked: string;
  fullIdNumber: string;
  candidateNumber: string;
  school: string;
  certificate: string;
  levelCode: string;
  plan: string;
  certificateNumber: string | null;
  mode: string | null;
  refusalReason: string | null;
  failureCause: string | null;
  orgSignedAt: Date | null;
  siteSignedAt: Date | null;
  issuedAt: Date | null;
  revoked: boolean;
  fileId: string | null;
};

const at = (d: Date | null) => d?.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) ?? "";

export const issuanceList: ListDef<z.infer<typeof issuanceFilter>, IssuanceRow, Prisma.IssuanceWhereInput> = {
  name: "issuances",
  title: "发证记录",
  permissions: ["org.issuance", "school.issuance"],
  filter: issuanceFilter,
  where: (_db, scope, f) =>
    and<Prisma.IssuanceWhereInput>(
      issuanceWhere(scope),
      !!f.planId && { planId: f.planId },
      !!f.certificate && {
        registration: { certificateLevel: { OR: [{ code: { startsWith: f.certificate } }, { certificate: { name: { contains: f.certificate } } }] } },
      },
      !!f.school && { registration: { school: { OR: [{ code: f.school }, { name: { contains: f.school } }] } } },
      !!f.name && { registration: { name: { contains: f.name } } },
      !!f.idNumber && { registration: { idNumber: f.idNumber!.toUpperCase() } },
      !!f.certificateNumber && { certificateNumber: f.certificateNumber },
    ),
  tabs: ISSUANCE_STATUSES.map((s) => ({ value: s, label: ISSUANCE_STATUS_LABELS[s], where: { status: s } })),
  count: (db, where) => db.issuance.count({ where }),
  rows: async (db, where, p) => {
    const rows = await db.issuance.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include: {
        registration: {
          select: {
            name: true,
            idNumber: true,
            candidate: { select: { number: true } },
            school: { select: { name: true } },
            plan: { select: { code: true, name: true } },
            certificateLevel: { select: { code: true, level: true, certificate: { select: { name: true } } } },
          },
        },
        orgSignature: { select: { signedAt: true } },
        siteSignature: { select: { signedAt: true } },
      },
      orderBy: p.byId ? { id: "asc" } : [{ updatedAt: "desc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      statusLabel: ISSUANCE_STATUS_LABELS[r.status] + (r.revokedAt ? "（已撤销）" : ""),
      name: r.registration.name,
      idNumberMasked: maskIdNumber(r.registration.idNumber),
      fullIdNumber: r.registration.idNumber,
      candidateNumber: r.registration.candidate.number,
      school: r.registration.school.name,
      certificate: `${r.registration.certificateLevel.certificate.name}（${LEVEL_LABELS[r.registration.certificateLevel.level]}）`,
      levelCode: r.registration.certificateLevel.code,
      plan: `${r.registration.plan.name}（${r.registration.plan.code}）`,
      certificateNumber: r.certificateNumber,
      mode: r.mode ? MODE_LABELS[r.mode] : null,
      refusalReason: r.refusalReason,
      failureCause: r.failureCause,
      orgSignedAt: r.orgSignature?.signedAt ?? null,
      siteSignedAt: r.siteSignature?.signedAt ?? null,
      issuedAt: r.issuedAt,
      revoked: !!r.revokedAt,
      fileId: r.status === "ISSUED" ? r.certificateFileId : null,
    }));
  },
  present: (r) => ({ ...r, fullIdNumber: "" }),
  columns: [
    { header: "考生姓名", value: (r) => r.name },
    { header: "证件号码", width: 22, value: (r) => r.fullIdNumber },
    { header: "考生编号", width: 30, value: (r) => r.candidateNumber },
    { header: "所属院校", width: 28, value: (r) => r.school },
    { header: "证书编号", value: (r) => r.levelCode },
    { header: "证书名称", width: 40, value: (r) => r.certificate },
    { header: "考试计划", width: 36, value: (r) => r.plan },
    { header: "颁证状态", width: 18, value: (r) => r.statusLabel },
    { header: "证书号", width: 26, value: (r) => r.certificateNumber ?? "" },
    { header: "发证方式", value: (r) => r.mode ?? "" },
    { header: "拒绝签发理由", width: 30, value: (r) => r.refusalReason ?? "" },
    { header: "盖章失败原因", width: 30, value: (r) => (r.status === "SEAL_FAILED" ? (r.failureCause ?? "") : "") },
    { header: "培训评价组织签发时间", width: 20, value: (r) => at(r.orgSignedAt) },
    { header: "考核站点签发时间", width: 20, value: (r) => at(r.siteSignedAt) },
    { header: "发证时间", width: 20, value: (r) => at(r.issuedAt) },
  ],
};
