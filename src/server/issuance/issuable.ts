// 获取待发证记录 (002 §4.2.1): the org's passes whose plan has ended (考试计划结束后, 003 §四) and that have no
// issuance record yet, split into 可发证 (candidate information 信息准确) and 不可发证 (with the reason). One
// definition serves the dialog's counts, both downloads and the generation itself.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { ListDef } from "@/server/lists/define";
import { afterIdWhere, and } from "@/server/lists/define";
import { forbidden } from "@/server/errors";
import type { Scope } from "@/server/tenancy";
import { maskIdNumber } from "@/domain/auth/mask";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { CANDIDATE_STATUS_LABELS, CANDIDATE_TYPE_LABELS } from "@/domain/candidates/rules";
import type { CandidateStatus, CandidateType } from "@/generated/prisma/enums";

/** The dialog's conditions (shared by the form, the downloads and the mutation). */
export const issuableFilter = z.strictObject({
  planId: z.uuid("请选择考试计划").optional(),
  certificateId: z.uuid("请选择证书").optional(),
  levelId: z.uuid("请选择证书等级").optional(),
  schoolId: z.uuid("请选择院校").optional(),
});
export type IssuableFilter = z.infer<typeof issuableFilter>;

/** Passed registrations of the org's ended plans not yet in issuance, under the filter. */
export function issuableWhere(scope: Scope, f: IssuableFilter, now: Date): Prisma.RegistrationWhereInput {
  if (scope.kind !== "org") throw forbidden();
  return {
    plan: { orgId: scope.orgId, publicityEndsAt: { lte: now } },
    result: { is: { outcome: "PASSED" } },
    issuance: { is: null },
    ...(f.planId ? { planId: f.planId } : {}),
    ...(f.levelId ? { certificateLevelId: f.levelId } : {}),
    ...(f.certificateId ? { certificateLevel: { certificateId: f.certificateId } } : {}),
    ...(f.schoolId ? { schoolId: f.schoolId } : {}),
  };
}

export const ELIGIBLE: Prisma.RegistrationWhereInput = { candidate: { status: "VERIFIED" } };
export const INELIGIBLE: Prisma.RegistrationWhereInput = { candidate: { status: { not: "VERIFIED" } } };

/** Why a candidate cannot be issued yet (不可发证原因). */
export function ineligibleReason(c: { status: CandidateStatus; verifyReasons: string[] }): string | null {
  if (c.status === "VERIFIED") return null;
  return [`考生信息${CANDIDATE_STATUS_LABELS[c.status]}`, ...c.verifyReasons].join("；");
}

export type IssuableRow = {
  id: string;
  candidateNumber: string;
  name: string;
  idNumberMasked: string;
  fullIdNumber: string;
  candidateType: string;
  school: string;
  certificate: string;
  level: string;
  plan: string;
  reason: string | null;
};

export const issuableList: ListDef<IssuableFilter, IssuableRow, Prisma.RegistrationWhereInput> = {
  name: "issuable",
  title: "可发证名单",
  permissions: ["org.issuance"],
  filter: issuableFilter,
  where: (_db, scope, f, now) => issuableWhere(scope, f, now),
  tabs: [
    { value: "ELIGIBLE", label: "可发证", where: ELIGIBLE },
    { value: "INELIGIBLE", label: "不可发证", where: INELIGIBLE },
  ],
  count: (db, where) => db.registration.count({ where }),
  rows: async (db, where, p) => {
    const rows = await db.registration.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include: {
        plan: { select: { code: true, name: true } },
        school: { select: { name: true } },
        candidate: { select: { number: true, status: true, verifyReasons: true } },
        certificateLevel: { select: { level: true, certificate: { select: { name: true } } } },
      },
      orderBy: p.byId ? { id: "asc" } : [{ schoolId: "asc" }, { name: "asc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    return rows.map((r) => ({
      id: r.id,
      candidateNumber: r.candidate.number,
      name: r.name,
      idNumberMasked: maskIdNumber(r.idNumber),
      fullIdNumber: r.idNumber,
      candidateType: CANDIDATE_TYPE_LABELS[r.candidateType as CandidateType],
      school: r.school.name,
      certificate: r.certificateLevel.certificate.name,
      level: LEVEL_LABELS[r.certificateLevel.level],
      plan: `${r.plan.name}（${r.plan.code}）`,
      reason: ineligibleReason(r.candidate),
    }));
  },
  present: (r) => ({ ...r, fullIdNumber: "" }),
  columns: [
    { header: "考生编号", width: 30, value: (r) => r.candidateNumber },
    { header: "考生姓名", value: (r) => r.name },
    { header: "身份证号", width: 22, value: (r) => r.fullIdNumber },
    { header: "学生类型", value: (r) => r.candidateType },
    { header: "所属院校", width: 28, value: (r) => r.school },
    { header: "证书名称", width: 36, value: (r) => r.certificate },
    { header: "证书等级", value: (r) => r.level },
    { header: "考证结果", value: () => "通过" },
    { header: "不可发证原因", width: 40, value: (r) => r.reason ?? "" },
  ],
};
