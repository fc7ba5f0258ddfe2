// 审核记录 shared by applications and weekly reports: who (unit and account, frozen at the time), what, when.
import type { Db, Tx } from "@/server/db";
import type { Actor } from "@/server/tenancy";
import type { SmsGateway } from "@/server/sms/gateway";
import { maskPhone } from "@/domain/auth/mask";
import { log } from "@/server/log";

type Subject = { applicationId: string } | { weeklyReportId: string } | { siteId: string };
export type EventInput = { action: "SUBMIT" | "WITHDRAW" | "APPROVE" | "RETURN"; stage?: "CITY" | "PROVINCE" | null; reason?: string | null };

export async function unitLabel(db: Db | Tx, u: Actor): Promise<string> {
  const unit = u.schoolId
    ? (await db.school.findUnique({ where: { id: u.schoolId }, select: { name: true } }))?.name
    : u.departmentId
      ? (await db.educationDepartment.findUnique({ where: { id: u.departmentId }, select: { name: true } }))?.name
      : u.orgId
        ? (await db.evaluationOrg.findUnique({ where: { id: u.orgId }, select: { name: true } }))?.name
        : u.role === "ADMIN"
          ? "综合业务管理"
          : null;
  return `${unit ?? "—"}（${u.name ?? u.account}）`;
}

export async function recordEvent(tx: Tx, subject: Subject, e: EventInput, u: Actor, at: Date, label?: string): Promise<void> {
  await tx.reviewEvent.create({
    data: { ...subject, action: e.action, stage: e.stage ?? null, reason: e.reason ?? null, actorId: u.id, actorLabel: label ?? (await unitLabel(tx, u)), at },
  });
}

export function eventsView(events: { id: string; action: string; stage: string | null; reason: string | null; actorLabel: string; at: Date }[]) {
  return events.map((e) => ({ id: e.id, action: e.action, stage: e.stage, reason: e.reason, actor: e.actorLabel, at: e.at }));
}

/** A result notice by SMS; best effort after the change committed (the outbox keeps it), never rolls it back. */
export async function notify(sms: SmsGateway, phone: string | null | undefined, text: string): Promise<void> {
  if (!phone) return;
  try {
    await sms.send(phone, `【职业技能等级证书信息管理服务平台】${text}`);
  } catch (e) {
    log.error({ err: e, to: maskPhone(phone) }, "sms notice failed");
  }
}
