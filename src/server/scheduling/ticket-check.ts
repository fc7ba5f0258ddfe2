// 准考证核验: the QR code on a ticket opens /tickets/<准考证号>?s=<signature>. Only a link the platform signed reads
// anything (numbers are sequential; the signature stops anyone walking them), and only a published ticket; the page
// shows a masked name and ID, enough for an invigilator to compare with the candidate in front of them.
import type { Db } from "@/server/db";
import { keyedHash, safeEqualHex } from "@/server/crypto";
import { env } from "@/server/env";
import { maskIdNumber } from "@/domain/auth/mask";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { beijingMinute } from "@/domain/text";

export const ticketSignature = (ticketNumber: string) => keyedHash(`ticket:${ticketNumber}`).slice(0, 16);
export const ticketCheckUrl = (ticketNumber: string) => `${env().PUBLIC_URL.replace(/\/$/, "")}/tickets/${ticketNumber}?s=${ticketSignature(ticketNumber)}`;

/** A masked name: the surname and a star for each other character (张**). */
const maskName = (name: string) => [...name].map((c, i) => (i === 0 ? c : "*")).join("");

export async function checkTicket(db: Db, ticketNumber: string, signature: string | undefined) {
  if (!/^\d{20}$/.test(ticketNumber) || !signature || !/^[0-9a-f]{16}$/.test(signature) || !safeEqualHex(signature, ticketSignature(ticketNumber))) return null;
  const t = await db.registrationSubject.findFirst({
    where: { ticketNumber, planSubject: { publishedAt: { not: null } } },
    select: {
      seat: true,
      registration: { select: { name: true, idNumber: true, school: { select: { name: true } } } },
      planSubject: {
        select: {
          startsAt: true,
          endsAt: true,
          plan: { select: { name: true, org: { select: { name: true } } } },
          subject: { select: { name: true, code: true, certificateLevel: { select: { level: true, certificate: { select: { name: true } } } } } },
        },
      },
      room: { select: { name: true } },
      site: { select: { name: true } },
    },
  });
  if (!t) return null;
  const level = t.planSubject.subject.certificateLevel;
  return {
    ticketNumber,
    name: maskName(t.registration.name),
    idNumber: maskIdNumber(t.registration.idNumber),
    school: t.registration.school.name,
    org: t.planSubject.plan.org.name,
    plan: t.planSubject.plan.name,
    certificate: `${level.certificate.name}（${LEVEL_LABELS[level.level]}）`,
    subject: `${t.planSubject.subject.name}（${t.planSubject.subject.code}）`,
    time: `${beijingMinute(t.planSubject.startsAt)}~${beijingMinute(t.planSubject.endsAt).slice(11)}`,
    site: t.site?.name ?? "",
    room: t.room?.name ?? "",
    seat: t.seat,
  };
}
