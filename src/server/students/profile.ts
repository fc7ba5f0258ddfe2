// 个人信息: the student's own candidate record, as the school registered it (read-only here: the school corrects it).
import type { ReadCtx } from "@/server/use-case";
import type { StudentScope } from "@/server/tenancy";
import { maskIdNumber, maskPhone } from "@/domain/auth/mask";
import { ID_TYPE_LABELS } from "@/domain/candidates/identity";
import { CANDIDATE_STATUS_LABELS, CANDIDATE_TYPE_LABELS, GENDER_LABELS } from "@/domain/candidates/rules";
import { MAJOR_LEVEL_LABELS } from "@/domain/catalogue/labels";

export async function studentProfile({ ctx: { db, scope } }: { ctx: ReadCtx<StudentScope> }) {
  const c = await db.candidate.findUnique({
    where: { userId: scope.userId },
    include: { school: { select: { name: true, code: true } }, major: { select: { name: true, code: true } } },
  });
  if (!c) return null;
  return {
    number: c.number,
    name: c.name,
    pinyin: c.pinyin,
    gender: GENDER_LABELS[c.gender],
    type: CANDIDATE_TYPE_LABELS[c.type],
    idType: ID_TYPE_LABELS[c.idType],
    idNumber: maskIdNumber(c.idNumber),
    phone: maskPhone(c.phone),
    school: c.school.name,
    schoolCode: c.school.code,
    major: c.major ? `${c.major.name}（${c.major.code}）` : null,
    majorLevel: c.majorLevel ? MAJOR_LEVEL_LABELS[c.majorLevel] : null,
    enrolYear: c.enrolYear,
    status: CANDIDATE_STATUS_LABELS[c.status],
    verifyReasons: c.verifyReasons,
    photoFileId: c.photoFileId,
  };
}
