// Scoped reads of one school's candidates.
import { notFound } from "@/server/errors";
import type { ReadCtx } from "@/server/use-case";
import { maskIdNumber, maskPhone } from "@/domain/auth/mask";
import { candidatesWhere } from "./scope";
import { registrationsOfCandidate } from "@/server/registrations/queries";

const ACTION_LABELS: Record<string, string> = {
  "candidate.create": "添加考生",
  "candidate.update": "编辑考生信息",
  "candidate.confirm": "人工确认",
  "candidate.password.reset": "重置学生账号密码",
};

/** One candidate for the edit form; the ID number in full only here, to the school that holds it. */
export async function candidateDetail({ ctx: { db, scope }, input }: { ctx: ReadCtx; input: { id: string } }) {
  const c = await db.candidate.findFirst({
    where: { AND: [{ id: input.id }, candidatesWhere(scope)] },
    include: { major: { select: { id: true, code: true, name: true, level: true, catalogVersion: true } } },
  });
  if (!c) throw notFound("考生不存在");
  return { ...c, idNumberMasked: maskIdNumber(c.idNumber) };
}

/**
 * 查看考生: every field (ID number and phone masked, as in the list), the photo, 已报考证书 and the record of what
 * happened to the information: how it was registered, each change, the identity check and any 人工确认.
 */
export async function candidateView({ ctx: { db, scope, clock }, input }: { ctx: ReadCtx; input: { id: string } }) {
  const c = await db.candidate.findFirst({
    where: { AND: [{ id: input.id }, candidatesWhere(scope)] },
    include: {
      major: { select: { code: true, name: true, level: true, catalogVersion: true } },
      school: { select: { name: true } },
      importRecord: { select: { filename: true } },
    },
  });
  if (!c) throw notFound("考生不存在");
  const audit = await db.auditLog.findMany({
    where: { targetType: "Candidate", targetId: c.id, action: { in: Object.keys(ACTION_LABELS) } },
    orderBy: { at: "asc" },
    select: { at: true, action: true, account: true },
  });
  const history: { at: Date; event: string; by?: string | null }[] = [
    ...(c.importRecord ? [{ at: c.createdAt, event: `批量导入（${c.importRecord.filename}）` }] : []),
    ...audit.map((a) => ({ at: a.at, event: ACTION_LABELS[a.action], by: a.account })),
    // A 人工确认 has its own audit row; the identity check's verdict lives on the candidate.
    ...(c.verifiedAt && !c.confirmedById ? [{ at: c.verifiedAt, event: "身份认证通过：信息准确" }] : []),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const { idNumber, phone, verifyReasons, ...rest } = c;
  return {
    ...rest,
    idNumberMasked: maskIdNumber(idNumber),
    phoneMasked: maskPhone(phone),
    verifyReasons,
    history,
    registrations: await registrationsOfCandidate(db, c.id, clock.now()),
  };
}
